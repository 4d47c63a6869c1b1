namespace Clv.Models.Uncertainty;

/// <summary>Sample quantiles of bootstrap replicates.</summary>
internal static class Percentiles
{
    /// <summary>
    /// The quantile at probability <paramref name="p"/> of ascending <paramref name="sorted"/> values by linear interpolation
    /// between order statistics (Hyndman &amp; Fan 1996, "Sample quantiles in statistical packages", definition 7 — R's and
    /// NumPy's default): h = (n − 1)p, Q = v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋]).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double lower = sorted[lo], upper = sorted[lo + 1];
        // Equal neighbours (also both infinite) need no interpolation, which would give NaN for ∞ − ∞.
        return lower == upper ? lower : lower + (h - lo) * (upper - lower);
    }

    /// <summary>Sorts <paramref name="values"/> in place and returns the (1 − level)/2 and (1 + level)/2 quantiles.</summary>
    public static (double Lower, double Upper) Interval(Span<double> values, double level)
    {
        values.Sort();
        return (Quantile(values, (1 - level) / 2), Quantile(values, (1 + level) / 2));
    }

    /// <summary>Sample standard deviation (n − 1 denominator); NaN for fewer than two values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return double.NaN;
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Length;
        double ss = 0;
        foreach (double v in values) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / (values.Length - 1));
    }
}
