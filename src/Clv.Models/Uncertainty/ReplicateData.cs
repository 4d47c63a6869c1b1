using Clv.Models.Kernels;

namespace Clv.Models.Uncertainty;

/// <summary>The data of one replicate: the transaction model's weighted layout and, with a spend model, the repeat customers' spend.</summary>
/// <param name="Purchases">Weighted distinct (x, t_x, T) rows, rows of weight 0 left out.</param>
/// <param name="Spend">Repeat customers' (x, m_x) with weights, or null without a spend model.</param>
internal sealed record ReplicateData(FrequencySegments Purchases, SpendRows? Spend);

/// <summary>Repeat customers' frequency, mean spend and weight: what a Gamma-Gamma refit takes.</summary>
internal sealed record SpendRows(double[] Frequency, double[] MonetaryValue, double[] Weight)
{
    /// <summary>The rows with a positive weight (<paramref name="weight"/> aligned with <paramref name="frequency"/>).</summary>
    public static SpendRows NonZero(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetary, ReadOnlySpan<double> weight)
    {
        int m = 0;
        foreach (double w in weight) if (w > 0) m++;
        var x = new double[m];
        var mx = new double[m];
        var ws = new double[m];
        for (int i = 0, j = 0; i < weight.Length; i++)
        {
            if (!(weight[i] > 0)) continue;
            x[j] = frequency[i]; mx[j] = monetary[i]; ws[j] = weight[i]; j++;
        }
        return new SpendRows(x, mx, ws);
    }

    /// <summary>
    /// Each repeat customer's mean spend simulated given its x (customers with x = 0 skipped), in the customers' order: the
    /// spend side of a parametric replicate.
    /// </summary>
    public static SpendRows Simulate(in GammaGamma.GammaGammaParameters spend, ReadOnlySpan<double> frequency, Random random)
    {
        List<double> rx = [], rm = [];
        foreach (double x in frequency)
        {
            if (x == 0) continue;
            rx.Add(x);
            rm.Add(GammaGamma.GammaGammaSimulator.SimulateMean(spend, (int)x, random));
        }
        return new SpendRows([.. rx], [.. rm], [.. Enumerable.Repeat(1.0, rx.Count)]);
    }

    /// <summary>The Gamma-Gamma refit of these rows.</summary>
    public Estimation.MaximumLikelihoodEstimate Fit(Estimation.FitOptions options) =>
        new GammaGamma.GammaGammaModel(options).Fit(Frequency, MonetaryValue, Weight).Estimate;
}

/// <summary>Weighted layouts over fixed distinct rows, the form a nonparametric replicate refits on.</summary>
internal static class WeightedRows
{
    /// <summary>The RFM layout of the distinct rows with a positive weight (already distinct, so not collapsed again).</summary>
    public static FrequencySegments Layout(DistinctRows rows, ReadOnlySpan<double> weight)
    {
        int m = 0;
        foreach (double w in weight) if (w > 0) m++;
        var x = new double[m];
        var tx = new double[m];
        var t = new double[m];
        var ws = new double[m];
        for (int k = 0, j = 0; k < rows.Count; k++)
        {
            if (!(weight[k] > 0)) continue;
            x[j] = rows.X[k]; tx[j] = rows.Recency[k]; t[j] = rows.T[k]; ws[j] = weight[k]; j++;
        }
        return FrequencySegments.Create(x, ws, [tx, t]);
    }
}
