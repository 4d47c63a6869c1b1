using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Tests.Cli;
using Clv.Models.Valuation;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Valuation;

public class CustomerValuationTests
{
    private static readonly ParetoNbdParameters Pnbd = new(0.5533, 10.578, 0.6062, 11.667);
    private static readonly BgNbdParameters Bg = new(0.2426, 4.4135, 0.7929, 2.4258);
    private static readonly GammaGammaParameters Gg = new(6.2488, 3.7446, 15.4477);
    private static readonly double Weekly15 = ValuationOptions.ContinuousRate(0.15, 52);

    private static CustomerSummary Cdnow()
    {
        var c = TestFiles.ReadNumericColumns(TestFiles.SampleData("cdnow_customers_summary_with_transactions.csv"));
        return new CustomerSummary(c["ID"].Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), c["x"], c["t_x"], c["T"], c["zbar"]);
    }

    [Fact]
    public void Value_is_margin_times_expected_spend_times_dert_per_customer()
    {
        Assert.Equal(Math.Log(1.15) / 52, Weekly15, 1e-15);
        var summary = Cdnow();
        var table = CustomerValuation.Compute(Pnbd, summary, new ValuationOptions { DiscountRate = Weekly15, Margin = 0.3 }, Gg);
        Assert.Null(table.ExpectedPurchases);
        for (int i = 0; i < summary.Count; i += 37)
        {
            double x = summary.Frequency[i], tx = summary.Recency[i], t = summary.T[i];
            double dert = ParetoNbdDiscountedTransactions.DiscountedExpectedTransactions(Pnbd, x, tx, t, Weekly15, double.PositiveInfinity);
            // Independent pieces: P(alive) from the predictions, E[M | x, m_x] = p(γ + x m_x)/(px + q − 1), population mean for x = 0.
            Assert.Equal(ParetoNbdPredictions.ProbabilityAlive(Pnbd, x, tx, t), table.ProbabilityAlive[i]);
            double spend = x == 0 ? Gg.P * Gg.Gamma / (Gg.Q - 1) : Gg.P * (Gg.Gamma + x * summary.MonetaryValue![i]) / (Gg.P * x + Gg.Q - 1);
            Assert.Equal(spend, table.ExpectedSpend![i], spend * 1e-14);
            Assert.Equal(dert, table.DiscountedExpectedTransactions[i]);
            Assert.Equal(0.3 * spend * dert, table.Value![i], 0.3 * spend * dert * 1e-14);
        }
    }

    [Fact]
    public void Finite_horizon_undiscounted_equals_expected_purchases_and_shorter_horizons_are_worth_less()
    {
        var summary = Cdnow();
        foreach (IPurchaseModel model in new IPurchaseModel[] { Pnbd, Bg })
        {
            var rows = Enumerable.Range(0, summary.Count).Where(i => i % 97 == 0).ToArray();
            var s = new CustomerSummary([.. rows.Select(i => summary.CustomerIds[i])], [.. rows.Select(i => summary.Frequency[i])],
                [.. rows.Select(i => summary.Recency[i])], [.. rows.Select(i => summary.T[i])]);
            var undiscounted = CustomerValuation.Compute(model, s, new ValuationOptions { DiscountRate = 0, Horizon = 39 });
            var discounted = model.DiscountedExpectedTransactions(s, Weekly15, 39);
            var longer = model.DiscountedExpectedTransactions(s, Weekly15, 78);
            var expected = model.ExpectedPurchases(s, 39);
            for (int i = 0; i < s.Count; i++)
            {
                Assert.Equal(expected[i], undiscounted.DiscountedExpectedTransactions[i], expected[i] * 1e-9);
                Assert.Equal(expected[i], undiscounted.ExpectedPurchases![i]);
                Assert.True(discounted[i] < expected[i] && discounted[i] < longer[i], $"{model.ModelName} row {i}");
            }
        }
    }

    [Fact]
    public void Columns_over_distinct_rows_equal_the_per_customer_formulas_for_any_thread_count()
    {
        // 30k simulated customers on a day grid: many repeated (x, t_x, T) rows, more distinct rows than one chunk.
        var ages = Enumerable.Range(0, 30_000).Select(i => (27 * 7 + i % 85) / 7.0).ToArray();
        var sim = BgNbdSimulator.Simulate(Bg, ages, 11);
        var summary = new CustomerSummary(sim.CustomerIds, sim.Frequency, [.. sim.Recency.Select(r => Math.Floor(r * 7) / 7)], sim.T);
        IPurchaseModel[] models = [Bg, Pnbd];
        foreach (var model in models)
        {
            var one = CustomerValuation.Compute(model, summary, new ValuationOptions { DiscountRate = Weekly15, PurchaseHorizon = 52, MaxDegreeOfParallelism = 1 });
            var two = CustomerValuation.Compute(model, summary, new ValuationOptions { DiscountRate = Weekly15, PurchaseHorizon = 52, MaxDegreeOfParallelism = 2 });
            Assert.Equal(one.ProbabilityAlive, two.ProbabilityAlive);
            Assert.Equal(one.ExpectedPurchases, two.ExpectedPurchases);
            Assert.Equal(one.DiscountedExpectedTransactions, two.DiscountedExpectedTransactions);
            for (int i = 0; i < summary.Count; i += 97)
            {
                double[] x = [summary.Frequency[i]], tx = [summary.Recency[i]], t = [summary.T[i]], r = new double[1];
                model.ProbabilityAlive(x, tx, t, r);
                Assert.Equal(r[0], one.ProbabilityAlive[i]);
                model.ExpectedPurchases(52, x, tx, t, r);
                Assert.Equal(r[0], one.ExpectedPurchases![i]);
                model.DiscountedExpectedTransactions(Weekly15, double.PositiveInfinity, x, tx, t, r);
                Assert.Equal(r[0], one.DiscountedExpectedTransactions[i]);
            }
        }
        // The BG/NBD column form (bracket of eq. 10 cached per (x, T)) equals the one-customer formula.
        var bg = CustomerValuation.Compute(Bg, summary, new ValuationOptions { DiscountRate = Weekly15, PurchaseHorizon = 52 });
        for (int i = 0; i < summary.Count; i += 101)
            Assert.Equal(BgNbdPredictions.ExpectedPurchases(Bg, 52, summary.Frequency[i], summary.Recency[i], summary.T[i]), bg.ExpectedPurchases![i]);
    }

    [Fact]
    public void Ranking_helpers_order_by_value()
    {
        var table = CustomerValuation.Compute(Pnbd, Cdnow(), new ValuationOptions { DiscountRate = Weekly15 }, Gg);
        var top = table.Top(10);
        Assert.Equal(10, top.Length);
        for (int k = 1; k < top.Length; k++) Assert.True(table.Value![top[k - 1]] >= table.Value[top[k]]);
        var deciles = table.Deciles();
        Assert.Equal(1, deciles[top[0]]);
        var segments = table.SegmentSummaries();
        Assert.Equal(table.Value!.Sum(), segments.Sum(x => x.Total), 1e-6);
        Assert.True(segments[0].ShareOfTotal > segments[9].ShareOfTotal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerValuation.Compute(Pnbd, Cdnow(), new ValuationOptions { DiscountRate = -1 }));
    }

    [Fact]
    public void Cli_predict_adds_dert_expected_spend_and_clv()
    {
        using var cli = new CliHarness();
        var model = cli.Write("m.json", """{"model": "pareto-nbd", "parameters": {"r": 0.5533, "alpha": 10.578, "s": 0.6062, "beta": 11.667}}""");
        var gg = cli.Write("gg.json", """{"model": "gamma-gamma", "parameters": {"p": 6.2488, "q": 3.7446, "gamma": 15.4477}}""");
        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T,monetary_value\na,2,30.43,38.86,22.35\nb,0,0,38.86,0\n");
        var p = cli.Run("predict", "--model", model, "--input", rfm, "--horizon", "39", "--discount-rate", "0.0027", "--spend-model", gg, "--margin", "0.3", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases,dert,expected_spend,clv", lines[0]);
        foreach (var (line, x, tx, m) in new[] { (lines[1], 2.0, 30.43, 22.35), (lines[2], 0.0, 0.0, 0.0) })
        {
            var c = line.Split(',');
            double dert = ParetoNbdDiscountedTransactions.DiscountedExpectedTransactions(Pnbd, x, tx, 38.86, 0.0027, double.PositiveInfinity);
            double spend = GammaGammaSpend.ConditionalExpectedAverageSpend(Gg, x, m);
            Assert.Equal(dert, D(c[4]));
            Assert.Equal(spend, D(c[5]));
            Assert.Equal(0.3 * spend * dert, D(c[6]), 1e-12);
            Assert.Equal(ParetoNbdPredictions.ExpectedPurchases(Pnbd, 39, x, tx, 38.86), D(c[3]));
        }

        var bg = cli.Write("bg.json", """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""");
        var b = cli.Run("predict", "--model", bg, "--input", rfm, "--horizon", "39", "--discount-rate", "0.0027", "--value-horizon", "52", "--output", cli.PathOf("bg.csv"));
        Assert.True(b.Exit == 0, b.Err);
        var bl = File.ReadAllLines(cli.PathOf("bg.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases,discounted_purchases", bl[0]);
        Assert.Equal(BgNbdDiscountedTransactions.DiscountedExpectedTransactions(Bg, 2, 30.43, 38.86, 0.0027, 52), D(bl[1].Split(',')[4]));

        // Usage and input errors.
        Assert.Equal(2, cli.Run("predict", "--model", model, "--input", rfm, "--horizon", "39", "--spend-model", gg, "--output", cli.PathOf("x.csv")).Exit);
        Assert.Equal(2, cli.Run("predict", "--model", model, "--input", rfm, "--horizon", "39", "--margin", "0.3", "--output", cli.PathOf("x.csv")).Exit);
        Assert.Equal(2, cli.Run("predict", "--model", gg, "--input", rfm, "--discount-rate", "0.1", "--output", cli.PathOf("x.csv")).Exit);
        var wrong = cli.Run("predict", "--model", model, "--input", rfm, "--horizon", "39", "--discount-rate", "0.0027", "--spend-model", bg, "--output", cli.PathOf("x.csv"));
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("bg.json", wrong.Err);
        var noMoney = cli.Write("rfm2.csv", "customer_id,frequency,recency,T\na,2,30.43,38.86\n");
        var nm = cli.Run("predict", "--model", model, "--input", noMoney, "--horizon", "39", "--discount-rate", "0.0027", "--spend-model", gg, "--output", cli.PathOf("x.csv"));
        Assert.Equal(1, nm.Exit);
        Assert.Contains("rfm2.csv", nm.Err);
        Assert.Contains("monetary_value", nm.Err);
        Assert.False(File.Exists(cli.PathOf("x.csv")));
    }
}
