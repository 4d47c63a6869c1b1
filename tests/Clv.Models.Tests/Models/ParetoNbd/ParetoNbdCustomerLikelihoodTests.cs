using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Models.ParetoNbd;

/// <summary>
/// The per-customer-rate Pareto/NBD likelihood (the covariate model's kernel) against the shared-parameter likelihood, the
/// scalar per-customer reference <see cref="ParetoNbdLikelihood.LogLikelihood(in ParetoNbdParameters, double, double, double)"/>,
/// central finite differences, and 50-digit mpmath values (TestData/reference/paretonbd_customer_reference.py).
/// </summary>
public class ParetoNbdCustomerLikelihoodTests
{
    public static TheoryData<VectorWidth> AllWidths => [VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512];

    private static bool Close(double a, double b, double rel) => Math.Abs(a - b) <= rel * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Shared_rates_equal_the_shared_parameter_likelihood(VectorWidth width)
    {
        var data = CustomerRatesData.Random(3_000, 11);
        var layout = data.Layout();
        ParetoNbdParameters[] points =
        [
            new(0.5533, 10.578, 0.6062, 11.667), new(0.5533, 11.667, 0.6062, 10.578), new(0.8, 5, 1.3, 5),
            new(2, 30, 1, 3), new(0.05, 900, 30, 0.02),
        ];
        foreach (var p in points)
        {
            var d = data.WithSharedRates(p.Alpha, p.Beta);
            var (v, shared, ga, gb) = d.Evaluate(layout, p.R, p.S, width);
            var g = new double[4];
            var segments = FrequencySegments.Create(d.X, d.Tx, d.T, d.W);
            double expected = ParetoNbdLikelihood.ValueAndGradient(segments, p, g, new double[segments.Pieces.Length * ParetoNbdLikelihood.SumCount], 1, VectorWidth.Scalar);
            Assert.True(Close(v, expected, 1e-10), $"{p}: LL {v:R} vs {expected:R}");
            Assert.True(Close(shared[0], g[0], 1e-10), $"{p}: d/dr {shared[0]:R} vs {g[0]:R}");
            Assert.True(Close(shared[1], g[2], 1e-10), $"{p}: d/ds {shared[1]:R} vs {g[2]:R}");
            Assert.True(Close(ga.Sum(), p.Alpha * g[1], 1e-10), $"{p}: Σ d/dln α {ga.Sum():R} vs {p.Alpha * g[1]:R}");
            Assert.True(Close(gb.Sum(), p.Beta * g[3], 1e-10), $"{p}: Σ d/dln β {gb.Sum():R} vs {p.Beta * g[3]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Value_equals_the_sum_of_per_customer_reference_log_likelihoods(VectorWidth width)
    {
        var data = CustomerRatesData.Random(2_000, 12);
        double r = 0.5533, s = 0.6062;
        double expected = 0;
        for (int i = 0; i < data.Count; i++)
            expected += data.W[i] * ParetoNbdLikelihood.LogLikelihood(new ParetoNbdParameters(r, data.Alpha[i], s, data.Beta[i]), data.X[i], data.Tx[i], data.T[i]);
        double v = data.Evaluate(data.Layout(), r, s, width).Value;
        Assert.True(Close(v, expected, 1e-11), $"LL {v:R} vs {expected:R}");
    }

    [Fact]
    public void Per_customer_gradients_equal_central_finite_differences_of_the_reference()
    {
        // Each customer's w·∂ℓ/∂ln α_i and w·∂ℓ/∂ln β_i against central differences of the scalar reference ln L in ln α_i, ln β_i.
        var data = CustomerRatesData.Random(300, 13);
        double r = 0.7, s = 1.4;
        var (_, _, ga, gb) = data.Evaluate(data.Layout(), r, s);
        const double h = 1e-5;
        for (int i = 0; i < data.Count; i++)
        {
            double Ll(double la, double lb) => data.W[i] * ParetoNbdLikelihood.LogLikelihood(new ParetoNbdParameters(r, Math.Exp(la), s, Math.Exp(lb)), data.X[i], data.Tx[i], data.T[i]);
            double la0 = Math.Log(data.Alpha[i]), lb0 = Math.Log(data.Beta[i]);
            double fa = (Ll(la0 + h, lb0) - Ll(la0 - h, lb0)) / (2 * h);
            double fb = (Ll(la0, lb0 + h) - Ll(la0, lb0 - h)) / (2 * h);
            Assert.True(Math.Abs(ga[i] - fa) <= 1e-6 * (Math.Abs(fa) + 1e-3), $"row {i}: d/dln α {ga[i]:R} vs {fa:R}");
            Assert.True(Math.Abs(gb[i] - fb) <= 1e-6 * (Math.Abs(fb) + 1e-3), $"row {i}: d/dln β {gb[i]:R} vs {fb:R}");
        }
    }

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Shape_gradients_equal_central_finite_differences(VectorWidth width)
    {
        var data = CustomerRatesData.Random(400, 14);
        var layout = data.Layout();
        double r = 0.9, s = 0.45;
        var shared = data.Evaluate(layout, r, s, width).Shared;
        double hr = 1e-6 * r, hs = 1e-6 * s;
        double fr = (data.Evaluate(layout, r + hr, s, width).Value - data.Evaluate(layout, r - hr, s, width).Value) / (2 * hr);
        double fs = (data.Evaluate(layout, r, s + hs, width).Value - data.Evaluate(layout, r, s - hs, width).Value) / (2 * hs);
        Assert.Equal(fr, shared[0], 1e-6 * (Math.Abs(fr) + 1));
        Assert.Equal(fs, shared[1], 1e-6 * (Math.Abs(fs) + 1));
    }

    [Fact]
    public void Per_customer_gradients_are_in_the_callers_order()
    {
        // Reversing the rows reverses the per-customer gradients and leaves the value unchanged (up to summation order).
        var data = CustomerRatesData.Random(500, 15);
        var rev = new CustomerRatesData([.. data.X.Reverse()], [.. data.Tx.Reverse()], [.. data.T.Reverse()], [.. data.W.Reverse()], [.. data.Alpha.Reverse()], [.. data.Beta.Reverse()]);
        var a = data.Evaluate(data.Layout(), 0.6, 0.8);
        var b = rev.Evaluate(rev.Layout(), 0.6, 0.8);
        Assert.Equal(a.Value, b.Value, 1e-9 * Math.Abs(a.Value));
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(a.LogAlpha[i], b.LogAlpha[data.Count - 1 - i], 1e-13 * (1 + Math.Abs(a.LogAlpha[i])));
            Assert.Equal(a.LogBeta[i], b.LogBeta[data.Count - 1 - i], 1e-13 * (1 + Math.Abs(a.LogBeta[i])));
        }
    }

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Each_customer_matches_the_50_digit_reference(VectorWidth width)
    {
        // paretonbd_customer_reference.py: ln L and its gradient by closed form and by quadrature under the integral sign, 50 digits.
        var reference = ParetoNbdCustomerReference.Load();
        for (int i = 0; i < reference.Count; i++)
        {
            var one = reference.Take(i, i + 1);
            var (v, shared, ga, gb) = one.Data.Evaluate(one.Data.Layout(), one.R, one.S, width);
            string row = $"row {i + 2} ({one.Data.Alpha[0]:R}, {one.Data.Beta[0]:R}, x {one.Data.X[0]}, t_x {one.Data.Tx[0]}, T {one.Data.T[0]})";
            Assert.True(Close(v, reference.Ll[i], 1e-12), $"{row}: ln L {v:R} vs {reference.Ll[i]:R}");
            Assert.True(Close(shared[0], reference.DR[i], 1e-10), $"{row}: d/dr {shared[0]:R} vs {reference.DR[i]:R}");
            Assert.True(Close(shared[1], reference.DS[i], 1e-10), $"{row}: d/ds {shared[1]:R} vs {reference.DS[i]:R}");
            Assert.True(Close(ga[0], reference.DLogAlpha[i], 1e-10), $"{row}: d/dln α {ga[0]:R} vs {reference.DLogAlpha[i]:R}");
            Assert.True(Close(gb[0], reference.DLogBeta[i], 1e-10), $"{row}: d/dln β {gb[0]:R} vs {reference.DLogBeta[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Each_group_evaluated_as_one_data_set_matches_the_50_digit_reference(VectorWidth width)
    {
        // All rows of a group (shared r, s; each its own α_i, β_i, several in one SIMD group) in one call: the value and shape
        // gradients are the reference sums, the per-customer gradients the reference rows.
        var reference = ParetoNbdCustomerReference.Load();
        foreach (var (start, end) in reference.Groups())
        {
            var g = reference.Take(start, end);
            var (v, shared, ga, gb) = g.Data.Evaluate(g.Data.Layout(), g.R, g.S, width);
            Assert.True(Close(v, reference.Ll[start..end].Sum(), 1e-12), $"group at row {start + 2}: ln L {v:R}");
            Assert.True(Close(shared[0], reference.DR[start..end].Sum(), 1e-10), $"group at row {start + 2}: d/dr {shared[0]:R}");
            Assert.True(Close(shared[1], reference.DS[start..end].Sum(), 1e-10), $"group at row {start + 2}: d/ds {shared[1]:R}");
            for (int i = start; i < end; i++)
            {
                Assert.True(Close(ga[i - start], reference.DLogAlpha[i], 1e-10), $"row {i + 2}: d/dln α {ga[i - start]:R} vs {reference.DLogAlpha[i]:R}");
                Assert.True(Close(gb[i - start], reference.DLogBeta[i], 1e-10), $"row {i + 2}: d/dln β {gb[i - start]:R} vs {reference.DLogBeta[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Extreme_rates_give_the_reference_value(VectorWidth width)
    {
        // A covariate line search may try α_i or β_i anywhere in [1e-300, 1e300] (CovariateDesign.InKernelRange): the value must
        // stay finite and equal the scalar reference's sum there.
        var data = CustomerRatesData.Random(400, 16, unitWeights: true);
        foreach (var (sa, sb) in new[] { (1e-150, 1.0), (1e150, 1.0), (1.0, 1e-150), (1.0, 1e150), (1e-280, 1e-280), (1e280, 1e280), (1e-200, 1e200) })
        {
            var d = data with { Alpha = data.Alpha.Select(v => v * sa).ToArray(), Beta = data.Beta.Select(v => v * sb).ToArray() };
            double expected = 0;
            for (int i = 0; i < d.Count; i++)
                expected += ParetoNbdLikelihood.LogLikelihood(new ParetoNbdParameters(0.5533, d.Alpha[i], 0.6062, d.Beta[i]), d.X[i], d.Tx[i], d.T[i]);
            double v = d.Evaluate(d.Layout(), 0.5533, 0.6062, width).Value;
            Assert.True(double.IsFinite(expected) && Close(v, expected, 1e-10), $"α x {sa:G3}, β x {sb:G3}: LL {v:R} vs reference {expected:R}");
        }
    }

    [Fact]
    public void Layout_rejects_bad_rows_naming_the_row()
    {
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => CustomerSegments.Create([0, 1.5], [0, 1], [2, 2], [])).Message);
        Assert.Contains("row 0", Assert.Throws<ArgumentException>(() => CustomerSegments.Create([1], [3], [2], [])).Message);
        Assert.Contains("row 0", Assert.Throws<ArgumentException>(() => CustomerSegments.Create([1], [1], [2], [-1])).Message);
        Assert.Throws<ArgumentException>(() => CustomerSegments.Create([1, 2], [1], [2, 2], []));
        var layout = CustomerSegments.Create([1, 0], [1, 0], [2, 2], []);
        Assert.Throws<ArgumentException>(() => ParetoNbdCustomerLikelihood.ValueAndGradient(layout, 1, 1, [1], [1, 1], new double[2], new double[2], new double[2], 1));
    }
}
