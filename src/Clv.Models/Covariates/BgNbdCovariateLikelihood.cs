using Clv.Models.BgNbd;
using Clv.Models.Kernels;

namespace Clv.Models.Covariates;

/// <summary>
/// BG/NBD with static covariates (Fader &amp; Hardie 2007, "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
/// models", section 3; CLVTools' <c>bgnbd_staticcov_alpha_i</c>, <c>_a_i</c>, <c>_b_i</c>): α_i = α·exp(−γ_purchaseᵀz_i),
/// a_i = a·exp(γ_lifeᵀz_i), b_i = b·exp(γ_lifeᵀz_i), r shared; the likelihood is <see cref="BgNbdCustomerLikelihood"/>.
/// </summary>
/// <remarks>
/// With ℓ_i's log-parameter derivatives g_α = α_i∂ℓ_i/∂α_i, g_a, g_b from the kernel: ∂ℓ/∂α = Σg_α/α, ∂ℓ/∂a = Σg_a/a,
/// ∂ℓ/∂b = Σg_b/b, and per customer ∂ℓ_i/∂η_purchase = −g_α, ∂ℓ_i/∂η_life = g_a + g_b.
/// </remarks>
internal sealed class BgNbdCovariateLikelihood : ICustomerLikelihood
{
    private readonly BgNbdCustomerLikelihood.Layout layout;
    private readonly double[] alpha, a, b, gAlpha, gA, gB, chunkSums;
    private readonly bool[] outOfRange;
    private readonly int threads;
    private readonly VectorWidth width;

    public BgNbdCovariateLikelihood(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights, int threads, VectorWidth width)
    {
        layout = new BgNbdCustomerLikelihood.Layout(x, tx, t, weights);
        int n = x.Length;
        alpha = new double[n]; a = new double[n]; b = new double[n]; gAlpha = new double[n]; gA = new double[n]; gB = new double[n];
        chunkSums = new double[3 * CovariateDesign.ChunksOf(n)];
        outOfRange = new bool[CovariateDesign.ChunksOf(n)];
        this.threads = threads;
        this.width = width;
    }

    public IReadOnlyList<string> BaseNames => BgNbdParameters.Names;

    public double TotalWeight => layout.Segments.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> p, double[] etaPurchase, double[] etaLife, Span<double> baseGradient, double[] dPurchase, double[] dLife)
    {
        double r = p[0], alpha0 = p[1], a0 = p[2], b0 = p[3];
        int n = alpha.Length;
        CovariateDesign.ForChunks(n, threads, (start, end, chunk) =>
        {
            bool inRange = true;
            for (int i = start; i < end; i++)
            {
                alpha[i] = alpha0 * Math.Exp(-etaPurchase[i]);
                double life = Math.Exp(etaLife[i]);
                a[i] = a0 * life;
                b[i] = b0 * life;
                inRange &= CovariateDesign.InKernelRange(alpha[i]) & CovariateDesign.InKernelRange(a[i]) & CovariateDesign.InKernelRange(b[i]);
            }
            outOfRange[chunk] = !inRange;
        });
        if (Array.IndexOf(outOfRange, true) >= 0) return double.NaN;
        double ll = BgNbdCustomerLikelihood.ValueAndGradient(layout, r, alpha, a, b, out double gr, gAlpha, gA, gB, threads, width);
        CovariateDesign.ForChunks(n, threads, (start, end, chunk) =>
        {
            double sAlpha = 0, sA = 0, sB = 0;
            for (int i = start; i < end; i++)
            {
                sAlpha += gAlpha[i]; sA += gA[i]; sB += gB[i];
                dPurchase[i] = -gAlpha[i];
                dLife[i] = gA[i] + gB[i];
            }
            chunkSums[3 * chunk] = sAlpha; chunkSums[3 * chunk + 1] = sA; chunkSums[3 * chunk + 2] = sB;
        });
        double totalAlpha = 0, totalA = 0, totalB = 0;
        for (int c = 0; c < chunkSums.Length / 3; c++) { totalAlpha += chunkSums[3 * c]; totalA += chunkSums[3 * c + 1]; totalB += chunkSums[3 * c + 2]; }
        baseGradient[0] = gr;
        baseGradient[1] = totalAlpha / alpha0;
        baseGradient[2] = totalA / a0;
        baseGradient[3] = totalB / b0;
        return ll;
    }
}
