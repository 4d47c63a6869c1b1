using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;

namespace Clv.Models.Uncertainty;

/// <summary>
/// Bootstrap uncertainty for fitted models (Efron &amp; Tibshirani 1993, "An Introduction to the Bootstrap", ch. 6 and 13):
/// refit the model on B replicate data sets — customers resampled with replacement, or simulated from the fit — and report
/// the spread of the replicates' parameters (standard errors, percentile intervals) and of every per-customer prediction
/// made with them (<see cref="PurchaseBootstrap.Predict"/>). Replicates are seeded one stream each and run in parallel; the
/// output depends on the seed only. Each replicate starts at the point estimate; one that does not converge is excluded and
/// reported (<see cref="PurchaseBootstrap.Failures"/>), and too many failures throw <see cref="BootstrapException"/>.
/// See docs/uncertainty.md.
/// </summary>
public static partial class Bootstrap
{
    /// <summary>Bootstraps a transaction model (BG/NBD, Pareto/NBD or MBG/NBD), optionally jointly with a Gamma-Gamma spend model.</summary>
    /// <param name="model">The fitted model or its parameters: the maximum-likelihood estimate on <paramref name="data"/>.</param>
    /// <param name="data">The customers the model was fitted on (with a monetary column when <paramref name="spend"/> is given).</param>
    /// <param name="options">Replicates, seed, kind, threads, level; null for <see cref="BootstrapOptions.Default"/>.</param>
    /// <param name="spend">A Gamma-Gamma estimate on the same customers' repeat purchases, bootstrapped on the same replicates (for CLV intervals).</param>
    /// <param name="counts">Customers per row when the rows are a compressed summary (whole numbers); empty for one customer per row.</param>
    /// <exception cref="ArgumentException">The model has no bootstrap, or the parameters are not the estimate on this data.</exception>
    /// <exception cref="BootstrapException">Too many replicates failed to converge.</exception>
    public static PurchaseBootstrap Purchases(IPurchaseModel model, CustomerSummary data, BootstrapOptions? options = null,
        GammaGammaParameters? spend = null, ReadOnlySpan<double> counts = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= BootstrapOptions.Default;
        options.Validate();
        var (refit, given) = PurchaseRefit.Of(model);
        var sample = new PurchaseResampler(data, counts, spend is not null);
        var estimate = refit.Fit(sample.Layout, CentreFit(options, given));
        double[] centre = Centre(refit.ModelName, given, estimate);
        var point = refit.Model(centre);
        var (spendEstimate, spendPoint) = SpendCentre(sample.Spend, spend, options);

        var fitPurchases = options.ReplicateFit(centre);
        var fitSpend = spendPoint is { } s ? options.ReplicateFit(s.ToArray()) : null;
        var outcomes = ReplicateRunner.Run(options, (b, random) =>
        {
            var replicate = options.Kind == BootstrapKind.Parametric ? sample.Parametric(random, point, spendPoint) : sample.Nonparametric(random);
            string? failure = null;
            var purchases = ReplicateOutcome.Values(refit.Fit(replicate.Purchases, fitPurchases), refit.ModelName, ref failure);
            var spendValues = ReplicateOutcome.SpendValues(replicate.Spend, fitSpend, ref failure);
            return ReplicateOutcome.Of(purchases, spendValues, failure);
        });
        return new PurchaseBootstrap(refit, point, estimate, spendPoint, spendEstimate, outcomes, options);
    }

    /// <summary>Bootstraps a Gamma-Gamma spend model on its own: the repeat customers resampled, or their mean spend simulated given x.</summary>
    /// <param name="spend">The estimate on <paramref name="data"/>'s repeat customers.</param>
    /// <param name="data">The customers the model was fitted on (customers without a repeat purchase are not used).</param>
    /// <param name="options">Replicates, seed, kind, threads, level; null for <see cref="BootstrapOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The parameters are not the estimate on this data.</exception>
    /// <exception cref="BootstrapException">Too many replicates failed to converge.</exception>
    public static SpendBootstrap Spend(GammaGammaParameters spend, CustomerSummary data, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= BootstrapOptions.Default;
        options.Validate();
        var repeat = RepeatCustomers.Select(data);
        if (repeat.Count == 0) throw new ArgumentException("the data has no repeat customer", nameof(data));
        var rows = new SpendRows(repeat.Frequency, repeat.MonetaryValue, [.. Enumerable.Repeat(1.0, repeat.Count)]);
        var estimate = rows.Fit(CentreFit(options, spend.ToArray()));
        var point = GammaGammaParameters.FromSpan(Centre(FittedGammaGamma.ModelName, spend.ToArray(), estimate));
        var alias = new AliasTable(rows.Weight);
        var fit = options.ReplicateFit(point.ToArray());
        var outcomes = ReplicateRunner.Run(options, (b, random) =>
        {
            SpendRows replicate;
            if (options.Kind == BootstrapKind.Parametric)
            {
                var m = new double[repeat.Count];
                for (int i = 0; i < m.Length; i++) m[i] = GammaGammaSimulator.SimulateMean(point, (int)repeat.Frequency[i], random);
                replicate = rows with { MonetaryValue = m };
            }
            else
            {
                var w = new double[repeat.Count];
                alias.Multinomial(repeat.Count, random, w);
                replicate = SpendRows.NonZero(repeat.Frequency, repeat.MonetaryValue, w);
            }
            string? failure = null;
            var values = ReplicateOutcome.Values(replicate.Fit(fit), FittedGammaGamma.ModelName, ref failure);
            return new ReplicateOutcome(null, values, failure);
        });
        return new SpendBootstrap(point, estimate, outcomes, options);
    }

    /// <summary>The spend model's centre: refitted on the full data's spend rows from the given parameters and checked; nulls without one.</summary>
    private static (MaximumLikelihoodEstimate? Estimate, GammaGammaParameters? Point) SpendCentre(SpendRows? rows, GammaGammaParameters? spend, BootstrapOptions options)
    {
        if (spend is not { } gg) return (null, null);
        var estimate = rows!.Fit(CentreFit(options, gg.ToArray()));
        return (estimate, GammaGammaParameters.FromSpan(Centre(FittedGammaGamma.ModelName, gg.ToArray(), estimate)));
    }

    /// <summary>The point estimate's refit: from the given parameters, once, with its information, throwing if it does not converge.</summary>
    internal static FitOptions CentreFit(BootstrapOptions options, double[] given) => options.FitOptions with
    {
        InitialParameters = given,
        ExtraStarts = 0,
        Progress = null,
        ThrowOnNonConvergence = true,
        ConfidenceLevel = options.ConfidenceLevel,
        MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
    };

    /// <summary>Relative distance beyond which the refit from the given parameters shows they are not the estimate on the data.</summary>
    internal const double CentreTolerance = 1e-4;

    /// <summary>The refitted centre, after checking that the given parameters were (to <see cref="CentreTolerance"/>) the maximum on this data.</summary>
    /// <param name="model">Model name for the message.</param>
    /// <param name="given">The parameters the caller passed.</param>
    /// <param name="estimate">The refit from them.</param>
    /// <param name="scale">Per parameter, the scale the tolerance is relative to when larger than |given| (a coefficient near 0: its
    /// standard error); empty for |given| alone.</param>
    internal static double[] Centre(string model, double[] given, MaximumLikelihoodEstimate estimate, ReadOnlySpan<double> scale = default)
    {
        var values = estimate.Parameters.Select(p => p.Value).ToArray();
        for (int i = 0; i < values.Length; i++)
            if (Math.Abs(values[i] - given[i]) > CentreTolerance * Math.Max(Math.Abs(given[i]), scale.IsEmpty ? 0 : scale[i]))
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the {model} parameters are not the maximum-likelihood estimate on this data (refitting from them moves {estimate.Parameters[i].Name} from {given[i]:G6} to {values[i]:G6}): bootstrap the data the model was fitted on, with the same fit options (penalizer)"));
        return values;
    }
}
