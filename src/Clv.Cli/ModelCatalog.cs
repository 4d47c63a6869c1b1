using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Serialization;

namespace Clv.Cli;

/// <summary>Named prediction columns, in output order, one value per customer.</summary>
internal sealed record PredictionColumns(IReadOnlyList<(string Name, double[] Values)> Columns);

/// <summary>One model as the command line knows it: its name, how to fit it and how to predict with a model file.</summary>
internal sealed record CliModel(
    string Name,
    string Title,
    Func<CustomerSummary, FitOptions, (ModelDocument Document, MaximumLikelihoodEstimate Estimate)> Fit,
    Func<ModelDocument, string, CustomerSummary, double, PredictionColumns> Predict);

/// <summary>The one table mapping model names to library types.</summary>
internal static class ModelCatalog
{
    public static IReadOnlyList<CliModel> Models { get; } =
    [
        new CliModel(FittedBgNbd.ModelName, "BG/NBD (Fader, Hardie & Lee 2005)", FitBgNbd, PredictBgNbd),
    ];

    public static CliModel Find(string name, string? source = null) =>
        Models.FirstOrDefault(m => m.Name == name)
        ?? (source is null
            ? throw new UsageException($"unknown model '{name}' (known: {string.Join(", ", Models.Select(m => m.Name))})")
            : throw new ClvDataException(source, null, "model", $"unknown model '{name}' (known: {string.Join(", ", Models.Select(m => m.Name))})"));

    private static (ModelDocument, MaximumLikelihoodEstimate) FitBgNbd(CustomerSummary summary, FitOptions options)
    {
        var fit = new BgNbdModel(options).Fit(summary);
        return (new ModelDocument(FittedBgNbd.ModelName, Pairs(BgNbdParameters.Names, fit.Parameters.ToArray()), fit.Estimate), fit.Estimate);
    }

    private static PredictionColumns PredictBgNbd(ModelDocument document, string source, CustomerSummary summary, double horizon)
    {
        var p = BgNbdParameters.FromSpan(document.Require(BgNbdParameters.Names, source));
        int n = summary.Count;
        var ll = new double[n];
        var alive = new double[n];
        var expected = new double[n];
        BgNbdLikelihood.LogLikelihood(p, summary.Frequency, summary.Recency, summary.T, ll);
        BgNbdPredictions.ProbabilityAlive(p, summary.Frequency, summary.Recency, summary.T, alive);
        BgNbdPredictions.ExpectedPurchases(p, horizon, summary.Frequency, summary.Recency, summary.T, expected);
        return new PredictionColumns([("log_likelihood", ll), ("p_alive", alive), ("expected_purchases", expected)]);
    }

    private static List<KeyValuePair<string, double>> Pairs(IReadOnlyList<string> names, double[] values) =>
        [.. names.Select((name, i) => new KeyValuePair<string, double>(name, values[i]))];
}
