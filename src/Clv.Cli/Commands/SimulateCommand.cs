using System.Globalization;
using Clv.Models;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Serialization;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv simulate`: a reproducible transaction log (and optionally its summary) drawn from a model, for benchmarks and
/// tests. Identical arguments give identical files.
/// </summary>
internal static class SimulateCommand
{
    public static void Run(CliArguments args, TextWriter stdout)
    {
        var model = ModelCatalog.Find(args.Required("model"));
        if (model.Opportunities is not null) throw new UsageException($"clv simulate draws a transaction log in continuous time; simulate {model.Name} customers with the library's BgBbSimulator");
        if (model.Purchases is null || model.Defaults is null) throw new UsageException($"clv simulate draws transactions; {model.Name} is not a transaction model");
        int customers = args.OptionalInt("customers", min: 1) ?? throw new UsageException("missing required option --customers");
        string? parameters = args.Optional("parameters");
        string unit = args.Optional("time-unit") ?? "weeks";
        double unitDays;
        try { unitDays = SummaryOptions.ParseTimeUnit(unit); }
        catch (ArgumentException) { throw new UsageException($"option --time-unit: unknown unit '{unit}'; expected weeks, days or a positive number of days"); }
        var options = new LogSimulationOptions
        {
            Customers = customers,
            Seed = args.OptionalInt("seed", min: 0) ?? 1,
            Start = args.OptionalDate("start") ?? new DateOnly(2025, 1, 1),
            AcquisitionDays = args.OptionalInt("acquisition-days", min: 1) ?? 84,
            ObservationDays = args.OptionalInt("days", min: 1) ?? 273,
            TimeUnitDays = unitDays,
            Spend = args.Optional("spend-parameters") is { } spend
                ? GammaGammaParameters.FromSpan(new ModelDocument(FittedGammaGamma.ModelName, ParseParameters(spend, "spend-parameters")).Require(GammaGammaParameters.Names, "--spend-parameters"))
                : null,
        };
        if (options.AcquisitionDays > options.ObservationDays) throw new UsageException("--acquisition-days must not exceed --days");
        string? summaryOutput = args.Optional("summary-output");
        string output = args.Required("output");
        args.RejectUnknown();

        var document = new ModelDocument(model.Name, parameters is null ? model.Defaults : ParseParameters(parameters, "parameters"));
        IPurchaseModel purchases = model.Purchases(document, "--parameters");
        long transactions = 0;
        AtomicFile.Write(output, log =>
        {
            if (summaryOutput is null) transactions = TransactionLogSimulator.Write(purchases, options, log);
            else AtomicFile.Write(summaryOutput, summary => transactions = TransactionLogSimulator.Write(purchases, options, log, summary));
        });
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"{customers:N0} customers, {transactions:N0} transactions ({options.Start:yyyy-MM-dd} .. {options.End:yyyy-MM-dd}) written to {output}")
            + (summaryOutput is null ? "" : $"; summary written to {summaryOutput}"));
    }

    /// <summary>"r=0.243,alpha=4.414,..." as name/value pairs (the model checks names and values).</summary>
    private static List<KeyValuePair<string, double>> ParseParameters(string text, string option)
    {
        var list = new List<KeyValuePair<string, double>>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new UsageException($"option --{option} expects name=value pairs separated by commas (e.g. r=0.243,alpha=4.414) but got '{part}'");
            list.Add(new(part[..eq].Trim(), v));
        }
        return list;
    }
}
