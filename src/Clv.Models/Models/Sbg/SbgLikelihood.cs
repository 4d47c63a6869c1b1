using Clv.Models.Estimation;

namespace Clv.Models.Sbg;

/// <summary>
/// The sBG log-likelihood of survivor counts (Fader &amp; Hardie 2007, "How to Project Customer Retention", Journal of
/// Interactive Marketing 21(1), cited as FH2007) and its analytic gradient.
/// </summary>
/// <remarks>
/// <para>A cohort of n₀ customers observed at periods 0..T_c with survivors n₀ ≥ n₁ ≥ … ≥ n_T contributes (FH2007 eq. 9, written for
/// any age and summed over cohorts, as in Fader &amp; Hardie's note "Fitting the sBG Model to Multi-Cohort Data")</para>
/// <code>
///   LL = Σ_{t=1}^{T_c} (n_{t−1} − n_t) · ln P(T = t)  +  n_{T_c} · ln S(T_c)        (churned in period t; still active: right-censored)
///   P(T = t) = α/(α+β+t−1) · S(t−1)                                             (eq. 4, by the recursion eq. 7)
///   ln S(t)  = Σ_{j&lt;t} ln((β+j)/(α+β+j))                                          (eq. 5, the product of the r(j+1) of eq. 6)
/// </code>
/// <para>Summed over cohorts only the totals matter: D_t, the customers lost in period t, and C_t, the customers still active at
/// the end of a cohort observed up to t (<see cref="SbgChurnCounts"/>). With A_t = α+β+t−1 the gradient is</para>
/// <code>
///   ∂ ln S(t)/∂α = −Σ_{j&lt;t} 1/(α+β+j),   ∂ ln S(t)/∂β = Σ_{j&lt;t} α/((β+j)(α+β+j))
///   ∂ ln P(T=t)/∂α = 1/α − 1/A_t + ∂ ln S(t−1)/∂α,   ∂ ln P(T=t)/∂β = −1/A_t + ∂ ln S(t−1)/∂β
/// </code>
/// <para>Each period's terms are built from the previous period's by one step of these recursions, so an evaluation costs
/// O(max T_c) with no gamma or digamma function.</para>
/// </remarks>
public static class SbgLikelihood
{
    /// <summary>The total log-likelihood of <paramref name="data"/> at <paramref name="p"/> (the readable entry point).</summary>
    public static double LogLikelihood(in SbgParameters p, CohortSurvivors data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Span<double> gradient = stackalloc double[2];
        return ValueAndGradient(p, SbgChurnCounts.From(data), gradient);
    }

    /// <summary>The log-likelihood of one cohort, <paramref name="survivors"/> = counts at periods 0, 1, ….</summary>
    public static double LogLikelihood(in SbgParameters p, ReadOnlySpan<double> survivors) =>
        LogLikelihood(p, CohortSurvivors.FromCounts("cohort", survivors));

    /// <summary>Σ over periods of D_t ln P(T = t) + C_t ln S(t) and its gradient with respect to (α, β).</summary>
    internal static double ValueAndGradient(in SbgParameters p, SbgChurnCounts counts, Span<double> gradient)
    {
        double alpha = p.Alpha, beta = p.Beta, invAlpha = 1 / alpha;
        double lnS = 0, dSa = 0, dSb = 0; // ln S(t−1) and its derivatives, starting at t−1 = 0
        double ll = 0, ga = 0, gb = 0;
        var churned = counts.Churned;
        var censored = counts.Censored;
        for (int t = 1; t < churned.Length; t++)
        {
            double j = t - 1, bj = beta + j, abj = alpha + beta + j; // abj = A_t
            double dt = churned[t];
            if (dt > 0)
            {
                ll += dt * (Math.Log(alpha / abj) + lnS);
                ga += dt * (invAlpha - 1 / abj + dSa);
                gb += dt * (-1 / abj + dSb);
            }
            // S(t) = S(t−1) · r(t), r(t) = (β+t−1)/(α+β+t−1)
            lnS += 2 * alpha < abj ? Special.Elementary.Log1p(-alpha / abj) : Math.Log(bj / abj);
            dSa -= 1 / abj;
            dSb += alpha / (bj * abj);
            double ct = censored[t];
            if (ct > 0)
            {
                ll += ct * lnS;
                ga += ct * dSa;
                gb += ct * dSb;
            }
        }
        gradient[0] = ga;
        gradient[1] = gb;
        return ll;
    }

    /// <summary>The likelihood as the estimator sees it.</summary>
    internal sealed class Function(SbgChurnCounts counts) : ILogLikelihoodFunction
    {
        public IReadOnlyList<string> ParameterNames => SbgParameters.Names;

        public double TotalWeight => counts.TotalCustomers;

        public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
            SbgLikelihood.ValueAndGradient(SbgParameters.FromSpan(parameters), counts, gradient);
    }
}

/// <summary>
/// The sufficient statistics of survivor data for the sBG: <c>Churned[t]</c> = customers lost in period t (between the starts of
/// periods t−1 and t, summed over cohorts) and <c>Censored[t]</c> = customers still active in cohorts last observed at period t.
/// Index 0 of <c>Churned</c> is unused.
/// </summary>
internal sealed record SbgChurnCounts(double[] Churned, double[] Censored, double TotalCustomers)
{
    public static SbgChurnCounts From(CohortSurvivors data)
    {
        int maxAge = 0;
        for (int c = 0; c < data.CohortNames.Count; c++) maxAge = Math.Max(maxAge, data.LastPeriod(c));
        var churned = new double[maxAge + 1];
        var censored = new double[maxAge + 1];
        for (int c = 0; c < data.CohortNames.Count; c++)
        {
            var n = data.SurvivorsOf(c);
            for (int t = 1; t < n.Length; t++) churned[t] += n[t - 1] - n[t];
            censored[n.Length - 1] += n[^1];
        }
        return new SbgChurnCounts(churned, censored, data.TotalCustomers);
    }

    /// <summary>True when some cohort is observed beyond period 0, i.e. the data says anything about churn.</summary>
    public bool HasChurnInformation => Churned.Length > 1;
}
