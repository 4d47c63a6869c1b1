using Clv.Models.Covariates;

namespace Clv.Cli.Commands;

/// <summary>
/// The covariate options of `clv fit`: <c>--covariates cov.csv</c> turns them on; <c>--purchase-covariates a,b</c>,
/// <c>--life-covariates b,c</c>, <c>--constrain-covariates c</c> (one coefficient in both processes), <c>--covariate-penalty λ</c>
/// (or <c>--purchase-penalty λ</c>, <c>--life-penalty λ</c>), <c>--categorical store</c> (numbers that are labels) and
/// <c>--covariate-id-column id</c> need it. Without a process list every covariate enters both processes.
/// </summary>
internal sealed record CovariateArguments(string Path, IReadOnlyList<string>? Purchase, IReadOnlyList<string>? Life, IReadOnlyList<string>? Constrained,
    double PurchasePenalty, double LifePenalty, CovariateCsvOptions Csv)
{
    public static CovariateArguments? Read(CliArguments args)
    {
        string? path = args.Optional("covariates");
        var purchase = List(args, "purchase-covariates");
        var life = List(args, "life-covariates");
        var constrained = List(args, "constrain-covariates");
        var categorical = List(args, "categorical");
        string? idColumn = args.Optional("covariate-id-column");
        double? both = args.OptionalDouble("covariate-penalty", min: 0);
        double? purchasePenalty = args.OptionalDouble("purchase-penalty", min: 0);
        double? lifePenalty = args.OptionalDouble("life-penalty", min: 0);
        if (path is null)
        {
            if (purchase is not null || life is not null || constrained is not null || categorical is not null || idColumn is not null || both is not null || purchasePenalty is not null || lifePenalty is not null)
                throw new UsageException("--purchase-covariates, --life-covariates, --constrain-covariates, --categorical, --covariate-id-column and the penalties need --covariates cov.csv");
            return null;
        }
        if (both is not null && (purchasePenalty is not null || lifePenalty is not null))
            throw new UsageException("--covariate-penalty sets both penalties; give it or --purchase-penalty/--life-penalty, not both");
        return new CovariateArguments(path, purchase, life, constrained, both ?? purchasePenalty ?? 0, both ?? lifePenalty ?? 0,
            new CovariateCsvOptions { IdColumn = idColumn, Categorical = categorical ?? [] });
    }

    /// <summary>The spec to fit: the processes given, or (none given) every covariate of <paramref name="table"/> in both processes.</summary>
    public CovariateSpec SpecFor(CovariateTable table)
    {
        var spec = Purchase is null && Life is null && Constrained is null
            ? CovariateSpec.Both(table)
            : new CovariateSpec { Purchase = Purchase ?? [], Life = Life ?? [], Constrained = Constrained ?? [] };
        return spec with { PurchasePenalty = PurchasePenalty, LifePenalty = LifePenalty };
    }

    private static List<string>? List(CliArguments args, string name)
    {
        string? value = args.Optional(name);
        if (value is null) return null;
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0)) throw new UsageException($"option --{name} expects comma-separated column names (e.g. age,channel) but got '{value}'");
        return [.. items];
    }
}
