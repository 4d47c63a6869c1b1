using Clv.Models.Special;

namespace Clv.Models.Sbg;

/// <summary>
/// Parameters of the shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007, "How to Project
/// Customer Retention", Journal of Interactive Marketing 21(1) 76–90, cited as FH2007): at the end of every period an active
/// customer cancels with probability θ, constant over time (eq. 1, P(T = t | θ) = θ(1−θ)^(t−1)), and θ varies across
/// customers as Beta(α, β) (eq. 3). T ∈ {1, 2, …} is the period in which the customer cancels, so S(t) = P(T &gt; t) is the
/// share of a cohort still subscribed at the start of period t + 1 ("renewed t times"); S(0) = 1.
/// </summary>
/// <param name="Alpha">Beta parameter α &gt; 0 of the churn probability θ.</param>
/// <param name="Beta">Beta parameter β &gt; 0 of the churn probability θ.</param>
public readonly partial record struct SbgParameters(double Alpha, double Beta)
{
    /// <summary>Names in the order of <see cref="ToArray"/>: alpha, beta.</summary>
    public static IReadOnlyList<string> Names { get; } = ["alpha", "beta"];

    /// <summary>The parameters as (alpha, beta).</summary>
    public double[] ToArray() => [Alpha, Beta];

    /// <summary>Parameters from (alpha, beta).</summary>
    public static SbgParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 2) throw new ArgumentException("sBG has 2 parameters (alpha, beta).", nameof(values));
        return new SbgParameters(values[0], values[1]);
    }

    /// <summary>Throws unless both parameters are finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(Alpha) && Alpha > 0 && double.IsFinite(Beta) && Beta > 0))
            throw new ArgumentOutOfRangeException(nameof(SbgParameters), this, "sBG parameters alpha and beta must be finite and > 0.");
    }

    /// <summary>
    /// ln S(t), FH2007 eq. (5): <c>ln B(α, β+t) − ln B(α, β) = Σ_{j&lt;t} ln((β+j)/(α+β+j))</c>, i.e. the log of the product of the
    /// retention rates of eq. (6) (recursion (8) written multiplicatively, so no cancellation when S(t) is small).
    /// </summary>
    /// <param name="t">Period t ≥ 0.</param>
    public double LogSurvival(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return LogGamma.LogRisingRatio(Alpha, Beta, t);
    }

    /// <summary>S(t) = P(T &gt; t), FH2007 eq. (5): the expected share of a cohort still subscribed after t periods.</summary>
    /// <param name="t">Period t ≥ 0.</param>
    public double Survival(int t) => Math.Exp(LogSurvival(t));

    /// <summary>
    /// The retention rate r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), FH2007 eq. (6): the share of those active in period t−1 who
    /// renew at the end of it. Rises with t: the sorting effect of heterogeneity, not a change in anyone's behaviour.
    /// </summary>
    /// <param name="t">Period t ≥ 1.</param>
    public double RetentionRate(int t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        return (Beta + (t - 1.0)) / (Alpha + Beta + (t - 1.0));
    }

    /// <summary>
    /// P(T = t) = B(α+1, β+t−1)/B(α, β), FH2007 eq. (4); evaluated as the recursion (7) unrolled,
    /// <c>P(T = t) = α/(α+β+t−1) · S(t−1)</c>.
    /// </summary>
    /// <param name="t">Period t ≥ 1 in which the customer cancels.</param>
    public double ChurnProbability(int t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        return Alpha / (Alpha + Beta + (t - 1.0)) * Survival(t - 1);
    }

    /// <summary>
    /// DERL(d | n renewals), the discounted expected residual lifetime of a customer who has renewed n times (Fader &amp; Hardie
    /// 2010; see <see cref="SbgResidualLifetime"/>): the expected present value, just before the customer's next renewal
    /// decision, of one unit paid at every future renewal, the next one undiscounted.
    /// </summary>
    /// <param name="discountRate">Discount rate d ≥ 0 per period (e.g. 0.1 for 10% a year with yearly periods).</param>
    /// <param name="renewals">Number of renewals n ≥ 0 the customer has made (n = 0: just acquired).</param>
    /// <returns>The DERL; +∞ when d = 0 and α ≤ 1 (the expected lifetime is infinite).</returns>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        if (!(discountRate >= 0) || !double.IsFinite(discountRate))
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "the discount rate must be finite and >= 0");
        ArgumentOutOfRangeException.ThrowIfNegative(renewals);
        return SbgResidualLifetime.Evaluate(Alpha, Beta + renewals, discountRate);
    }

    /// <summary><see cref="Survival(int)"/> for every period: <c>result[i] = S(periods[i])</c>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void Survival(ReadOnlySpan<int> periods, Span<double> result)
    {
        CheckLengths(periods.Length, result.Length);
        for (int i = 0; i < periods.Length; i++) result[i] = Survival(periods[i]);
    }

    /// <summary><see cref="RetentionRate(int)"/> for every period: <c>result[i] = r(periods[i])</c>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void RetentionRate(ReadOnlySpan<int> periods, Span<double> result)
    {
        CheckLengths(periods.Length, result.Length);
        for (int i = 0; i < periods.Length; i++) result[i] = RetentionRate(periods[i]);
    }

    /// <summary>
    /// <see cref="DiscountedExpectedResidualLifetime(double, int)"/> for every renewal count:
    /// <c>result[i] = DERL(d | renewals[i])</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void DiscountedExpectedResidualLifetime(double discountRate, ReadOnlySpan<int> renewals, Span<double> result)
    {
        CheckLengths(renewals.Length, result.Length);
        for (int i = 0; i < renewals.Length; i++) result[i] = DiscountedExpectedResidualLifetime(discountRate, renewals[i]);
    }

    private static void CheckLengths(int input, int result)
    {
        if (input != result) throw new ArgumentException($"the result span has {result} elements but the input has {input}");
    }
}
