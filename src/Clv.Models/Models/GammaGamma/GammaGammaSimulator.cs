using MathNet.Numerics.Distributions;

namespace Clv.Models.GammaGamma;

/// <summary>
/// Draws spend from the Gamma-Gamma story: ν ~ Gamma(q, γ) per customer, then each of the customer's x
/// transactions ~ Gamma(p, ν) (shape p, rate ν); returns the customers' mean transaction values. Seeded.
/// </summary>
public static class GammaGammaSimulator
{
    /// <summary>Mean transaction value for each customer with frequency[i] transactions (≥ 1).</summary>
    public static double[] Simulate(in GammaGammaParameters parameters, ReadOnlySpan<double> frequency, int seed)
    {
        parameters.Validate();
        var random = new Random(seed);
        var mean = new double[frequency.Length];
        for (int i = 0; i < frequency.Length; i++) mean[i] = SimulateMean(parameters, (int)frequency[i], random);
        return mean;
    }

    /// <summary>One customer's mean value of <paramref name="x"/> ≥ 1 transactions: ν ~ Gamma(q, γ), then x draws of Gamma(p, ν).</summary>
    internal static double SimulateMean(in GammaGammaParameters parameters, int x, Random random)
    {
        double nu = Gamma.Sample(random, parameters.Q, parameters.Gamma);
        double sum = 0;
        for (int j = 0; j < x; j++) sum += Gamma.Sample(random, parameters.P, nu);
        return sum / x;
    }
}
