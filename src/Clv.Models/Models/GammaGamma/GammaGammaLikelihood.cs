using Clv.Models.Kernels;
using Clv.Models.Special;
using MathNet.Numerics;
using static Clv.Models.Special.Elementary;

namespace Clv.Models.GammaGamma;

/// <summary>
/// The Gamma-Gamma log-likelihood of a customer's mean transaction value m_x over x transactions
/// (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value", eq. 3; FHL 2005 JMR eq. 4):
/// <code>
///   f(m_x | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m_x^(px−1) · x^(px) / (γ + m_x·x)^(px+q)
/// </code>
/// Its terms are each of size px·ln(x m_x) and cancel when px is large, so it is regrouped exactly as
/// <code>
///   ln f = −ln B(px, q) − ln m_x − px·ln(1 + γ/(x m_x)) − q·ln(1 + x m_x/γ)
/// </code>
/// with an accurate ln B (<see cref="LogGamma.LogBeta"/>) and log1p, which keeps relative accuracy for every
/// p, q, γ, x. Per row that is two log1p; ln m_x is data and is summed once. Gradient:
/// <code>
///   ∂/∂p = x[ψ(px+q) − ψ(px) − ln(1 + γ/(x m_x))]
///   ∂/∂q = ψ(px+q) − ψ(q) − ln(1 + x m_x/γ)
///   ∂/∂γ = q/γ − (px+q)/(γ + x m_x)
/// </code>
/// </summary>
internal static class GammaGammaLikelihood
{
    /// <summary>Number of partial sums a piece produces: Σw ln(1+γ/(xm)), Σw ln(1+xm/γ), Σw/(γ+xm), Σw ln m.</summary>
    internal const int SumCount = 4;

    /// <summary>
    /// The segmented layout the kernels run on: column 0 = m_x, column 1 = ln m_x (data, computed once). Customers with the
    /// same (x, m_x) are one row weighted by their number (the likelihood depends on a customer through x and m_x only,
    /// and non-linearly in m_x, so no coarser statistic will do), in (x, m_x) order: the per-customer rows and their
    /// compressed spend table (<see cref="Data.CompressedSpend"/>) give the same layout, and so the same fit to the last bit.
    /// </summary>
    internal static FrequencySegments Layout(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, ReadOnlySpan<double> weights)
    {
        var (x, m, w) = DistinctPairs.Collapse(frequency, monetaryValue, weights);
        var lnM = new double[m.Length];
        for (int i = 0; i < m.Length; i++) lnM[i] = Math.Log(m[i]);
        return FrequencySegments.Create(x, w, [m, lnM]);
    }

    /// <summary>Per-customer log-likelihood (the readable scalar reference), x ≥ 1, m_x &gt; 0.</summary>
    public static double LogLikelihood(in GammaGammaParameters p, double x, double mx)
    {
        double px = p.P * x, xm = x * mx;
        return -LogGamma.LogBeta(px, p.Q) - Math.Log(mx) - px * Log1p(p.Gamma / xm) - p.Q * Log1p(xm / p.Gamma);
    }

    /// <summary>Σ w·ln f and its gradient over (p, q, γ); rows are segmented by x, column 0 holds m_x.</summary>
    public static double ValueAndGradient(FrequencySegments data, in GammaGammaParameters p, Span<double> gradient, double[] pieceSums, int maxDegreeOfParallelism,
        VectorWidth width = VectorWidth.Auto)
    {
        PieceSums<GammaGammaParameters> sumPiece = VectorWidths.Resolve(width) switch
        {
            VectorWidth.Vector512 => GammaGammaKernel.SumPiece<V512>,
            VectorWidth.Vector256 => GammaGammaKernel.SumPiece<V256>,
            _ => SumPiece,
        };
        PieceLoop.Run(data, p, SumCount, pieceSums, maxDegreeOfParallelism, sumPiece);
        return Combine(data, p, pieceSums, gradient);
    }


    /// <summary>The row sums of one piece: the readable scalar reference of <see cref="GammaGammaKernel"/>.</summary>
    internal static void SumPiece(FrequencySegments data, in GammaGammaParameters p, FrequencySegments.Piece piece, Span<double> sums)
    {
        double x = data.Frequencies[piece.Segment], g = p.Gamma, invG = 1.0 / g;
        var m = data.Column(0);
        var w = data.Weight;
        double sL1 = 0, sL2 = 0, sInvDen = 0, sLogM = 0;
        for (int i = piece.Start; i < piece.End; i++)
        {
            double xm = x * m[i];
            sL1 += w[i] * Log1p(g / xm);
            sL2 += w[i] * Log1p(xm * invG);
            sInvDen += w[i] / (g + xm);
            sLogM += w[i] * Math.Log(m[i]);
        }
        sums[0] = sL1; sums[1] = sL2; sums[2] = sInvDen; sums[3] = sLogM;
    }

    internal static double Combine(FrequencySegments data, in GammaGammaParameters p, ReadOnlySpan<double> pieceSums, Span<double> gradient)
    {
        double ll = 0, gp = 0, gq = 0, gg = 0;
        double psiQ = SpecialFunctions.DiGamma(p.Q);
        var pieces = data.Pieces;
        int k = 0;
        for (int s = 0; s < data.Frequencies.Length; s++)
        {
            double sL1 = 0, sL2 = 0, sInvDen = 0, sLogM = 0;
            for (; k < pieces.Length && pieces[k].Segment == s; k++)
            {
                var ps = pieceSums.Slice(k * SumCount, SumCount);
                sL1 += ps[0]; sL2 += ps[1]; sInvDen += ps[2]; sLogM += ps[3];
            }
            double x = data.Frequencies[s], w = data.SegmentWeight[s], px = p.P * x;
            double psiSum = SpecialFunctions.DiGamma(px + p.Q);
            ll += -w * LogGamma.LogBeta(px, p.Q) - sLogM - px * sL1 - p.Q * sL2;
            gp += x * (w * (psiSum - SpecialFunctions.DiGamma(px)) - sL1);
            gq += w * (psiSum - psiQ) - sL2;
            gg += w * p.Q / p.Gamma - (px + p.Q) * sInvDen;
        }
        gradient[0] = gp; gradient[1] = gq; gradient[2] = gg;
        return ll;
    }
}
