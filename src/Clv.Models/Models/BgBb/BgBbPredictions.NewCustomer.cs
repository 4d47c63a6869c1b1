using Clv.Models.Special;

namespace Clv.Models.BgBb;

/// <summary>Predictions for a customer not yet observed (FHS section 3).</summary>
public static partial class BgBbPredictions
{
    /// <summary>
    /// E[X(n)], a new customer's expected transactions in the first n opportunities after the first transaction (FHS eq. (8)):
    /// <c>α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))] = α/(α+β) · Σ_{k=1}^{n} (δ)_k/(γ+δ)_k</c>, the sum by
    /// <see cref="BgBbDropoutSums"/> (no removable singularity at γ = 1).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="n">Opportunities (≥ 0).</param>
    public static double ExpectedTransactionsNewCustomer(in BgBbParameters p, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return p.Alpha / (p.Alpha + p.Beta) * BgBbDropoutSums.Alive(p.Gamma, p.Delta, n);
    }

    /// <summary>
    /// P(X(n) = x) for a new customer (FHS eq. (7)):
    /// <c>C(n, x) B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ) + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ)</c>
    /// (alive through n, or inactive from opportunity i+1), summed in logs with consecutive terms related by
    /// <c>(i+1)/(i+1−x) · (β+i−x)/(α+β+i) · (δ+i)/(γ+δ+i+1)</c>. 0 when x &gt; n.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Transactions (≥ 0).</param>
    /// <param name="n">Opportunities (≥ 0).</param>
    public static double ProbabilityOfTransactions(in BgBbParameters p, int x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (x > n) return 0;
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logAlive = LogChoose(n, x) + BgBbLikelihood.LogBetaBinomialTerm(a, b, x, n) + LogGamma.LogRisingRatio(g, d, n);
        double max = logAlive, sum = 1; // running log-sum-exp: Σ exp(l − max) = sum
        if (x < n)
        {
            // i = x: C(x, x) = 1, B(α+x, β)/B(α, β) and B(γ+1, δ+x)/B(γ, δ).
            double l = BgBbLikelihood.LogBetaBinomialTerm(a, b, x, x) + Math.Log(g) - Math.Log(g + d + x) + LogGamma.LogRisingRatio(g, d, x);
            for (int i = x; i < n; i++)
            {
                if (l > max)
                {
                    sum = sum * Math.Exp(max - l) + 1;
                    max = l;
                }
                else sum += Math.Exp(l - max);
                l += Math.Log((i + 1.0) / (i + 1 - x) * ((b + i - x) / (a + b + i)) * ((d + i) / (g + d + i + 1)));
            }
        }
        return Math.Exp(max + Math.Log(sum));
    }

    /// <summary>ln C(n, x) = −ln(n+1) − ln B(x+1, n−x+1).</summary>
    private static double LogChoose(int n, int x) => -Math.Log(n + 1.0) - LogGamma.LogBeta(x + 1.0, n - x + 1.0);
}
