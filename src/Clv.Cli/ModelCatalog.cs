using Clv.Cli.Commands;
using Clv.Models;
using Clv.Models.BgBb;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Sbg;
using Clv.Models.Serialization;

namespace Clv.Cli;

/// <summary>What `clv fit` produced: the model file's document, the estimate to print, and extra lines for the table.</summary>
internal sealed record FitOutcome(ModelDocument Document, MaximumLikelihoodEstimate Estimate, IReadOnlyList<string> Notes);

/// <summary>
/// One model as the command line knows it: its name, how to fit it, and how to turn a model file into the library's
/// predictor — a transaction model (<see cref="Purchases"/>) or a spend model (<see cref="Spend"/>) — and the parameters
/// `clv simulate` uses when none are given (<see cref="Defaults"/>: published CDNOW estimates, in weeks). A model on discrete
/// opportunities (<see cref="Opportunities"/>) reads its own input format instead of a customer summary, and a contractual model
/// (<see cref="Retention"/>) is fitted on survivor counts; neither has a <see cref="Fit"/>. A model that takes static covariates has
/// <see cref="Covariates"/>; <see cref="Purchases"/> refuses a model file with covariates (it would drop them).
/// </summary>
internal sealed record CliModel(
    string Name,
    string Title,
    Func<SummaryInput, FitOptions, FitOutcome>? Fit,
    Func<ModelDocument, string, IPurchaseModel>? Purchases = null,
    Func<ModelDocument, string, GammaGammaParameters>? Spend = null,
    IReadOnlyList<KeyValuePair<string, double>>? Defaults = null,
    OpportunityModel? Opportunities = null,
    RetentionModel? Retention = null,
    CovariateModel? Covariates = null);

/// <summary>A model of x transactions in n discrete opportunities (input <c>frequency,recency,periods[,weight]</c>): how to fit it and load its parameters.</summary>
internal sealed record OpportunityModel(Func<OpportunitySummary, FitOptions, FitOutcome> Fit, Func<ModelDocument, string, BgBbParameters> Load);

/// <summary>The one table mapping model names to library types.</summary>
internal static class ModelCatalog
{
    public static IReadOnlyList<CliModel> Models { get; } =
    [
        new CliModel(FittedBgNbd.ModelName, "BG/NBD (Fader, Hardie & Lee 2005)", FitBgNbd,
            Purchases: (d, source) => BgNbdParameters.FromSpan(WithoutCovariates(d, source).Require(BgNbdParameters.Names, source)),
            Defaults: Pairs(BgNbdParameters.Names, [0.2426, 4.4135, 0.7929, 2.4258]), // FHL 2005, CDNOW
            Covariates: CovariateModels.BgNbd),
        new CliModel(FittedParetoNbd.ModelName, "Pareto/NBD (Schmittlein, Morrison & Colombo 1987)", FitParetoNbd,
            Purchases: (d, source) => ParetoNbdParameters.FromSpan(WithoutCovariates(d, source).Require(ParetoNbdParameters.Names, source)),
            Defaults: Pairs(ParetoNbdParameters.Names, [0.5533, 10.578, 0.6062, 11.667]), // Fader & Hardie 2005 note, CDNOW
            Covariates: CovariateModels.ParetoNbd),
        new CliModel(FittedMbgNbd.ModelName, "MBG/NBD (Batislam, Denizel & Filiztekin 2007)", FitMbgNbd,
            Purchases: (d, source) => MbgNbdParameters.FromSpan(d.Require(MbgNbdParameters.Names, source)),
            Defaults: Pairs(MbgNbdParameters.Names, [0.5248, 6.1830, 0.8914, 1.6140])), // issue 7, CDNOW
        new CliModel(FittedGammaGamma.ModelName, "Gamma-Gamma spend (Fader, Hardie & Lee 2005; Fader & Hardie 2013)", FitGammaGamma,
            Spend: (d, source) => GammaGammaParameters.FromSpan(d.Require(GammaGammaParameters.Names, source))),
        new CliModel(FittedBgBb.ModelName, "BG/BB (Fader, Hardie & Shang 2010)", Fit: null,
            Opportunities: new OpportunityModel(FitBgBb, (d, source) => BgBbParameters.FromSpan(d.Require(BgBbParameters.Names, source)))),
        new CliModel(FittedSbg.ModelName, "sBG contractual retention (Fader & Hardie 2007)", null, Retention: RetentionCommands.Sbg),
    ];

    public static string Names => string.Join(", ", Models.Select(m => m.Name));

    public static CliModel Find(string name, string? source = null) =>
        Models.FirstOrDefault(m => m.Name == name)
        ?? (source is null
            ? throw new UsageException($"unknown model '{name}' (known: {Names})")
            : throw new ClvDataException(source, null, "model", $"unknown model '{name}' (known: {Names})"));

    /// <summary>The document, when it has no covariates; a model file with covariates is refused where only plain models are handled.</summary>
    internal static ModelDocument WithoutCovariates(ModelDocument d, string source) => d.Covariates is null ? d
        : throw new ClvDataException(source, null, "covariates",
            $"this {d.Model} model has static covariates: clv predict needs --covariates (the covariate file), and clv evaluate and the bootstrap of plain models do not take covariate models");

    private static FitOutcome FitBgNbd(SummaryInput input, FitOptions options)
    {
        var model = new BgNbdModel(options);
        var fit = input.Customers is { } summary ? model.Fit(summary) : model.Fit(input.RequirePurchases(FittedBgNbd.ModelName));
        return Outcome(FittedBgNbd.ModelName, BgNbdParameters.Names, fit.Parameters.ToArray(), fit.Estimate);
    }

    private static FitOutcome FitParetoNbd(SummaryInput input, FitOptions options)
    {
        var model = new ParetoNbdModel(options);
        var fit = input.Customers is { } summary ? model.Fit(summary) : model.Fit(input.RequirePurchases(FittedParetoNbd.ModelName));
        return Outcome(FittedParetoNbd.ModelName, ParetoNbdParameters.Names, fit.Parameters.ToArray(), fit.Estimate);
    }

    private static FitOutcome FitMbgNbd(SummaryInput input, FitOptions options)
    {
        var model = new MbgNbdModel(options);
        var fit = input.Customers is { } summary ? model.Fit(summary) : model.Fit(input.RequirePurchases(FittedMbgNbd.ModelName));
        return Outcome(FittedMbgNbd.ModelName, MbgNbdParameters.Names, fit.Parameters.ToArray(), fit.Estimate);
    }

    private static FitOutcome FitBgBb(OpportunitySummary data, FitOptions options)
    {
        var fit = new BgBbModel(options).Fit(data);
        return Outcome(FittedBgBb.ModelName, BgBbParameters.Names, fit.Parameters.ToArray(), fit.Estimate);
    }

    private static FitOutcome FitGammaGamma(SummaryInput input, FitOptions options)
    {
        var model = new GammaGammaModel(options);
        var fit = input.Customers is { } summary ? model.Fit(summary) : model.Fit(input.Spend
            ?? throw new ClvDataException(input.Path, null, "monetary_value", $"this compressed summary has no spend table; the gamma-gamma model needs {CompressedSummaryCsv.SpendPath(input.Path)} (frequency,monetary_value,count), which clv summarize --compressed writes when the log has amounts"));
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string[] notes =
        [
            string.Create(c, $"population mean spend per transaction {fit.PopulationMeanSpend:G6}"),
            string.Create(c, $"correlation of frequency and mean spend {fit.FrequencySpendCorrelation:F3} (the model assumes independence)"),
        ];
        return Outcome(FittedGammaGamma.ModelName, GammaGammaParameters.Names, fit.Parameters.ToArray(), fit.Estimate, notes);
    }

    private static List<KeyValuePair<string, double>> Pairs(IReadOnlyList<string> names, double[] values) =>
        [.. names.Select((name, i) => new KeyValuePair<string, double>(name, values[i]))];

    /// <summary>What `clv fit` reports and writes for a fitted model: its model file (name, named parameters, estimate) and notes.</summary>
    internal static FitOutcome Outcome(string model, IReadOnlyList<string> names, double[] values, MaximumLikelihoodEstimate estimate, IReadOnlyList<string>? notes = null) =>
        new(new ModelDocument(model, Pairs(names, values), estimate), estimate, notes ?? []);
}
