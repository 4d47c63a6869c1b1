using Clv.Models.Kernels;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Kernels;

/// <summary>
/// The inlined vector log/exp against <see cref="Math.Log(double)"/>/<see cref="Math.Exp"/>, at every width (a width the
/// machine does not accelerate runs in the BCL's software fallback, so these always run).
/// </summary>
public class VectorMathTests(ITestOutputHelper output)
{
    /// <summary>Distance in units in the last place between two finite doubles of the same sign.</summary>
    internal static long Ulps(double a, double b)
    {
        if (a == b) return 0;
        long ia = BitConverter.DoubleToInt64Bits(a), ib = BitConverter.DoubleToInt64Bits(b);
        if ((ia < 0) != (ib < 0)) return long.MaxValue;
        return Math.Abs(ia - ib);
    }

    private static double[] LogInputs()
    {
        var rng = new Random(7);
        var list = new List<double> { double.Epsilon * 0 + 2.2250738585072014e-308, 1e-300, 0.5, 1, Math.BitDecrement(1), Math.BitIncrement(1), Math.Sqrt(2),
            Math.BitIncrement(Math.Sqrt(2)), Math.BitDecrement(Math.Sqrt(0.5)), 2, 1e300, double.MaxValue };
        for (int i = 0; i < 40_000; i++) list.Add(Math.Exp(rng.NextDouble() * 1400 - 700));        // every binade
        for (int i = 0; i < 20_000; i++) list.Add(1 + (rng.NextDouble() - 0.5) * 1e-3);             // near 1
        for (int i = 0; i < 20_000; i++) list.Add(0.5 + 200 * rng.NextDouble());                     // the kernels' range
        return [.. list];
    }

    private static double[] ExpInputs()
    {
        var rng = new Random(8);
        var list = new List<double> { 0, -0.0, 1e-300, -1e-300, 1e-17, -708.39, -708.4, -720, -745, -745.2, -800, -1e6, 709.7, 709.78, 709.8, 800, Math.Log(2) / 2, -Math.Log(2) / 2 };
        for (int i = 0; i < 40_000; i++) list.Add(rng.NextDouble() * 1450 - 740);
        for (int i = 0; i < 20_000; i++) list.Add(-40 * rng.NextDouble());
        for (int i = 0; i < 20_000; i++) list.Add((rng.NextDouble() - 0.5) * 1e-6);
        return [.. list];
    }

    private static double[] Apply<TV>(double[] input, Func<TV, TV> f) where TV : struct, ISimdDouble<TV>
    {
        int n = input.Length / TV.Count * TV.Count;
        var result = new double[n];
        for (int i = 0; i < n; i += TV.Count) TV.Store(f(TV.Load(input, i)), result, i);
        return result;
    }

    public static TheoryData<int> Widths => [256, 512];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Log_is_within_2_ulp_of_Math_Log(int width)
    {
        var input = LogInputs();
        var got = width == 512 ? Apply<V512>(input, VectorMath.Log) : Apply<V256>(input, VectorMath.Log);
        long worst = 0;
        for (int i = 0; i < got.Length; i++)
        {
            double expected = Math.Log(input[i]);
            // Near x = 1 the result is tiny; measure the error relative to the result's own ulp, with an absolute floor of ulp(1e-16).
            long u = Math.Abs(expected) < 1e-300 ? 0 : Ulps(got[i], expected);
            if (Math.Abs(got[i] - expected) <= 1e-300) u = 0;
            worst = Math.Max(worst, u);
            Assert.True(u <= 2, $"ln({input[i]:R}) = {got[i]:R}, Math.Log {expected:R}, {u} ulp");
        }
        output.WriteLine($"width {width}: worst {worst} ulp over {got.Length} inputs");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Exp_is_within_2_ulp_of_Math_Exp_and_saturates_correctly(int width)
    {
        var input = ExpInputs();
        var got = width == 512 ? Apply<V512>(input, VectorMath.Exp) : Apply<V256>(input, VectorMath.Exp);
        long worst = 0;
        for (int i = 0; i < got.Length; i++)
        {
            double expected = Math.Exp(input[i]);
            if (expected == 0 || double.IsPositiveInfinity(expected) || expected < 2.2250738585072014e-308)
            {
                // Overflow and underflow: +inf, and within one subnormal step of the true value.
                Assert.True(expected == got[i] || Math.Abs(expected - got[i]) <= 2 * double.Epsilon, $"exp({input[i]:R}) = {got[i]:R}, Math.Exp {expected:R}");
                continue;
            }
            long u = Ulps(got[i], expected);
            worst = Math.Max(worst, u);
            Assert.True(u <= 2, $"exp({input[i]:R}) = {got[i]:R}, Math.Exp {expected:R}, {u} ulp");
        }
        output.WriteLine($"width {width}: worst {worst} ulp over {got.Length} inputs");
    }

    [Fact]
    public void Frexp_and_power_of_two_agree_across_widths()
    {
        double[] v = [1, 1.5, 2, 3, 0.75, 1e-300, 1e300, 6.0221e23];
        foreach (double x in v)
        {
            double m = Scalar.Frexp(new Scalar(x), out var e).Value;
            Assert.InRange(m, 1, Math.BitDecrement(2));
            Assert.Equal(x, m * Math.Pow(2, e.Value));
        }
        for (int n = -1022; n <= 1023; n++) Assert.Equal(Math.Pow(2, n), Scalar.PowerOfTwo(new Scalar(n)).Value);
    }
}
