using Clv.Models.ParetoNbd;
using Clv.Models.Special;

namespace Clv.Models.Covariates;

/// <summary>
/// The Pareto/NBD log-likelihood with per-customer α_i, β_i (r, s shared), by the scalar per-row functions of
/// <see cref="ParetoNbdLikelihood"/> (<see cref="ParetoNbdLikelihood.SumRow"/> with each customer's own parameters, plus the
/// per-x terms A(x) = ln Γ(r+x) − ln Γ(r) and ψ(r+x) − ψ(r)), in parallel over fixed chunks summed in order.
/// </summary>
internal static class ParetoNbdCustomerScalar
{
    /// <summary>
    /// Σ ln L_i; [∂/∂r, ∂/∂s] into <paramref name="gradShared"/>; per customer α_i∂ln L_i/∂α_i and β_i∂ln L_i/∂β_i.
    /// </summary>
    public static double ValueAndGradient(double[] x, double[] tx, double[] t, double r, double s, double[] alpha, double[] beta,
        Span<double> gradShared, double[] gradLogAlpha, double[] gradLogBeta, double[] chunkSums, int threads)
    {
        CovariateDesign.ForChunks(x.Length, threads, (start, end, chunk) =>
        {
            Span<double> sums = stackalloc double[ParetoNbdLikelihood.SumCount];
            double ll = 0, dr = 0, ds = 0;
            for (int i = start; i < end; i++)
            {
                int xi = (int)x[i];
                var terms = new ParetoNbdLikelihood.PieceTerms(new ParetoNbdParameters(r, alpha[i], s, beta[i]), xi);
                sums.Clear();
                ParetoNbdLikelihood.SumRow(terms, t[i], tx[i], 1.0, sums);
                double digammaDiff = 0;
                for (int j = 0; j < xi; j++) digammaDiff += 1.0 / (r + j);
                ll += sums[0] + LogGamma.LogRising(r, xi);
                dr += sums[1] + digammaDiff;
                ds += sums[3];
                gradLogAlpha[i] = alpha[i] * sums[2];
                gradLogBeta[i] = beta[i] * sums[4];
            }
            chunkSums[3 * chunk] = ll; chunkSums[3 * chunk + 1] = dr; chunkSums[3 * chunk + 2] = ds;
        });
        double total = 0, gr = 0, gs = 0;
        for (int c = 0; c < CovariateDesign.ChunksOf(x.Length); c++) { total += chunkSums[3 * c]; gr += chunkSums[3 * c + 1]; gs += chunkSums[3 * c + 2]; }
        gradShared[0] = gr;
        gradShared[1] = gs;
        return total;
    }
}
