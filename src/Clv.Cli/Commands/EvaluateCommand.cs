using Clv.Models;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.Parquet;
using Clv.Models.Plotting;
using Clv.Models.Serialization;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv evaluate`: the diagnostics of one or more transaction models on a summary (and optionally its transaction log),
/// written as plots and a report.md that links them with the numbers.
/// </summary>
internal static class EvaluateCommand
{
    public static void Run(CliArguments args, TextWriter stdout, TerminalProgress progress)
    {
        string[] modelPaths = [.. args.Required("model").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        string input = args.Required("input");
        string? transactions = args.Optional("transactions");
        var logOptions = transactions is null ? default : SummarizeCommand.LogOptions(args, withAmount: false);
        string? unit = transactions is null ? null : args.Optional("time-unit");
        double? holdoutDuration = args.OptionalDouble("holdout-duration", min: 0);
        double? horizon = args.OptionalDouble("horizon", min: 0);
        string outputDir = args.Required("output-dir");
        bool svg = args.Flag("svg");
        args.RejectUnknown();
        if (logOptions.Summary is { Opportunities: not CalendarPeriod.None })
            throw new UsageException("--time-unit years|quarters|months makes discrete opportunities (bg-bb); evaluate tracks continuous time: use weeks, days or a number of days");
        if (modelPaths.Length == 0) throw new UsageException("--model needs at least one model file");
        if (holdoutDuration is 0) throw new UsageException("--holdout-duration must be > 0");

        var models = Distinct(modelPaths.Select(Load).ToArray());
        var summary = SummaryInput.ReadCustomers(input, "clv evaluate compares customers' predictions with their holdout and needs");
        RepeatTransactionLog? log = null;
        if (transactions is not null)
        {
            using var line = progress.Begin();
            var watched = logOptions.Log with { Progress = progress.Summary(line, transactions, "reading") };
            log = SummaryInput.IsParquet(transactions)
                ? TransactionLogParquet.ReadRepeatTransactions(transactions, watched, logOptions.Summary)
                : RepeatTransactionLog.Read(transactions, watched, logOptions.Summary);
        }
        bool hasHoldout = summary.FrequencyHoldout is not null;
        if (hasHoldout && summary.DurationHoldout is null && holdoutDuration is null)
            throw new ClvDataException(input, null, "duration_holdout", "the summary has holdout purchases but no duration_holdout column; give the holdout length with --holdout-duration");
        double matrixHorizon = horizon ?? holdoutDuration ?? summary.DurationHoldout?.Max() ?? summary.T.Max();

        var report = new EvaluationReport(input, summary.Count, transactions, log, transactions is null ? "period" : PeriodName(unit), matrixHorizon);
        var comparison = ModelComparison.Compute([.. models.Select(m => new ComparedModel(m.Name, m.Model, m.ParameterCount))], summary, holdoutDuration);
        report.Comparison(comparison);
        foreach (var m in models)
        {
            var histogram = RepeatTransactionHistogram.Compute(m.Model, summary, m.ParameterCount);
            var holdout = hasHoldout ? CalibrationHoldout.Compute(m.Model, summary, holdoutDuration: holdoutDuration) : null;
            var tracking = log is null ? null : Tracking.Compute(m.Model, log);
            var matrix = FrequencyRecencyMatrix.Compute(m.Model, summary, matrixHorizon);
            report.Model(m.Name, m.Path, m.Document, histogram, holdout, tracking, matrix);
            stdout.WriteLine($"{m.Name}: repeat-transaction histogram");
            stdout.Write(DiagnosticsText.Format(histogram));
        }

        CreateFolder(outputDir); // only once every diagnostic has been computed
        int images = 0;
        foreach (var (file, plot) in report.Plots)
        {
            foreach (var format in svg ? new[] { PlotFormat.Png, PlotFormat.Svg } : [PlotFormat.Png])
            {
                AtomicFile.Save(Path.Combine(outputDir, file + PlotImage.Extension(format)), temp => PlotImage.Save(plot, temp, format));
                images++;
            }
        }

        string reportPath = Path.Combine(outputDir, "report.md");
        AtomicFile.Write(reportPath, w => w.Write(report.Markdown()));
        stdout.Write(DiagnosticsText.Format(comparison));
        if (!hasHoldout) stdout.WriteLine("  (no holdout columns in the summary: holdout errors and the calibration/holdout plot are left out)");
        if (log is null) stdout.WriteLine("  (no --transactions log: the tracking plots are left out)");
        stdout.WriteLine($"{images} plots and {reportPath} written");
    }

    private sealed record LoadedModel(string Name, string Path, ModelDocument Document, IPurchaseModel Model, int ParameterCount);

    private static LoadedModel Load(string path)
    {
        var document = ModelDocument.Load(path);
        var entry = ModelCatalog.Find(document.Model, path);
        var model = entry.Purchases?.Invoke(document, path)
            ?? throw new ClvDataException(path, null, "model", $"evaluate needs a continuous-time transaction model ({TransactionModels()}); a {entry.Name} model is not one");
        return new LoadedModel(document.Model, path, document, model, document.Parameters.Count);
    }

    /// <summary>Models named by their model name; a repeated name gets -2, -3, … (two fits of the same model).</summary>
    private static LoadedModel[] Distinct(LoadedModel[] models)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. models.Select(m => (seen[m.Name] = seen.GetValueOrDefault(m.Name) + 1) == 1 ? m : m with { Name = $"{m.Name}-{seen[m.Name]}" })];
    }

    private static string TransactionModels() => string.Join(", ", ModelCatalog.Models.Where(m => m.Purchases is not null).Select(m => m.Name));

    private static void CreateFolder(string folder)
    {
        string full = Path.GetFullPath(folder);
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new ClvDataException(folder, null, null, $"the folder '{parent}' does not exist");
        Directory.CreateDirectory(full);
    }

    private static string PeriodName(string? unit) => unit?.Trim().ToUpperInvariant() switch
    {
        null or "WEEKS" or "WEEK" or "W" => "week", // summarize's default unit
        "DAYS" or "DAY" or "D" => "day",
        _ => "period",
    };
}
