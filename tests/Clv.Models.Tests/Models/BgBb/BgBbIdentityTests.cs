using Clv.Models.BgBb;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Clv.Models.Tests.Models.BgBb;

/// <summary>Identities between the predictions that hold for any parameters (independent of the mpmath grid).</summary>
public class BgBbIdentityTests
{
    private static Gen<BgBbParameters> Parameters =>
        from la in Gen.Choose(-200, 300)
        from lb in Gen.Choose(-200, 300)
        from lg in Gen.Choose(-200, 300)
        from ld in Gen.Choose(-200, 300)
        select new BgBbParameters(Math.Pow(10, la / 100.0), Math.Pow(10, lb / 100.0), Math.Pow(10, lg / 100.0), Math.Pow(10, ld / 100.0));

    [Property(MaxTest = 100)]
    public Property Likelihoods_of_all_histories_sum_to_one_and_predictions_are_consistent()
    {
        var gen = from p in Parameters from n in Gen.Choose(0, 12) select (p, n);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (p, n) = t;
            // Σ over every (x, t_x) of L times the number of histories with that pattern, C(t_x − 1, x − 1), is 1; and
            // averaging the conditional predictions over that distribution gives the unconditional ones.
            double total = 0, alive = 0, nextThree = 0;
            for (int tx = 0; tx <= n; tx++)
                for (int x = tx == 0 ? 0 : 1; x <= tx; x++)
                {
                    double histories = tx == 0 ? 1 : Binomial(tx - 1, x - 1);
                    double l = histories * Math.Exp(BgBbLikelihood.LogLikelihood(p, x, tx, n));
                    total += l;
                    alive += l * BgBbPredictions.ProbabilityAlive(p, 1, x, tx, n);
                    nextThree += l * BgBbPredictions.ExpectedTransactions(p, 3, x, tx, n);
                }
            double pAliveUnconditional = 1; // E[(1−θ)^(n+1)] = Π_{j≤n} (δ+j)/(γ+δ+j)
            for (int j = 0; j <= n; j++) pAliveUnconditional *= (p.Delta + j) / (p.Gamma + p.Delta + j);
            double expectedUnconditional = BgBbPredictions.ExpectedTransactionsNewCustomer(p, n + 3) - BgBbPredictions.ExpectedTransactionsNewCustomer(p, n);
            double pmf = 0;
            for (int x = 0; x <= n; x++) pmf += BgBbPredictions.ProbabilityOfTransactions(p, x, n);
            return (Math.Abs(total - 1) < 1e-12 && Math.Abs(pmf - 1) < 1e-12
                    && Math.Abs(alive - pAliveUnconditional) <= 1e-12 * Math.Max(pAliveUnconditional, 1e-3)
                    && Math.Abs(nextThree - expectedUnconditional) <= 1e-11 * Math.Max(expectedUnconditional, 1e-3))
                .Label($"{p}, n = {n}: ΣL = {total}, ΣP(X=x) = {pmf}, alive {alive} vs {pAliveUnconditional}, E {nextThree} vs {expectedUnconditional}");
        });
    }

    [Property(MaxTest = 100)]
    public Property Alive_falls_with_m_and_expected_transactions_grow_with_the_horizon()
    {
        var gen = from p in Parameters from n in Gen.Choose(1, 40) from tx in Gen.Choose(0, 40) from xr in Gen.Choose(0, 100) select (p, n, Math.Min(tx, n), xr);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (p, n, tx, xr) = t;
            int x = tx == 0 ? 0 : 1 + xr * (tx - 1) / 100;
            double a0 = BgBbPredictions.ProbabilityAlive(p, 0, x, tx, n), a1 = BgBbPredictions.ProbabilityAlive(p, 1, x, tx, n);
            double e1 = BgBbPredictions.ExpectedTransactions(p, 1, x, tx, n), e10 = BgBbPredictions.ExpectedTransactions(p, 10, x, tx, n);
            double dert = BgBbPredictions.DiscountedExpectedResidualTransactions(p, 0.1, x, tx, n);
            // One opportunity ahead: P(alive in n+1) · E[p | alive] = E[X(n, n+1)].
            double e1Direct = a1 * (p.Alpha + x) / (p.Alpha + p.Beta + n);
            return (a0 <= 1 + 1e-15 && a1 <= a0 && e1 <= e10 && e10 <= 10 * a1 && e1 / 1.1 <= dert * (1 + 1e-14)
                    && Math.Abs(e1 - e1Direct) <= 1e-13 * Math.Max(e1, 1e-300))
                .Label($"{p}, x {x}, t_x {tx}, n {n}: alive {a0}, {a1}; E {e1}, {e10}; DERT {dert}");
        });
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
