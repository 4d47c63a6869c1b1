using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.GammaGamma;

/// <summary>
/// The Gamma-Gamma spend model (Fader &amp; Hardie 2013; Fader, Hardie &amp; Lee 2005 JMR), fitted by maximum
/// likelihood on the repeat customers' (frequency x &gt; 0, mean repeat-transaction value m_x).
/// </summary>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record GammaGammaModel(FitOptions? Options = null)
{
    /// <summary>|correlation(x, m_x)| above which the fit warns that spend and frequency look dependent.</summary>
    public const double CorrelationWarningThreshold = 0.3;

    /// <summary>
    /// Fits the model to the customers of <paramref name="summary"/> with frequency &gt; 0 (customers without a
    /// repeat purchase carry no spend information and are not used).
    /// </summary>
    /// <exception cref="ClvDataException">The summary has no monetary column, or a repeat customer has a monetary value ≤ 0.</exception>
    public FittedGammaGamma Fit(CustomerSummary summary, ReadOnlySpan<double> weights = default)
    {
        if (weights.Length != 0 && weights.Length != summary.Count) throw new ArgumentException("weights must be empty or have one value per customer", nameof(weights));
        var repeat = RepeatCustomers.Select(summary);
        var w = new double[weights.Length == 0 ? 0 : repeat.Count];
        for (int k = 0; k < w.Length; k++) w[k] = weights[repeat.Rows[k]];
        return Fit(repeat.Frequency, repeat.MonetaryValue, w);
    }

    /// <summary>
    /// Fits the model to the spend table of a compressed summary (<see cref="CompressedSummary.Spend"/>): the same estimates,
    /// log-likelihood and standard errors as the fit on the customers it was compressed from.
    /// </summary>
    /// <exception cref="ClvDataException">The compressed summary has no spend table.</exception>
    public FittedGammaGamma Fit(CompressedSummary compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        return Fit(compressed.Spend ?? throw new ClvDataException(null, null, "monetary_value",
            "the compressed summary has no spend table (frequency,monetary_value,count); the Gamma-Gamma model needs the repeat customers' mean spend"));
    }

    /// <summary>Fits the model to a compressed spend table: distinct (x, m_x) rows weighted by their numbers of customers.</summary>
    public FittedGammaGamma Fit(CompressedSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        return Fit(spend.Frequency, spend.MonetaryValue, spend.Count);
    }

    /// <summary>Fits the model to repeat customers' frequency (whole numbers ≥ 1) and mean spend (&gt; 0).</summary>
    /// <exception cref="ClvDataException">A row is invalid.</exception>
    public FittedGammaGamma Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, ReadOnlySpan<double> weights = default)
    {
        if (frequency.Length != monetaryValue.Length) throw new ArgumentException("frequency and monetary value must have the same length");
        if (weights.Length != 0 && weights.Length != frequency.Length) throw new ArgumentException("weights must be empty or have one value per row", nameof(weights));
        if (frequency.Length == 0) throw new ArgumentException("the Gamma-Gamma model needs at least one customer with a repeat purchase");
        for (int i = 0; i < frequency.Length; i++)
        {
            double x = frequency[i], m = monetaryValue[i];
            if (!(double.IsFinite(x) && x >= 1 && x == Math.Floor(x)))
                throw new ClvDataException(null, null, "frequency", $"expected a whole number >= 1 (repeat customers only) but got {x} (row {i})");
            if (!(double.IsFinite(m) && m > 0))
                throw new ClvDataException(null, null, "monetary_value", $"expected a finite amount > 0 for a repeat customer but got {m} (row {i})");
            if (weights.Length != 0 && !(double.IsFinite(weights[i]) && weights[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], "weights must be finite and >= 0");
        }

        var options = Options ?? FitOptions.Default;
        var data = GammaGammaLikelihood.Layout(frequency, monetaryValue, weights);
        var function = new SegmentedLikelihoodFunction(GammaGammaParameters.Names, data, GammaGammaLikelihood.SumCount,
            (d, q, g, sums, threads, width) => GammaGammaLikelihood.ValueAndGradient(d, GammaGammaParameters.FromSpan(q), g, sums, threads, width), options);
        double[] start = options.InitialParameters is { } init ? [.. init] : StartingValues(data);
        var estimate = MaximumLikelihood.Maximize(function, start, options);
        var parameters = new GammaGammaParameters(estimate.Parameters[0].Value, estimate.Parameters[1].Value, estimate.Parameters[2].Value);
        var rowX = new double[data.Count];
        for (int k = 0; k < data.Frequencies.Length; k++) rowX.AsSpan(data.SegmentStart[k], data.SegmentStart[k + 1] - data.SegmentStart[k]).Fill(data.Frequencies[k]);
        double correlation = WeightedCorrelation(rowX, data.Column(0), data.Weight); // on the layout's rows: the same for a compressed table
        return new FittedGammaGamma(parameters, estimate, correlation);
    }

    /// <summary>
    /// Starting values by the method of moments. Given x, the mean spend m_x has E[m_x] = μ = pγ/(q−1) and
    /// Var(m_x | x) = A/x + B with A = pγ²/((q−1)(q−2)) and B = p²γ²/((q−1)²(q−2)) (mean and variance of Gamma(px, xν) mixed over
    /// ν ~ Gamma(q, γ)). A weighted least-squares line through the per-x variances against 1/x gives A and B, and then
    /// q = 2 + μ²/B, p = (q−1)B/A, γ = μ(q−1)/p. When the moments do not identify a valid point (fewer than two
    /// frequencies, a variance line with A ≤ 0 or B ≤ 0), p = 1, q = 3 and γ matching the mean: μ = pγ/(q−1).
    /// </summary>
    internal static double[] StartingValues(Kernels.FrequencySegments data)
    {
        var m = data.Column(0);
        double sum = 0;
        double sw = 0, su = 0, sv = 0, suu = 0, suv = 0;
        for (int k = 0; k < data.Frequencies.Length; k++)
        {
            double w = 0, s1 = 0, s2 = 0;
            for (int i = data.SegmentStart[k]; i < data.SegmentStart[k + 1]; i++)
            {
                double wi = data.Weight[i];
                w += wi; s1 += wi * m[i]; s2 += wi * m[i] * m[i];
            }
            sum += s1;
            if (w < 2) continue;
            // Regress the within-x variance on u = 1/x, each x weighted by its count.
            double mean = s1 / w, variance = Math.Max(0, s2 / w - mean * mean), u = 1.0 / data.Frequencies[k];
            sw += w; su += w * u; sv += w * variance; suu += w * u * u; suv += w * u * variance;
        }
        double mu = sum / data.TotalWeight;
        double[] fallback = [1.0, 3.0, 2.0 * mu];
        double det = sw * suu - su * su;
        if (!(det > 1e-12 * sw * suu)) return fallback;
        double a = (sw * suv - su * sv) / det, b = (sv - a * su) / sw;
        if (!(a > 0 && b > 0 && double.IsFinite(a) && double.IsFinite(b))) return fallback;
        double q = 2 + mu * mu / b, p = (q - 1) * b / a, gamma = mu * (q - 1) / p;
        return p > 0 && double.IsFinite(p) && double.IsFinite(q) && gamma > 0 && double.IsFinite(gamma) ? [p, q, gamma] : fallback;
    }

    /// <summary>Weighted Pearson correlation of frequency and mean spend; NaN when either is constant.</summary>
    internal static double WeightedCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> m, ReadOnlySpan<double> weights)
    {
        double sw = 0, sx = 0, sm = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights.Length == 0 ? 1 : weights[i];
            sw += w; sx += w * x[i]; sm += w * m[i];
        }
        double mx = sx / sw, mm = sm / sw, cxx = 0, cmm = 0, cxm = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights.Length == 0 ? 1 : weights[i], dx = x[i] - mx, dm = m[i] - mm;
            cxx += w * dx * dx; cmm += w * dm * dm; cxm += w * dx * dm;
        }
        return cxx > 0 && cmm > 0 ? cxm / Math.Sqrt(cxx * cmm) : double.NaN;
    }
}
