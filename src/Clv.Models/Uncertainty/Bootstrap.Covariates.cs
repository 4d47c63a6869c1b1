using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;

namespace Clv.Models.Uncertainty;

public static partial class Bootstrap
{
    /// <summary>
    /// Bootstraps a transaction model with static covariates (BG/NBD or Pareto/NBD, see <see cref="BgNbdCovariateModel"/>):
    /// nonparametric — N customers drawn with replacement, each with its own covariates, refitted with the drawn counts as
    /// weights — or parametric — every customer's (x, t_x) simulated given its T from its own parameters at the point estimate.
    /// Each replicate refits base parameters and coefficients from the point estimate, with the fit's spec (constraints and
    /// L2 penalties included). As for <see cref="Purchases"/>, replicates are seeded one stream each, run in parallel, and
    /// failures are excluded and reported.
    /// </summary>
    /// <typeparam name="TParameters">The model's parameter type.</typeparam>
    /// <param name="fit">The fit on <paramref name="data"/> and <paramref name="covariates"/>.</param>
    /// <param name="data">The customers the model was fitted on.</param>
    /// <param name="covariates">Their covariates (joined on customer id, as in the fit).</param>
    /// <param name="options">Replicates, seed, kind, threads, level and the fit options of the point fit; null for the defaults.</param>
    /// <param name="spend">A Gamma-Gamma estimate on the same customers' repeat purchases, refitted on the same replicates (for CLV
    /// intervals), as in <see cref="Purchases"/>.</param>
    /// <exception cref="ArgumentException">The parameters are not the estimate on this data.</exception>
    /// <exception cref="ClvDataException">The covariates do not match the customers or the model's coefficients.</exception>
    /// <exception cref="BootstrapException">Too many replicates failed to converge.</exception>
    public static CovariateBootstrap<TParameters> Covariates<TParameters>(FittedCovariateModel<TParameters> fit, CustomerSummary data,
        CovariateTable covariates, BootstrapOptions? options = null, GammaGammaParameters? spend = null) where TParameters : struct, IPurchaseModel
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Covariates(fit.Model, fit.Spec, data, covariates, options, spend);
    }

    /// <summary>
    /// Bootstraps a covariate model given as its predictor and spec (e.g. loaded from a model file), as
    /// <see cref="Covariates{TParameters}(FittedCovariateModel{TParameters}, CustomerSummary, CovariateTable, BootstrapOptions?, GammaGammaParameters?)"/> does.
    /// </summary>
    /// <typeparam name="TParameters">The model's parameter type.</typeparam>
    /// <param name="model">Base parameters and coefficients: the maximum-likelihood estimate on <paramref name="data"/> with <paramref name="spec"/>.</param>
    /// <param name="spec">The spec the model was fitted with (its constraints and penalties are refitted too).</param>
    /// <param name="data">The customers the model was fitted on.</param>
    /// <param name="covariates">Their covariates.</param>
    /// <param name="options">Replicates, seed, kind, threads, level and fit options; null for the defaults.</param>
    /// <param name="spend">A Gamma-Gamma estimate on the same customers, bootstrapped jointly; null for none.</param>
    /// <exception cref="ArgumentException">The parameters are not the estimate on this data.</exception>
    /// <exception cref="ClvDataException">The covariates do not match the customers or the model's coefficients.</exception>
    /// <exception cref="BootstrapException">Too many replicates failed to converge.</exception>
    public static CovariateBootstrap<TParameters> Covariates<TParameters>(CovariatePredictor<TParameters> model, CovariateSpec spec, CustomerSummary data,
        CovariateTable covariates, BootstrapOptions? options = null, GammaGammaParameters? spend = null) where TParameters : struct, IPurchaseModel
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(covariates);
        options ??= BootstrapOptions.Default;
        options.Validate();
        if (data.Count == 0) throw new ArgumentException("cannot bootstrap no customers", nameof(data));
        var refit = CovariateRefit<TParameters>.Of(model);
        var terms = CovariateDesign.Resolve(spec, covariates);
        if (!terms.Select(t => t.Name).SequenceEqual(model.Coefficients.Select(c => c.Name)))
            throw new ArgumentException($"the spec gives the coefficients {string.Join(", ", terms.Select(t => t.Name))} but the model has {string.Join(", ", model.Coefficients.Select(c => c.Name))}", nameof(spec));
        var aligned = covariates.AlignTo(data);
        var width = options.FitOptions.VectorWidth;
        int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        string name = model.ModelName;

        // The check that the given values are the optimum is relative to |value| for the base parameters and to the standard
        // error (1 when unknown) for the coefficients, which may be near 0.
        double[] given = [.. refit.BaseValues(model.BaseParameters), .. model.Coefficients.Select(c => c.Value)];
        double[] scale = [.. new double[given.Length - model.Coefficients.Count], .. model.Coefficients.Select(c => double.IsFinite(c.StandardError) ? c.StandardError : 1)];
        var (estimate, _) = CovariateFit.Run(refit.Likelihood(data.Frequency, data.Recency, data.T, [], threads, width), terms, aligned,
            given[..4], CentreFit(options, given), threads, given[4..]);
        double[] centre = Centre(name, given, estimate, scale);
        var point = refit.Predictor(centre);

        // The spend model's centre, refitted on the repeat customers as in Purchases.
        var repeat = spend is null ? null : RepeatCustomers.Select(data);
        var (spendEstimate, spendPoint) = SpendCentre(repeat is null ? null : new SpendRows(repeat.Frequency, repeat.MonetaryValue, [.. Enumerable.Repeat(1.0, repeat.Count)]),
            spend, options);

        var own = options.Kind == BootstrapKind.Parametric ? point.CustomerParameters(aligned, threads) : null;
        var alias = new AliasTable([.. Enumerable.Repeat(1.0, data.Count)]);
        var replicateFit = options.ReplicateFit(centre);
        var spendFit = spendPoint is { } sp ? options.ReplicateFit(sp.ToArray()) : null;
        var outcomes = ReplicateRunner.Run(options, (b, random) =>
        {
            var r = own is null ? Resample(data, aligned, repeat, alias, random) : Simulate(data, aligned, own, spendPoint, random);
            var (e, _) = CovariateFit.Run(refit.Likelihood(r.X, r.Tx, r.T, r.W, 1, width), terms, r.Covariates, centre[..4], replicateFit, 1, centre[4..]);
            string? failure = null;
            var values = ReplicateOutcome.Values(e, name, ref failure);
            var spendValues = ReplicateOutcome.SpendValues(r.Spend, spendFit, ref failure);
            return ReplicateOutcome.Of(values, spendValues, failure);
        });
        return new CovariateBootstrap<TParameters>(refit, point, estimate, spec, spendPoint, spendEstimate, outcomes, options);
    }

    /// <summary>One covariate replicate: its weighted customers with their covariates and, with a spend model, their spend rows.</summary>
    private sealed record CovariateReplicateData(double[] X, double[] Tx, double[] T, double[] W, CustomerCovariates Covariates, SpendRows? Spend);

    /// <summary>
    /// N customers drawn with replacement (the draw of <see cref="PurchaseResampler.Nonparametric"/> with a spend model): the drawn
    /// customers, each once, with their counts as weights, and the drawn repeat customers' spend with the same counts.
    /// </summary>
    private static CovariateReplicateData Resample(CustomerSummary data, CustomerCovariates aligned, RepeatCustomers? repeat, AliasTable alias, ReplicateRandom random)
    {
        var counts = new double[data.Count];
        alias.Multinomial(data.Count, random, counts);
        int[] rows = [.. Enumerable.Range(0, data.Count).Where(i => counts[i] > 0)];
        SpendRows? spend = null;
        if (repeat is not null)
        {
            var weight = new double[repeat.Count];
            for (int j = 0; j < repeat.Count; j++) weight[j] = counts[repeat.Rows[j]];
            spend = SpendRows.NonZero(repeat.Frequency, repeat.MonetaryValue, weight);
        }
        return new([.. rows.Select(i => data.Frequency[i])], [.. rows.Select(i => data.Recency[i])], [.. rows.Select(i => data.T[i])],
            [.. rows.Select(i => counts[i])], aligned.Select(rows), spend);
    }

    /// <summary>
    /// Every customer's (x, t_x) simulated given its T from its own parameters, in the customers' order, then each simulated
    /// repeat customer's mean spend given its x — the order of <see cref="PurchaseResampler.Parametric"/>.
    /// </summary>
    private static CovariateReplicateData Simulate<TParameters>(CustomerSummary data, CustomerCovariates aligned, TParameters[] own,
        GammaGammaParameters? spend, ReplicateRandom random) where TParameters : struct, IPurchaseModel
    {
        int n = data.Count;
        double[] x = new double[n], tx = new double[n];
        var times = new List<double>();
        for (int i = 0; i < n; i++)
        {
            times.Clear();
            own[i].SimulatePurchaseTimes(data.T[i], random, times);
            x[i] = times.Count;
            tx[i] = times.Count == 0 ? 0 : times[^1];
        }
        SpendRows? spendRows = spend is { } gg ? SpendRows.Simulate(gg, x, random) : null;
        return new(x, tx, data.T, [], aligned, spendRows);
    }
}
