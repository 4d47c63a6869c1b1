using Clv.Models.MbgNbd;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics;

namespace Clv.Models.Tests.Models.MbgNbd;

/// <summary>
/// MBG/NBD predictions by independent routes: DET against E[Y(s)] (integration by parts), the new-customer formulas against each
/// other, the simulator against the closed forms. (Each formula against 50-digit mpmath values: <see cref="MbgNbdReferenceTests"/>.)
/// </summary>
public class MbgNbdPredictionsTests
{
    private static readonly MbgNbdParameters Cdnow = new(0.5248, 6.1830, 0.8914, 1.6140);

    /// <summary>(x, t_x, T): a zero-repeat customer, the paper's example, a frequent one, one seen long ago.</summary>
    private static readonly (double X, double Tx, double T)[] Customers = [(0, 0, 38.86), (2, 30.43, 38.86), (15, 38.5, 38.86), (3, 2, 50)];

    private static double Det(in MbgNbdParameters p, double delta, double horizon, (double X, double Tx, double T) c)
    {
        var result = new double[1];
        p.DiscountedExpectedTransactions(delta, horizon, [c.X], [c.Tx], [c.T], result);
        return result[0];
    }

    [Fact]
    public void Undiscounted_det_is_the_conditional_expectation()
    {
        foreach (var c in Customers)
            foreach (double h in new[] { 1.0, 39, 520 })
            {
                double ey = MbgNbdPredictions.ExpectedPurchases(Cdnow, h, c.X, c.Tx, c.T);
                Assert.Equal(ey, Det(Cdnow, 0, h, c), 1e-9 * ey);
            }
    }

    [Fact]
    public void Undiscounted_infinite_det_is_the_mean_of_one_over_p_times_p_alive()
    {
        // Given alive, p ~ Beta(a, b+x+1), so E[number of future purchases] = E[1/p] = (a+b+x)/(a-1) for a > 1; infinite for a <= 1.
        var p = Cdnow with { A = 2.5 };
        foreach (var c in Customers)
        {
            double expected = (p.A + p.B + c.X) / (p.A - 1) * MbgNbdPredictions.ProbabilityAlive(p, c.X, c.Tx, c.T);
            Assert.Equal(expected, Det(p, 0, double.PositiveInfinity, c), 1e-9 * expected);
            Assert.Equal(double.PositiveInfinity, Det(Cdnow, 0, double.PositiveInfinity, c));
        }
    }

    [Fact]
    public void Discounted_det_equals_the_discounted_increments_of_the_expected_purchases()
    {
        // DET(δ, H) = ∫_0^H e^(-δs) dE[Y(s)] = e^(-δH) E[Y(H)] + δ ∫_0^H e^(-δs) E[Y(s)] ds (integration by parts), by Gauss-Legendre
        // panels over E[Y(s)] — a route through FHL eq. (10) only, independent of the DET formula's Laplace-transform evaluation.
        double delta = Math.Log(1.15) / 52;
        double[] edges = [0, 10, 100, 1000, 10000, 40000];
        foreach (var c in Customers)
        {
            double EY(double s) => MbgNbdPredictions.ExpectedPurchases(Cdnow, s, c.X, c.Tx, c.T);
            double Integral(double h)
            {
                double sum = 0;
                for (int k = 0; k + 1 < edges.Length && edges[k] < h; k++)
                    sum += Integrate.GaussLegendre(s => Math.Exp(-delta * s) * EY(s), edges[k], Math.Min(h, edges[k + 1]), 128);
                return sum;
            }
            foreach (double h in new[] { 52.0, 520 })
            {
                double expected = Math.Exp(-delta * h) * EY(h) + delta * Integral(h);
                Assert.Equal(expected, Det(Cdnow, delta, h, c), 1e-8 * expected);
            }
            double infinite = delta * Integral(double.PositiveInfinity);
            Assert.Equal(infinite, Det(Cdnow, delta, double.PositiveInfinity, c), 1e-7 * infinite);
        }
    }

    private static Gen<double> LogUniform(double lo, double hi) => Gen.Choose(0, 1_000_000).Select(k => lo * Math.Pow(hi / lo, k / 1e6));

    [Property(MaxTest = 300)]
    public Property Predictions_are_finite_and_ordered_on_extreme_inputs()
        => Prop.ForAll(Arb.From(
            from r in LogUniform(0.01, 1000)
            from alpha in LogUniform(0.01, 1000)
            from a in LogUniform(0.01, 1000)
            from b in LogUniform(0.01, 1000)
            from x in Gen.Choose(0, 1000)
            from T in LogUniform(0.01, 2000)
            from f in Gen.Choose(0, 1000)
            from t1 in LogUniform(0.01, 200)
            from t2 in LogUniform(0.01, 200)
            select (new MbgNbdParameters(r, alpha, a, b), (double)x, x == 0 ? 0 : T * f / 1000.0, T, Math.Min(t1, t2), Math.Max(t1, t2))), v =>
        {
            var (p, x, tx, T, lo, hi) = v;
            double pa = MbgNbdPredictions.ProbabilityAlive(p, x, tx, T);
            double e1 = MbgNbdPredictions.ExpectedPurchases(p, lo, x, tx, T), e2 = MbgNbdPredictions.ExpectedPurchases(p, hi, x, tx, T);
            double ll = MbgNbdLikelihood.LogLikelihood(p, x, tx, T);
            // Non-decreasing in the horizon up to the evaluation accuracy (E[Y] saturates at E[1/p]·P(alive) for large horizons);
            // ln L is finite (not necessarily negative: L is a density in the purchase times).
            return pa is >= 0 and <= 1 && double.IsFinite(e1) && e1 >= 0 && e2 >= e1 * (1 - 1e-11) && double.IsFinite(ll);
        });

    [Fact]
    public void Zero_repeat_customers_may_be_dead_unlike_bg_nbd()
    {
        double pa = MbgNbdPredictions.ProbabilityAlive(Cdnow, 0, 0, 38.86);
        // 1 / (1 + a/b (1 + T/α)^r)
        Assert.Equal(1 / (1 + Cdnow.A / Cdnow.B * Math.Pow(1 + 38.86 / Cdnow.Alpha, Cdnow.R)), pa, 1e-14);
        Assert.True(pa < 0.5);
        Assert.Equal(Cdnow.B / (Cdnow.A + Cdnow.B), MbgNbdPredictions.ProbabilityAlive(Cdnow, 0, 0, 0), 1e-15);
    }

    [Fact]
    public void Probabilities_of_n_purchases_sum_to_one_and_their_mean_is_the_expected_count()
    {
        foreach (var p in new[] { Cdnow, new MbgNbdParameters(2, 5, 0.3, 0.05), new MbgNbdParameters(0.05, 3, 30, 2) })
            foreach (double t in new[] { 0.5, 39, 104 })
            {
                double sum = 0, mean = 0;
                for (int n = 0; n <= 2000; n++)
                {
                    double pn = MbgNbdPredictions.ProbabilityOfPurchases(p, n, t);
                    Assert.True(pn >= 0 && double.IsFinite(pn));
                    sum += pn;
                    mean += n * pn;
                }
                Assert.Equal(1.0, sum, 1e-10);
                double ex = MbgNbdPredictions.ExpectedPurchasesNewCustomer(p, t);
                Assert.Equal(ex, mean, 1e-8 * ex);
            }
    }

    [Fact]
    public void Simulated_customers_follow_the_closed_forms()
    {
        // 60,000 customers observed 39 weeks: the share with no repeat purchase is P(X(39) = 0), the mean count E[X(39)]; 4 standard errors.
        const int n = 60_000;
        var sim = MbgNbdSimulator.Simulate(Cdnow, Enumerable.Repeat(39.0, n).ToArray(), seed: 3);
        double p0 = MbgNbdPredictions.ProbabilityOfPurchases(Cdnow, 0, 39);
        double zeroShare = sim.Frequency.Count(v => v == 0) / (double)n;
        Assert.InRange(zeroShare, p0 - 4 * Math.Sqrt(p0 * (1 - p0) / n), p0 + 4 * Math.Sqrt(p0 * (1 - p0) / n));
        double mean = sim.Frequency.Average(), sd = Math.Sqrt(sim.Frequency.Select(v => (v - mean) * (v - mean)).Sum() / (n - 1));
        double ex = MbgNbdPredictions.ExpectedPurchasesNewCustomer(Cdnow, 39);
        Assert.InRange(mean, ex - 4 * sd / Math.Sqrt(n), ex + 4 * sd / Math.Sqrt(n));
        // The BG/NBD share with no repeat purchase is smaller: MBG/NBD adds the customers who die at time 0.
        var bg = new Clv.Models.BgNbd.BgNbdParameters(Cdnow.R, Cdnow.Alpha, Cdnow.A, Cdnow.B);
        Assert.True(p0 > bg.ProbabilityOfPurchases(0, 39));
    }

    [Fact]
    public void Purchase_times_are_the_simulated_customers_draws()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var (x, tx) = MbgNbdSimulator.SimulateCustomer(Cdnow, 39, new Random(seed));
            var times = new List<double>();
            ((IPurchaseModel)Cdnow).SimulatePurchaseTimes(39, new Random(seed), times);
            Assert.Equal(x, times.Count);
            Assert.Equal(tx, times.Count == 0 ? 0 : times[^1]);
            Assert.True(times.SequenceEqual(times.Order()) && times.All(v => v > 0 && v <= 39));
        }
    }

    [Fact]
    public void Span_overloads_match_the_scalar_forms_and_check_lengths()
    {
        double[] x = [0, 1, 2, 7, 30], tx = [0, 5, 30.43, 35, 38], T = [38.86, 38.86, 38.86, 38.86, 38.86];
        var pa = new double[5];
        var ey = new double[5];
        IPurchaseModel model = Cdnow;
        model.ProbabilityAlive(x, tx, T, pa);
        model.ExpectedPurchases(39, x, tx, T, ey);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(MbgNbdPredictions.ProbabilityAlive(Cdnow, x[i], tx[i], T[i]), pa[i]);
            Assert.Equal(MbgNbdPredictions.ExpectedPurchases(Cdnow, 39, x[i], tx[i], T[i]), ey[i]);
        }
        Assert.Throws<ArgumentException>(() => model.ProbabilityAlive(x, tx.AsSpan(1), T, pa));
        Assert.Throws<ArgumentException>(() => model.ExpectedPurchases(39, x, tx, T, new double[6]));
        Assert.Throws<ArgumentException>(() => model.LogLikelihoods(x, tx, T, new double[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.DiscountedExpectedTransactions(-0.1, 52, x, tx, T, pa));
        Assert.Throws<ArgumentOutOfRangeException>(() => (Cdnow with { B = -1 }).DiscountedExpectedTransactions(0.01, 52, x, tx, T, pa));
    }
}
