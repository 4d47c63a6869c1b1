using Clv.Models.Kernels;
using Clv.Models.Tests.Models.ParetoNbd;

namespace Clv.Models.Tests.Kernels;

/// <summary>The per-customer-rate Pareto/NBD vector kernel at 512 and 256 bits against the scalar reference.</summary>
public class ParetoNbdCustomerKernelTests
{
    public static TheoryData<VectorWidth> Widths => [VectorWidth.Vector512, VectorWidth.Vector256];

    private static void AssertAgree(CustomerRatesData data, double r, double s, VectorWidth width, string what)
    {
        var layout = data.Layout();
        var reference = data.Evaluate(layout, r, s, VectorWidth.Scalar);
        var vector = data.Evaluate(layout, r, s, width);
        Assert.True(Math.Abs(vector.Value - reference.Value) <= 1e-12 * Math.Max(1, Math.Abs(reference.Value)), $"{what}: LL {vector.Value:R} vs {reference.Value:R}");
        for (int k = 0; k < 2; k++)
            Assert.True(Math.Abs(vector.Shared[k] - reference.Shared[k]) <= 1e-10 * Math.Max(1, Math.Abs(reference.Shared[k])), $"{what}: shared[{k}] {vector.Shared[k]:R} vs {reference.Shared[k]:R}");
        for (int i = 0; i < data.Count; i++)
        {
            Assert.True(Math.Abs(vector.LogAlpha[i] - reference.LogAlpha[i]) <= 1e-10 * Math.Max(1, Math.Abs(reference.LogAlpha[i])), $"{what}: row {i} d/dln α {vector.LogAlpha[i]:R} vs {reference.LogAlpha[i]:R}");
            Assert.True(Math.Abs(vector.LogBeta[i] - reference.LogBeta[i]) <= 1e-10 * Math.Max(1, Math.Abs(reference.LogBeta[i])), $"{what}: row {i} d/dln β {vector.LogBeta[i]:R} vs {reference.LogBeta[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_from_0_to_256_agrees_with_the_scalar_reference(VectorWidth width)
    {
        var all = CustomerRatesData.Random(256, 41);
        for (int n = 0; n <= 256; n++)
        {
            var d = all.Take(n);
            // One segment (x = 2, series lanes of both orientations) and the mixed frequencies as drawn.
            var one = d with { X = Enumerable.Repeat(2.0, n).ToArray(), Tx = d.T.Select((t, i) => t * (i % 5) / 5.0).ToArray() };
            AssertAgree(one, 0.5533, 0.6062, width, $"x = 2, n = {n}");
            AssertAgree(d, 0.5533, 0.6062, width, $"mixed, n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Random_and_extreme_rates_agree_with_the_scalar_reference(VectorWidth width)
    {
        var data = CustomerRatesData.Random(5_000, 42, maxX: 300);
        foreach (var (r, s, scale) in new[] { (0.5533, 0.6062, 1.0), (2.0, 1.0, 0.01), (0.05, 30.0, 100.0), (8.0, 0.1, 1.0) })
            AssertAgree(data with { Alpha = data.Alpha.Select(a => a * scale).ToArray() }, r, s, width, $"r = {r}, s = {s}, α×{scale}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Lanes_with_different_orientations_in_one_group_agree_with_the_scalar_reference(VectorWidth width)
    {
        // Alternating α_i > β_i and β_i > α_i (and α_i = β_i) inside every group, at one frequency.
        int n = 64;
        var x = Enumerable.Repeat(3.0, n).ToArray();
        var t = Enumerable.Range(0, n).Select(i => 10.0 + i).ToArray();
        var tx = t.Select((v, i) => v * (i % 4) / 4.0).ToArray();
        var a = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 20.0 : i % 3 == 1 ? 5.0 : 9.0).ToArray();
        var b = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 5.0 : i % 3 == 1 ? 20.0 : 9.0).ToArray();
        AssertAgree(new CustomerRatesData(x, tx, t, Enumerable.Repeat(1.0, n).ToArray(), a, b), 0.8, 1.7, width, "alternating");
    }

    public static TheoryData<VectorWidth> AllWidths => [VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512];

    [Theory]
    [MemberData(nameof(AllWidths))]
    public void Result_is_identical_for_one_and_two_threads(VectorWidth width)
    {
        var data = CustomerRatesData.Random(40_000, 43);
        var layout = data.Layout();
        var one = data.Evaluate(layout, 0.5533, 0.6062, width, threads: 1);
        var two = data.Evaluate(layout, 0.5533, 0.6062, width, threads: 2);
        Assert.Equal(one.Value, two.Value);
        Assert.Equal(one.Shared, two.Shared);
        Assert.Equal(one.LogAlpha, two.LogAlpha);
        Assert.Equal(one.LogBeta, two.LogBeta);
    }
}
