using Clv.Models.Uncertainty;

namespace Clv.Cli.Commands;

/// <summary>
/// The bootstrap options of `clv predict` and `clv fit`: <c>--bootstrap B</c> turns it on; <c>--intervals level</c> (default 0.9),
/// <c>--bootstrap-kind nonparametric|parametric</c> (default nonparametric) and <c>--seed N</c> (default 0) need it.
/// </summary>
internal static class BootstrapArguments
{
    public static BootstrapOptions? Read(CliArguments args)
    {
        int? replicates = args.OptionalInt("bootstrap", min: 2);
        double? level = args.OptionalDouble("intervals", min: 0);
        string? kind = args.Optional("bootstrap-kind");
        int? seed = args.OptionalInt("seed");
        int? threads = args.OptionalInt("threads", min: 1);
        if (replicates is null)
        {
            if (level is not null) throw new UsageException("--intervals needs --bootstrap (the number of replicates, e.g. 200)");
            if (kind is not null || seed is not null) throw new UsageException("--bootstrap-kind and --seed need --bootstrap");
            if (threads is not null) throw new UsageException("--threads needs --bootstrap");
            return null;
        }
        if (level is { } l && !(l > 0 && l < 1)) throw new UsageException($"--intervals expects a level between 0 and 1 (e.g. 0.9) but got {l.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var parsed = kind switch
        {
            null or "nonparametric" => BootstrapKind.Nonparametric,
            "parametric" => BootstrapKind.Parametric,
            _ => throw new UsageException($"--bootstrap-kind expects nonparametric or parametric but got '{kind}'"),
        };
        return new BootstrapOptions { Replicates = replicates.Value, ConfidenceLevel = level ?? 0.9, Kind = parsed, Seed = seed ?? 0, MaxDegreeOfParallelism = threads };
    }
}
