using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using Clv.Models.Tests.Models.BgNbd;

namespace Clv.Models.Tests.Kernels;

/// <summary>
/// The per-customer BG/NBD kernel (product form of the beta ratio, at 512, 256 bits and one lane) against the readable per-row
/// reference (Σ log1p form through <see cref="BgNbdFrequencyTerms"/>), against the shared-parameter likelihood, and against
/// finite differences.
/// </summary>
public class BgNbdCustomerKernelTests
{
    public static TheoryData<VectorWidth> Widths => [VectorWidth.Vector512, VectorWidth.Vector256, VectorWidth.Scalar];

    private static void Close(double actual, double expected, double tolerance, string what) =>
        Assert.True(double.IsFinite(expected) && Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R} vs {expected:R}");

    private static void AssertAgree(BgNbdCustomerData data, double r, VectorWidth width, string what)
    {
        var reference = data.Reference(r);
        var kernel = data.Evaluate(data.Layout(), r, width);
        Close(kernel.Value, reference.Value, 1e-12, $"{what}: LL");
        Close(kernel.R, reference.R, 1e-11, $"{what}: d/dr");
        for (int i = 0; i < data.Count; i++)
        {
            Close(kernel.LogAlpha[i], reference.LogAlpha[i], 1e-11, $"{what}: row {i} d/dln α");
            Close(kernel.LogA[i], reference.LogA[i], 1e-11, $"{what}: row {i} d/dln a");
            Close(kernel.LogB[i], reference.LogB[i], 1e-11, $"{what}: row {i} d/dln b");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_from_0_to_256_agrees_with_the_reference(VectorWidth width)
    {
        var all = BgNbdCustomerData.Random(256, 51);
        for (int n = 0; n <= 256; n++)
        {
            var d = all.Take(n);
            var one = d with { X = Enumerable.Repeat(3.0, n).ToArray(), Tx = d.T.Select((t, i) => t * (i % 5) / 5.0).ToArray() };
            AssertAgree(one, 0.2426, width, $"x = 3, n = {n}");
            AssertAgree(d, 0.2426, width, $"mixed, n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Random_and_extreme_parameters_agree_with_the_reference(VectorWidth width)
    {
        var data = BgNbdCustomerData.Random(5_000, 52, maxX: 300);
        foreach (var (r, scale) in new[] { (0.2426, 1.0), (3.0, 0.01), (0.05, 100.0) })
        {
            var scaled = data with { Alpha = data.Alpha.Select(a => a * scale).ToArray(), A = data.A.Select(a => a / scale).ToArray() };
            AssertAgree(scaled, r, width, $"r = {r}, scale {scale}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tiny_and_huge_a_and_b_agree_with_the_reference(VectorWidth width)
    {
        // A covariate fit's line search tries a_i, b_i far outside the usual range (e^(γz) with |γz| in the hundreds); the product
        // (b+j)(a+b+j) then leaves the double range (below 1e-308 for a, b ~ 1e-155, above 1e308 for a, b ~ 1e155), and the
        // value must stay the reference's, never inf or NaN (a bootstrap replicate once "improved" its LL from −3062 to +4043 so).
        var data = BgNbdCustomerData.Random(600, 54, maxX: 40);
        foreach (double scale in new[] { 1e-156, 1e-200, 1e-300, 1e155, 1e200, 1e300 })
        {
            var scaled = data with { A = data.A.Select(a => a * scale).ToArray(), B = data.B.Select(b => b * scale).ToArray() };
            AssertAgree(scaled, 0.2426, width, $"a, b x {scale:G3}");
            var kernel = scaled.Evaluate(scaled.Layout(), 0.2426, width);
            Assert.True(double.IsFinite(kernel.Value), $"a, b x {scale:G3}: LL {kernel.Value}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Equal_per_customer_parameters_give_the_shared_parameter_likelihood(VectorWidth width)
    {
        var p = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        var d = BgNbdCustomerData.Random(3_000, 53);
        int n = d.Count;
        var data = d with { Alpha = Enumerable.Repeat(p.Alpha, n).ToArray(), A = Enumerable.Repeat(p.A, n).ToArray(), B = Enumerable.Repeat(p.B, n).ToArray() };
        var kernel = data.Evaluate(data.Layout(), p.R, width);
        var segments = FrequencySegments.Create(data.X, data.Tx, data.T, data.W);
        var g = new double[4];
        double shared = BgNbdLikelihood.ValueAndGradient(segments, p, g, new double[segments.Pieces.Length * BgNbdLikelihood.SumCount], 1, VectorWidth.Scalar);
        Close(kernel.Value, shared, 1e-12, "LL");
        Close(kernel.R, g[0], 1e-11, "d/dr");
        Close(kernel.LogAlpha.Sum() / p.Alpha, g[1], 1e-11, "d/dα");
        Close(kernel.LogA.Sum() / p.A, g[2], 1e-11, "d/da");
        Close(kernel.LogB.Sum() / p.B, g[3], 1e-11, "d/db");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Result_is_identical_for_one_and_two_threads(VectorWidth width)
    {
        var data = BgNbdCustomerData.Random(40_000, 54); // several pieces of 8192 rows
        var layout = data.Layout();
        var one = data.Evaluate(layout, 0.2426, width, 1);
        var two = data.Evaluate(layout, 0.2426, width, 2);
        Assert.Equal(one.Value, two.Value);
        Assert.Equal(one.R, two.R);
        Assert.Equal(one.LogAlpha, two.LogAlpha);
        Assert.Equal(one.LogB, two.LogB);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void Per_customer_derivatives_match_central_differences(double abScale)
    {
        // abScale multiplies every a_i and b_i: the extremes check the quotient forms against differences of the Σ log1p value.
        var raw = BgNbdCustomerData.Random(200, 55, maxX: 40);
        var data = raw with { A = raw.A.Select(v => v * abScale).ToArray(), B = raw.B.Select(v => v * abScale).ToArray() };
        const double r = 0.7;
        var k = data.Evaluate(data.Layout(), r, VectorWidth.Auto);
        double Ll(BgNbdCustomerData d, double rr) => d.Reference(rr).Value;
        const double h = 1e-5;
        double fdR = (Ll(data, r + h) - Ll(data, r - h)) / (2 * h);
        Close(k.R, fdR, 1e-6, "d/dr");
        for (int i = 0; i < data.Count; i += 7)
        {
            // d/d ln θ_i by a central difference in ln θ_i of customer i only.
            double Shift(Func<BgNbdCustomerData, double[]> column, double factor)
            {
                var copy = data with { Alpha = (double[])data.Alpha.Clone(), A = (double[])data.A.Clone(), B = (double[])data.B.Clone() };
                column(copy)[i] *= factor;
                return Ll(copy, r);
            }
            double Fd(Func<BgNbdCustomerData, double[]> column) => (Shift(column, Math.Exp(h)) - Shift(column, Math.Exp(-h))) / (2 * h);
            Close(k.LogAlpha[i], Fd(d => d.Alpha), 1e-6, $"row {i} d/dln α");
            Close(k.LogA[i], Fd(d => d.A), 1e-6, $"row {i} d/dln a");
            Close(k.LogB[i], Fd(d => d.B), 1e-6, $"row {i} d/dln b");
        }
    }
}
