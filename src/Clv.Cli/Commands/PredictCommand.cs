using System.Globalization;
using Clv.Models;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Serialization;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv predict`: per-customer predictions from a model file and a summary. A transaction model writes
/// <c>log_likelihood,p_alive,expected_purchases</c>; a Gamma-Gamma model alone writes <c>log_likelihood,expected_spend</c>
/// for the customers with a repeat purchase. An sbg model writes per-period projections (see <see cref="RetentionCommands.Predict"/>).
/// A model file with static covariates needs <c>--covariates</c> and predicts each customer with its own parameters
/// (<see cref="CovariatePredictColumns"/>).
/// </summary>
internal static class PredictCommand
{
    public static void Run(CliArguments args, TextWriter stdout)
    {
        string modelPath = args.Required("model");
        string? inputOption = args.Optional("input");
        double? horizon = args.OptionalDouble("horizon", min: 0);
        double? discountRate = args.OptionalDouble("discount-rate", min: 0);
        double? valueHorizon = args.OptionalDouble("value-horizon", min: 0);
        string? spendPath = args.Optional("spend-model");
        double? margin = args.OptionalDouble("margin", min: 0);
        string? plot = args.Optional("plot");
        string output = args.Required("output");
        var bootstrap = BootstrapArguments.Read(args);
        string? covariatesPath = args.Optional("covariates");
        string? covariateId = args.Optional("covariate-id-column");
        args.RejectUnknown();
        if (covariateId is not null && covariatesPath is null) throw new UsageException("--covariate-id-column needs --covariates");
        if (valueHorizon is not null && discountRate is null) throw new UsageException("--value-horizon needs --discount-rate (use 0 for undiscounted purchases)");
        if (valueHorizon is 0) throw new UsageException("--value-horizon must be > 0");
        if (spendPath is not null && discountRate is null) throw new UsageException("--spend-model needs --discount-rate: clv = margin x expected_spend x dert");
        if (margin is not null && spendPath is null) throw new UsageException("--margin needs --spend-model");

        var document = ModelDocument.Load(modelPath);
        var model = ModelCatalog.Find(document.Model, modelPath);
        if (document.Covariates is not null && model.Covariates is null)
            throw new ClvDataException(modelPath, null, "covariates", $"a {model.Name} model takes no covariates (bg-nbd and pareto-nbd do)");
        if (document.Covariates is not null && covariatesPath is null)
            throw new UsageException($"{modelPath} is a {model.Name} model with static covariates: pass --covariates cov.csv (every customer's covariates, joined on customer id)");
        if (document.Covariates is null && covariatesPath is not null)
            throw new UsageException($"--covariates needs a model fitted with covariates (clv fit --covariates); {modelPath} has none");
        if (plot is not null && model.Retention is null)
            throw new UsageException($"--plot draws the survival plot of an sbg model; for a {model.Name} model use clv evaluate");
        if (bootstrap is not null && (model.Opportunities is not null || model.Retention is not null))
            throw new UsageException($"--bootstrap is available for bg-nbd, pareto-nbd, mbg-nbd and gamma-gamma models, not for a {model.Name} model");
        if ((model.Opportunities is not null || model.Retention is not null) && SummaryInput.IsParquet(output))
            throw new UsageException($"--output .parquet is available for bg-nbd, pareto-nbd, mbg-nbd and gamma-gamma predictions; a {model.Name} model writes CSV");
        if (model.Opportunities is { } discrete)
        {
            string input = inputOption ?? throw new UsageException("missing required option --input");
            if (valueHorizon is not null || spendPath is not null)
                throw new UsageException($"a {model.Name} model predicts over discrete opportunities: --value-horizon and --spend-model do not apply");
            OpportunityPredictions.Run(discrete.Load(document, modelPath), horizon, discountRate, input, output, stdout);
            return;
        }
        if (model.Retention is { } retention)
        {
            PredictRetention(retention.Load(document, modelPath), inputOption, horizon, discountRate, valueHorizon is null && spendPath is null, output, plot, stdout);
            return;
        }
        string summaryInput = inputOption ?? throw new UsageException("missing required option --input");
        Table table;
        if (model.Purchases is { } purchases)
        {
            GammaGammaParameters? spend = null;
            if (spendPath is not null)
            {
                var spendDocument = ModelDocument.Load(spendPath);
                var spendModel = ModelCatalog.Find(spendDocument.Model, spendPath);
                spend = spendModel.Spend?.Invoke(spendDocument, spendPath)
                    ?? throw new ClvDataException(spendPath, null, "model", $"--spend-model expects a gamma-gamma model file but this is a {spendModel.Name} model");
            }
            var valuation = discountRate is { } delta
                ? new ValuationOptions { DiscountRate = delta, Horizon = valueHorizon ?? double.PositiveInfinity, Margin = margin ?? 1 }
                : null;
            double h = horizon ?? throw new UsageException($"missing required option --horizon (a {model.Name} model predicts purchases over a horizon)");
            if (document.Covariates is { } cov)
            {
                var covariates = CovariateTableCsv.Read(covariatesPath!, cov.CsvOptions(covariateId));
                table = CovariatePredictColumns.Create(model.Covariates!.Load(document, modelPath), covariates, h, valuation, spend, summaryInput, bootstrap);
            }
            else table = PurchaseColumns(purchases(document, modelPath), h, valuation, spend, summaryInput, bootstrap);
        }
        else
        {
            if (horizon is not null || discountRate is not null || spendPath is not null)
                throw new UsageException($"a {model.Name} model predicts spend per transaction: --horizon, --discount-rate and --spend-model do not apply");
            table = SpendColumns(model.Spend!(document, modelPath), summaryInput, bootstrap);
        }

        var summary = SummaryInput.ReadCustomers(summaryInput, "predictions are per customer and need");
        var (rows, columns) = table(summary);
        Write(output, summary, rows, columns);
        stdout.WriteLine($"{rows.Length} customers: predictions written to {output}");
    }

    /// <summary>An sBG model file: per-period projections (<see cref="RetentionCommands.Predict"/>), for the cohorts in --input if given.</summary>
    private static void PredictRetention(Clv.Models.Sbg.SbgParameters p, string? input, double? horizon, double? discountRate, bool onlyRetentionOptions, string output, string? plot, TextWriter stdout)
    {
        if (!onlyRetentionOptions) throw new UsageException("an sbg model predicts retention per period: --value-horizon, --spend-model and --margin do not apply");
        double last = horizon ?? throw new UsageException("missing required option --horizon (the last period to project, e.g. 12)");
        if (last != Math.Floor(last) || last > 1_000_000) throw new UsageException($"--horizon for an sbg model is the last period to project, a whole number up to 1000000, but got {last.ToString(CultureInfo.InvariantCulture)}");
        if (plot is not null && input is null) throw new UsageException("--plot needs --input: the survival plot shows the actual survivors next to the projection");
        var format = plot is null ? default : RetentionCommands.PlotFormatOf(plot);
        var data = input is null ? null : Clv.Models.Sbg.CohortSurvivorsCsv.Read(input);
        int rows = RetentionCommands.Predict(p, data, (int)last, discountRate, output);
        stdout.WriteLine($"{rows} rows (periods 0..{last.ToString(CultureInfo.InvariantCulture)}{(data is null ? "" : $", {data.CohortNames.Count} cohort(s)")}): projections written to {output}");
        if (plot is null) return;
        RetentionCommands.Plot(p, data!, (int)last, plot, format);
        stdout.WriteLine($"survival plot written to {plot}");
    }

    internal delegate (int[] Rows, List<(string Name, double[] Values)> Columns) Table(CustomerSummary summary);

    /// <summary>The columns of `clv predict` for a transaction model (and optionally valuation and spend).</summary>
    internal static Table PurchaseColumns(IPurchaseModel model, double horizon, ValuationOptions? valuation, GammaGammaParameters? spend, string input,
        BootstrapOptions? bootstrap = null) => summary => WithIntervals(PointColumns(model, horizon, valuation, spend, input)(summary), bootstrap, () =>
    {
        var intervals = Bootstrap.Purchases(model, summary, bootstrap, valuation is null ? null : spend).Predict(summary, horizon, valuation);
        return IntervalColumns(intervals);
    });

    /// <summary>The interval of each prediction column by its name (null where the bootstrap did not compute it).</summary>
    internal static Dictionary<string, PredictionInterval?> IntervalColumns(CustomerIntervals intervals) => new()
    {
        ["p_alive"] = intervals.ProbabilityAlive,
        ["expected_purchases"] = intervals.ExpectedPurchases,
        ["discounted_purchases"] = intervals.DiscountedExpectedTransactions,
        ["dert"] = intervals.DiscountedExpectedTransactions,
        ["expected_spend"] = intervals.ExpectedSpend,
        ["clv"] = intervals.Value,
    };

    /// <summary>
    /// The point columns followed, when bootstrapping, by <c>name_lower</c>, <c>name_upper</c> after every prediction column (the
    /// log-likelihood has none). Intervals are indexed by the summary's rows; <paramref name="rows"/> selects them.
    /// </summary>
    internal static (int[] Rows, List<(string Name, double[] Values)> Columns) WithIntervals((int[] Rows, List<(string Name, double[] Values)> Columns) table,
        BootstrapOptions? bootstrap, Func<Dictionary<string, PredictionInterval?>> intervals)
    {
        if (bootstrap is null) return table;
        var byName = intervals();
        var columns = new List<(string Name, double[] Values)>();
        foreach (var (name, values) in table.Columns)
        {
            columns.Add((name, values));
            if (!byName.TryGetValue(name, out var interval) || interval is null) continue;
            // Point columns hold one value per selected row; intervals one per summary row.
            columns.Add((name + "_lower", Select(interval.Lower, values.Length, table.Rows)));
            columns.Add((name + "_upper", Select(interval.Upper, values.Length, table.Rows)));
        }
        return (table.Rows, columns);
    }

    /// <summary>The interval column aligned with a point column: as is for all rows, else the selected rows' values.</summary>
    private static double[] Select(double[] perCustomer, int length, int[] rows) =>
        length == perCustomer.Length ? perCustomer : [.. rows.Select(r => perCustomer[r])];

    private static Table PointColumns(IPurchaseModel model, double horizon, ValuationOptions? valuation, GammaGammaParameters? spend, string input) => summary =>
    {
        int n = summary.Count;
        var ll = new double[n];
        model.LogLikelihoods(summary.Frequency, summary.Recency, summary.T, ll);
        List<(string, double[])> columns = [("log_likelihood", ll)];
        if (valuation is null)
        {
            var expected = new double[n];
            model.ExpectedPurchases(horizon, summary.Frequency, summary.Recency, summary.T, expected);
            var alive = new double[n];
            model.ProbabilityAlive(summary.Frequency, summary.Recency, summary.T, alive);
            columns.AddRange([("p_alive", alive), ("expected_purchases", expected)]);
            return (AllRows(n), columns);
        }
        if (spend is not null && summary.MonetaryValue is null)
            throw new ClvDataException(input, null, "monetary_value", "a spend model needs the monetary_value column (mean spend of the repeat purchases)");
        var value = CustomerValuation.Compute(model, summary, valuation with { PurchaseHorizon = horizon }, spend, input);
        columns.AddRange([("p_alive", value.ProbabilityAlive), ("expected_purchases", value.ExpectedPurchases!),
            (double.IsFinite(valuation.Horizon) ? "discounted_purchases" : "dert", value.DiscountedExpectedTransactions)]);
        if (value.ExpectedSpend is { } es) columns.AddRange([("expected_spend", es), ("clv", value.Value!)]);
        return (AllRows(n), columns);
    };

    private static Table SpendColumns(GammaGammaParameters p, string input, BootstrapOptions? bootstrap) => summary =>
        WithIntervals(SpendPointColumns(p, input)(summary), bootstrap,
            () => new() { ["expected_spend"] = Bootstrap.Spend(p, summary, bootstrap).ExpectedSpend(summary) });

    private static Table SpendPointColumns(GammaGammaParameters p, string input) => summary =>
    {
        var repeat = RepeatCustomers.Select(summary, input);
        var ll = new double[repeat.Count];
        var spend = new double[repeat.Count];
        GammaGammaSpend.LogLikelihoods(p, repeat.Frequency, repeat.MonetaryValue, ll);
        GammaGammaSpend.ConditionalExpectedAverageSpend(p, repeat.Frequency, repeat.MonetaryValue, spend);
        return (repeat.Rows, [("log_likelihood", ll), ("expected_spend", spend)]);
    };

    private static int[] AllRows(int n) => Enumerable.Range(0, n).ToArray();

    /// <summary>Writes <c>customer_id</c> and the columns for the given rows (round-trip number format), atomically; as Parquet when the output ends in <c>.parquet</c>.</summary>
    internal static void Write(string output, CustomerSummary summary, int[] rows, List<(string Name, double[] Values)> columns)
    {
        if (SummaryInput.IsParquet(output))
        {
            Clv.Models.Parquet.ParquetTable.Write(output, "customer_id", summary.CustomerIds, rows, columns);
            return;
        }
        AtomicFile.Save(output, temp =>
        {
            using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            ColumnCsvWriter.Write(stream, summary.CustomerIds, rows, columns);
        });
    }
}
