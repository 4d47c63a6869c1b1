using Clv.Models.Kernels;
using static Clv.Models.Special.Elementary;

namespace Clv.Models.BgNbd;

/// <summary>
/// The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, eq. 6) when every customer has its own α_i, a_i, b_i and r is
/// shared — the static-covariate BG/NBD of Fader &amp; Hardie 2007 ("Incorporating time-invariant covariates into the Pareto/NBD
/// and BG/NBD models", section 3) and CLVTools' <c>bgnbd_staticcov_LL_ind</c> — with the per-customer partial derivatives the
/// covariate chain rule needs.
/// </summary>
/// <remarks>
/// Per customer, with the factors of <see cref="BgNbdLikelihood"/> (P = ln(α_i+T) − ln α_i, Q = ln(α_i+t_x) − ln α_i):
/// <code>
///   ln L_i = Σ_{j&lt;x} ln(r+j) − x ln α_i − (r+x)P + Σ_{j&lt;x} ln[(b_i+j)/(a_i+b_i+j)] + δ_{x&gt;0} softplus(d_i),
///   d_i = ln a_i − ln(b_i+x−1) + (r+x)(P − Q)
/// </code>
/// The beta-function ratio B(a_i, b_i+x)/B(a_i, b_i) = Π_{j&lt;x}(b_i+j)/(a_i+b_i+j) is now per row; rows are grouped by x
/// (<see cref="FrequencySegments"/>) so the vector lanes share its loop length. With s = sigmoid(d_i) and w the row weight, the
/// outputs are ∂ℓ/∂r summed over rows and, per customer, the derivatives with respect to the log-parameters:
/// <code>
///   α_i∂/∂α_i = −x + (r+x)·T/(α_i+T) + s(r+x)·α_i(t_x − T)/((α_i+T)(α_i+t_x))
///   a_i∂/∂a_i = −a_i Σ_{j&lt;x} 1/(a_i+b_i+j) + s,     b_i∂/∂b_i = b_i Σ_{j&lt;x} a_i/((b_i+j)(a_i+b_i+j)) − s·b_i/(b_i+x−1)
///   ∂/∂r      = Σ_{j&lt;x} 1/(r+j) − P + s(P − Q)
/// </code>
/// <see cref="ReferenceValueAndGradient"/> is the readable per-customer reference (it builds <see cref="BgNbdFrequencyTerms"/>
/// per row); <see cref="ValueAndGradient"/> runs <see cref="BgNbdCustomerKernel"/> at the chosen width over fixed pieces, so the
/// result does not depend on the number of threads.
/// </remarks>
internal static class BgNbdCustomerLikelihood
{
    /// <summary>Per-piece sums: the row part of Σ w ln L and of Σ w ∂ ln L/∂r.</summary>
    internal const int SumCount = 2;

    /// <summary>
    /// The rows (x, t_x, T, w) grouped by x once per fit (<see cref="CustomerSegments"/>), with segment-order scratch columns for
    /// the per-customer parameters and derivatives (the kernel gathers and scatters through <see cref="CustomerSegments.Order"/>
    /// piece by piece).
    /// </summary>
    internal sealed class Layout
    {
        /// <exception cref="ArgumentException">Lengths differ or a row is out of range.</exception>
        public Layout(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights)
        {
            Rows = CustomerSegments.Create(x, tx, t, weights);
            int n = x.Length;
            Alpha = new double[n]; A = new double[n]; B = new double[n];
            GAlpha = new double[n]; GA = new double[n]; GB = new double[n];
            PieceSums = new double[Rows.PieceSumsLength(SumCount)];
        }

        /// <summary>The rows grouped by x, and the permutation back to the caller's order.</summary>
        public CustomerSegments Rows { get; }

        /// <summary>Rows in segment order: column 0 t_x, column 1 T.</summary>
        public FrequencySegments Segments => Rows.Segments;

        /// <summary>Original row of each segment-order row.</summary>
        public int[] Order => Rows.Order;

        /// <summary>Number of rows.</summary>
        public int Count => Rows.Count;

        internal double[] Alpha { get; }
        internal double[] A { get; }
        internal double[] B { get; }
        internal double[] GAlpha { get; }
        internal double[] GA { get; }
        internal double[] GB { get; }
        internal double[] PieceSums { get; }
    }

    /// <summary>
    /// Σ w ln L_i and its derivatives: ∂/∂r into <paramref name="gradR"/>, and per customer (original row order)
    /// w·α_i∂ln L_i/∂α_i, w·a_i∂ln L_i/∂a_i, w·b_i∂ln L_i/∂b_i.
    /// </summary>
    public static double ValueAndGradient(Layout layout, double r, double[] alpha, double[] a, double[] b, out double gradR,
        double[] gradLogAlpha, double[] gradLogA, double[] gradLogB, int maxDegreeOfParallelism, VectorWidth width)
    {
        var rows = new CustomerRows(layout, r, alpha, a, b, gradLogAlpha, gradLogA, gradLogB);
        PieceSums<CustomerRows> kernel = VectorWidths.Resolve(width) switch
        {
            VectorWidth.Vector512 => BgNbdCustomerKernel.SumPiece<V512>,
            VectorWidth.Vector256 => BgNbdCustomerKernel.SumPiece<V256>,
            _ => BgNbdCustomerKernel.SumPiece<Scalar>,
        };
        var data = layout.Segments;
        PieceLoop.Run(data, rows, SumCount, layout.PieceSums, maxDegreeOfParallelism, kernel);

        double ll = 0, gr = 0, logRising = 0, digammaDiff = 0;
        int k = 0, j = 0;
        for (int seg = 0; seg < data.Frequencies.Length; seg++)
        {
            int x = data.Frequencies[seg];
            for (; j < x; j++) { logRising += Math.Log(r + j); digammaDiff += 1.0 / (r + j); }
            for (; k < data.Pieces.Length && data.Pieces[k].Segment == seg; k++)
            {
                ll += layout.PieceSums[k * SumCount];
                gr += layout.PieceSums[k * SumCount + 1];
            }
            ll += data.SegmentWeight[seg] * logRising;
            gr += data.SegmentWeight[seg] * digammaDiff;
        }
        gradR = gr;
        return ll;
    }

    /// <summary>What a piece kernel reads and writes: the layout, r and the caller's per-customer columns.</summary>
    internal readonly record struct CustomerRows(Layout Layout, double R, double[] Alpha, double[] A, double[] B,
        double[] GradLogAlpha, double[] GradLogA, double[] GradLogB);

    /// <summary>
    /// The readable per-customer reference: eq. (6) and its gradient per row from <see cref="BgNbdFrequencyTerms"/> built for that
    /// customer's own parameters (the same per-x factors as the shared-parameter likelihood), in row order.
    /// </summary>
    public static double ReferenceValueAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> w,
        double r, double[] alpha, double[] a, double[] b, out double gradR, double[] gradLogAlpha, double[] gradLogA, double[] gradLogB)
    {
        double ll = 0, gr = 0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = new BgNbdParameters(r, alpha[i], a[i], b[i]);
            int xi = (int)x[i];
            var terms = BgNbdFrequencyTerms.Build(p, xi);
            double wi = w.Length == 0 ? 1 : w[i], rx = r + xi;
            double lp = Log1p(t[i] / alpha[i]), lq = Log1p(tx[i] / alpha[i]);
            double li = terms.A[0] - rx * lp;
            double dr = terms.DAdr[0] - lp;
            double dAlpha = -xi / alpha[i] - rx * (1 / (alpha[i] + t[i]) - 1 / alpha[i]);
            double da = terms.DAda[0], db = terms.DAdb[0];
            if (terms.HasDropoutTerm(xi))
            {
                double d = terms.LogRatio[0] + rx * (lp - lq);
                double s = Sigmoid(d);
                li += Softplus(d);
                dr += s * (lp - lq);
                dAlpha += s * rx * (1 / (alpha[i] + t[i]) - 1 / (alpha[i] + tx[i]));
                da += s / a[i];
                db -= s / terms.DropoutDenominator(b[i], xi);
            }
            ll += wi * li;
            gr += wi * dr;
            gradLogAlpha[i] = wi * alpha[i] * dAlpha;
            gradLogA[i] = wi * a[i] * da;
            gradLogB[i] = wi * b[i] * db;
        }
        gradR = gr;
        return ll;
    }
}
