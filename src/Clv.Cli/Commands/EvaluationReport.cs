using System.Globalization;
using System.Text;
using Clv.Models.Diagnostics;
using Clv.Models.Plotting;
using Clv.Models.Serialization;
using ScottPlot;

namespace Clv.Cli.Commands;

/// <summary>The report of `clv evaluate`: the plots to write (file name without extension, plot) and report.md linking them with the numbers.</summary>
internal sealed class EvaluationReport(string input, int customers, string? transactions, RepeatTransactionLog? log, string periodName, double horizon)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly StringBuilder md = new();
    private readonly List<(string File, Plot Plot)> plots = [];

    public IReadOnlyList<(string File, Plot Plot)> Plots => plots;

    public void Comparison(ModelComparison comparison)
    {
        md.AppendLine("# Model evaluation").AppendLine();
        md.AppendLine(C, $"Summary `{input}`: {customers:N0} customers.");
        if (log is not null)
        {
            md.AppendLine(C, $"Transaction log `{transactions}`: {log.Customers:N0} customers in calibration, {log.Periods} {periodName}s from {log.Origin:yyyy-MM-dd} ({log.CalibrationPeriods} in calibration).");
            if (log.Customers != customers)
                md.AppendLine().AppendLine(C, $"**Warning:** the log has {log.Customers:N0} customers in calibration but the summary has {customers:N0}; were they made with the same options?");
        }

        md.AppendLine().AppendLine("## Model comparison").AppendLine();
        bool holdout = comparison.Scores.Any(s => s.Holdout is not null);
        md.AppendLine(holdout
            ? "| model | k | log-likelihood | AIC | BIC | holdout MAE | holdout RMSE | correlation | actual holdout purchases | predicted |"
            : "| model | k | log-likelihood | AIC | BIC |");
        md.AppendLine(holdout ? "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|" : "|---|--:|--:|--:|--:|");
        foreach (var s in comparison.Scores)
        {
            md.Append(C, $"| {s.Name} | {s.ParameterCount} | {s.LogLikelihood:F2} | {s.Aic:F2} | {s.Bic:F2} |");
            if (s.Holdout is { } h) md.Append(C, $" {h.MeanAbsoluteError:F4} | {h.RootMeanSquaredError:F4} | {h.Correlation:F4} | {h.ActualTotal:F0} | {h.PredictedTotal:F1} |");
            md.AppendLine();
        }

        md.AppendLine().AppendLine("Log-likelihood, AIC = 2k − 2ℓ and BIC = k ln N − 2ℓ on the summary's calibration columns (lower AIC/BIC is better)"
            + (holdout ? "; MAE, RMSE and correlation of each customer's holdout purchases against E[Y(t*) | x, t_x, T]." : "."));
        if (holdout) Image("model-comparison", "model comparison", DiagnosticPlots.ModelComparison(comparison));
    }

    public void Model(string name, string path, ModelDocument document, RepeatTransactionHistogram histogram, CalibrationHoldout? holdout, Tracking? tracking, FrequencyRecencyMatrix matrix)
    {
        md.AppendLine().AppendLine(C, $"## {name} (`{path}`)").AppendLine();
        md.AppendLine(string.Join(", ", document.Parameters.Select(p => string.Create(C, $"{p.Key} = {p.Value:G6}")))).AppendLine();

        md.AppendLine("### Repeat transactions in calibration").AppendLine();
        md.AppendLine("| repeat purchases | observed customers | expected customers |").AppendLine("|---|--:|--:|");
        foreach (var b in histogram.Bins) md.AppendLine(C, $"| {b.Label} | {b.Observed:N0} | {b.Expected:F1} |");
        var chi = histogram.ChiSquare;
        md.AppendLine().AppendLine(C, $"χ² = {chi.Statistic:F3} with {chi.DegreesOfFreedom} degrees of freedom, p = {chi.PValue:G4}.");
        Image($"{name}-repeat-transactions", "repeat transactions", DiagnosticPlots.RepeatTransactions(histogram, name));

        if (holdout is not null)
        {
            md.AppendLine().AppendLine("### Calibration vs holdout").AppendLine();
            md.AppendLine("| calibration purchases | customers | mean actual holdout purchases | mean predicted |").AppendLine("|---|--:|--:|--:|");
            foreach (var b in holdout.Buckets) md.AppendLine(C, $"| {b.Label} | {b.Customers:N0} | {b.MeanActual:F3} | {b.MeanPredicted:F3} |");
            md.AppendLine().AppendLine(C, $"Total holdout purchases: actual {holdout.ActualTotal:F0}, predicted {holdout.PredictedTotal:F1}.");
            Image($"{name}-calibration-holdout", "calibration vs holdout", DiagnosticPlots.CalibrationHoldout(holdout, name));
        }

        if (tracking is not null)
        {
            int cal = tracking.CalibrationPeriods - 1, end = tracking.Periods - 1;
            md.AppendLine().AppendLine("### Tracking").AppendLine();
            md.AppendLine(C, $"Cumulative repeat transactions at the end of calibration ({periodName} {cal + 1}): actual {tracking.ActualCumulative[cal]:F0}, expected {tracking.ExpectedCumulative[cal]:F1}; ");
            md.AppendLine(C, $"at the end of the log ({periodName} {end + 1}): actual {tracking.ActualCumulative[end]:F0}, expected {tracking.ExpectedCumulative[end]:F1}.");
            Image($"{name}-tracking-cumulative", "cumulative tracking", DiagnosticPlots.TrackingCumulative(tracking, name, periodName));
            Image($"{name}-tracking-incremental", "incremental tracking", DiagnosticPlots.TrackingIncremental(tracking, name, periodName));
        }

        md.AppendLine().AppendLine("### Frequency/recency matrices").AppendLine();
        md.AppendLine(C, $"Customers observed for T = {matrix.T:G6}; expected purchases over the next {horizon:G6} {periodName}s. Blank cells (frequency 0, recency > 0) describe no customer.");
        Image($"{name}-p-alive-matrix", "P(alive) matrix", DiagnosticPlots.ProbabilityAliveMatrix(matrix, name));
        Image($"{name}-expected-purchases-matrix", "expected purchases matrix", DiagnosticPlots.ExpectedPurchasesMatrix(matrix, name));
    }

    public string Markdown() => md.ToString();

    private void Image(string file, string alt, Plot plot)
    {
        plots.Add((file, plot));
        md.AppendLine().AppendLine(C, $"![{alt}]({file}{PlotImage.Extension(PlotFormat.Png)})");
    }
}
