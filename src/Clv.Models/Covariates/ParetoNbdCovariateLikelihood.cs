using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Covariates;

/// <summary>
/// Pareto/NBD with static covariates (Fader &amp; Hardie 2007, "Incorporating time-invariant covariates into the Pareto/NBD and
/// BG/NBD models", section 2; CLVTools' <c>pnbd_staticcov_alpha_i</c>, <c>_beta_i</c>): α_i = α·exp(−γ_purchaseᵀz_i),
/// β_i = β·exp(−γ_lifeᵀz_i), r and s shared; the likelihood is <see cref="ParetoNbdCustomerLikelihood"/>.
/// </summary>
/// <remarks>
/// With g_α = α_i∂ℓ_i/∂α_i and g_β = β_i∂ℓ_i/∂β_i per customer: ∂ℓ/∂α = Σg_α/α, ∂ℓ/∂β = Σg_β/β, ∂ℓ_i/∂η_purchase = −g_α and
/// ∂ℓ_i/∂η_life = −g_β.
/// </remarks>
internal sealed class ParetoNbdCovariateLikelihood : ICustomerLikelihood
{
    private readonly CustomerSegments layout;
    private readonly double[] alpha, beta, gAlpha, gBeta, chunkSums;
    private readonly bool[] outOfRange;
    private readonly int threads;
    private readonly VectorWidth width;

    public ParetoNbdCovariateLikelihood(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights, int threads, VectorWidth width)
    {
        layout = CustomerSegments.Create(x, tx, t, weights);
        int n = x.Length;
        alpha = new double[n]; beta = new double[n]; gAlpha = new double[n]; gBeta = new double[n];
        chunkSums = new double[3 * CovariateDesign.ChunksOf(n)];
        outOfRange = new bool[CovariateDesign.ChunksOf(n)];
        this.threads = threads;
        this.width = width;
    }

    public IReadOnlyList<string> BaseNames => ParetoNbdParameters.Names;

    public double TotalWeight => layout.Segments.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> p, double[] etaPurchase, double[] etaLife, Span<double> baseGradient, double[] dPurchase, double[] dLife)
    {
        double r = p[0], alpha0 = p[1], s = p[2], beta0 = p[3];
        int n = alpha.Length;
        CovariateDesign.ForChunks(n, threads, (start, end, chunk) =>
        {
            bool inRange = true;
            for (int i = start; i < end; i++)
            {
                alpha[i] = alpha0 * Math.Exp(-etaPurchase[i]);
                beta[i] = beta0 * Math.Exp(-etaLife[i]);
                inRange &= CovariateDesign.InKernelRange(alpha[i]) & CovariateDesign.InKernelRange(beta[i]);
            }
            outOfRange[chunk] = !inRange;
        });
        if (Array.IndexOf(outOfRange, true) >= 0) return double.NaN;
        Span<double> shared = stackalloc double[2];
        double ll = ParetoNbdCustomerLikelihood.ValueAndGradient(layout, r, s, alpha, beta, shared, gAlpha, gBeta, threads, width);
        CovariateDesign.ForChunks(n, threads, (start, end, chunk) =>
        {
            double sAlpha = 0, sBeta = 0;
            for (int i = start; i < end; i++)
            {
                sAlpha += gAlpha[i]; sBeta += gBeta[i];
                dPurchase[i] = -gAlpha[i];
                dLife[i] = -gBeta[i];
            }
            chunkSums[3 * chunk] = sAlpha; chunkSums[3 * chunk + 1] = sBeta;
        });
        double totalAlpha = 0, totalBeta = 0;
        for (int c = 0; c < CovariateDesign.ChunksOf(n); c++) { totalAlpha += chunkSums[3 * c]; totalBeta += chunkSums[3 * c + 1]; }
        baseGradient[0] = shared[0];
        baseGradient[1] = totalAlpha / alpha0;
        baseGradient[2] = shared[1];
        baseGradient[3] = totalBeta / beta0;
        return ll;
    }
}
