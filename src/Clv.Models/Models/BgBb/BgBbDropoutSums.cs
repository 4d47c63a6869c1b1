using Clv.Models.Special;

namespace Clv.Models.BgBb;

/// <summary>
/// The two sums over future opportunities that BG/BB's conditional predictions reduce to, for θ ~ Beta(γ, b) (b = δ + n,
/// the dropout distribution of a customer alive at n) with <c>E[(1−θ)^k] = (b)_k/(γ+b)_k</c>:
/// <code>
///   G(γ, b, N) = Σ_{k=1}^{N} (b)_k/(γ+b)_k = E[(1−θ)(1 − (1−θ)^N)/θ]      (expected opportunities alive in n+1..n+N)
///   D(γ, b, z) = Σ_{k≥1} z^k (b)_k/(γ+b)_k = E[(1−θ)/(d+θ)],  z = 1/(1+d)   (discounted ones)
/// </code>
/// G is the bracket of Fader, Hardie &amp; Shang (2010) eq. (13), <c>b/(γ−1)·[1 − Γ(b+1+N)Γ(γ+b)/(Γ(b+1)Γ(γ+b+N))]</c>, and D the
/// <c>z·b/(γ+b)·₂F₁(1, b+1; γ+b+1; z)</c> of eq. (14). Both are summed term by term (positive terms with ratio
/// <c>z(b+k)/(γ+b+k) &lt; 1</c>: no cancellation, and no removable singularity at γ = 1 as in the closed form); when that would take
/// more than <see cref="MaxTerms"/> terms (N large, or d small) the expectation over θ is integrated by tanh-sinh quadrature
/// (<see cref="BetaExpectation"/>), split at the knee θ = 1/N or θ = d.
/// </summary>
internal static class BgBbDropoutSums
{
    /// <summary>Longest direct summation.</summary>
    public const int MaxTerms = 20000;

    /// <summary>G(γ, b, N) for N ≥ 0.</summary>
    public static double Alive(double gamma, double b, long horizon)
    {
        if (horizon <= 0) return 0;
        if (horizon <= MaxTerms)
        {
            double sum = 0, term = 1;
            for (int k = 0; k < horizon; k++)
            {
                term *= (b + k) / (gamma + b + k);
                sum += term;
                if (term * (horizon - k) < 1e-17 * sum) break; // the remaining terms are smaller still: together below 1e-17·sum
            }
            return sum;
        }
        return BetaExpectation.Evaluate(gamma, b, 1.0 / horizon, new AliveIntegrand(horizon));
    }

    /// <summary>D(γ, b, 1/(1+d)) for d &gt; 0.</summary>
    public static double Discounted(double gamma, double b, double d)
    {
        double z = 1.0 / (1.0 + d);
        // Terms fall at least like z^k and the tail after a term t is at most t·z/(1−z) = t/d: about ln(1e-17·d)/ln z terms.
        double needed = Math.Log(1e-17 * d) / -Elementary.Log1p(d);
        if (needed <= MaxTerms)
        {
            double sum = 0, term = 1;
            for (int k = 0; ; k++)
            {
                term *= z * (b + k) / (gamma + b + k);
                sum += term;
                if (term <= 1e-17 * sum * d) return sum;
            }
        }
        return BetaExpectation.Evaluate(gamma, b, d, new DiscountedIntegrand(d));
    }

    /// <summary>(1−θ)(1 − (1−θ)^N)/θ, without cancellation for small θ.</summary>
    private readonly struct AliveIntegrand(long horizon) : IProbabilityFunction
    {
        public double Evaluate(double theta)
        {
            if (theta == 0) return horizon; // the limit: alive through all N opportunities
            double stay = 1 - theta;
            return stay * -Elementary.Expm1(horizon * Elementary.Log1p(-theta)) / theta;
        }
    }

    /// <summary>(1−θ)/(d+θ).</summary>
    private readonly struct DiscountedIntegrand(double d) : IProbabilityFunction
    {
        public double Evaluate(double theta) => (1 - theta) / (d + theta);
    }
}
