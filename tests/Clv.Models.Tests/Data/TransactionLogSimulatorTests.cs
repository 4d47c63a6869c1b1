using System.Text;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Tests.Cli;

namespace Clv.Models.Tests.Data;

public class TransactionLogSimulatorTests
{
    private static readonly BgNbdParameters Cdnow = new(0.2426, 4.4135, 0.7929, 2.4258);

    private static (string Log, string Summary, long Transactions) Simulate(int customers, int seed, int blockCount = 1)
    {
        var log = new StringWriter();
        var summary = new StringWriter();
        long n = TransactionLogSimulator.Write(Cdnow, new LogSimulationOptions { Customers = customers, Seed = seed }, log, summary);
        return (log.ToString(), summary.ToString(), n);
    }

    [Fact]
    public void The_summary_equals_what_the_summariser_makes_of_the_log()
    {
        // More than one block of customers, so the block seeding is exercised.
        var (log, summary, n) = Simulate(TransactionLogSimulator.BlockSize + 1500, 3);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,date", lines[0]);
        Assert.Equal(n, lines.Length - 1);
        var dates = lines.Skip(1).Select(l => DateOnly.ParseExact(l.Split(',')[1], "yyyy-MM-dd")).ToArray();
        for (int i = 1; i < dates.Length; i++) Assert.True(dates[i - 1] <= dates[i], $"line {i + 2} is out of date order");
        Assert.Equal(new DateOnly(2025, 1, 1), dates[0]);
        Assert.True(dates[^1] <= new DateOnly(2025, 1, 1).AddDays(272));

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        var options = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(2025, 1, 1).AddDays(272) };
        var result = Summarizer.Summarize(stream, "sim.csv", new TransactionLogOptions { CustomerColumn = "customer_id", DateColumn = "date" }, options);
        var written = new StringWriter();
        CustomerSummaryCsv.Write(result.Summary, written);
        Assert.Equal(written.ToString(), summary);
        Assert.Equal(TransactionLogSimulator.BlockSize + 1500, result.Summary.Count);
    }

    [Fact]
    public void With_a_spend_model_amounts_are_cents_and_the_summary_matches_the_summariser_including_monetary_value()
    {
        var spend = new GammaGamma.GammaGammaParameters(6.2488, 3.7446, 15.4477);
        var log = new StringWriter();
        var summary = new StringWriter();
        var simulation = new LogSimulationOptions { Customers = TransactionLogSimulator.BlockSize + 900, Seed = 5, Spend = spend };
        long n = TransactionLogSimulator.Write(Cdnow, simulation, log, summary);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,date,amount", lines[0]);
        Assert.Equal(n, lines.Length - 1);
        var amounts = lines.Skip(1).Select(l => l.Split(',')[2]).ToArray();
        Assert.All(amounts, a => Assert.Matches(@"^[0-9]+\.[0-9]{2}$", a));
        // Each amount ~ Gamma(p, ν), ν ~ Gamma(q, γ): E[amount] = pγ/(q − 1) = 35.8 (customers weigh by their purchases, so a
        // loose check of the draw; the exact check is the summary below).
        double mean = amounts.Average(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(mean, 0.85 * spend.P * spend.Gamma / (spend.Q - 1), 1.15 * spend.P * spend.Gamma / (spend.Q - 1));

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log.ToString()));
        var options = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = simulation.End };
        var result = Summarizer.Summarize(stream, "sim.csv", new TransactionLogOptions { CustomerColumn = "customer_id", DateColumn = "date", AmountColumn = "amount" }, options);
        var written = new StringWriter();
        CustomerSummaryCsv.Write(result.Summary, written);
        Assert.StartsWith("customer_id,frequency,recency,T,monetary_value\n", summary.ToString());
        Assert.Equal(written.ToString(), summary.ToString());
    }

    [Fact]
    public void Same_seed_same_bytes_other_seed_other_log()
    {
        var a = Simulate(2000, 7);
        var b = Simulate(2000, 7);
        var c = Simulate(2000, 8);
        Assert.Equal(a.Log, b.Log);
        Assert.Equal(a.Summary, b.Summary);
        Assert.NotEqual(a.Log, c.Log);
    }

    /// <summary>A model whose every customer buys at fixed times (weeks): 0.1 (day 0), 0.12 (day 0), 1 (day 7), 2.5 (day 17).</summary>
    private sealed class FixedTimes : IPurchaseModel
    {
        public string ModelName => "fixed";
        public void LogLikelihoods(ReadOnlySpan<double> f, ReadOnlySpan<double> r, ReadOnlySpan<double> t, Span<double> result) => throw new NotSupportedException();
        public void ProbabilityAlive(ReadOnlySpan<double> f, ReadOnlySpan<double> r, ReadOnlySpan<double> t, Span<double> result) => throw new NotSupportedException();
        public void ExpectedPurchases(double h, ReadOnlySpan<double> f, ReadOnlySpan<double> r, ReadOnlySpan<double> t, Span<double> result) => throw new NotSupportedException();
        public void DiscountedExpectedTransactions(double d, double h, ReadOnlySpan<double> f, ReadOnlySpan<double> r, ReadOnlySpan<double> t, Span<double> result) => throw new NotSupportedException();
        public double ExpectedPurchasesNewCustomer(double t) => throw new NotSupportedException();
        public double ProbabilityOfPurchases(int n, double t) => throw new NotSupportedException();
        public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes)
        {
            foreach (double tau in new[] { 0.1, 0.12, 1, 2.5 })
                if (tau <= t) purchaseTimes.Add(tau);
        }
    }

    [Fact]
    public void Purchase_times_land_on_their_days_and_first_purchases_spread_over_the_acquisition_window()
    {
        var log = new StringWriter();
        var summary = new StringWriter();
        var options = new LogSimulationOptions { Customers = 4, AcquisitionDays = 8, ObservationDays = 20, Start = new DateOnly(2024, 2, 27) };
        Assert.Equal(new DateOnly(2024, 3, 17), options.End);
        long n = TransactionLogSimulator.Write(new FixedTimes(), options, log, summary);
        // First days 0, 2, 4, 6 (i·8/4), observed for (19 − first)/7 weeks. Customer 1: days 0, 0, 0, 7, 17. Customers 2–4
        // lose the purchase at 2.5 weeks (past day 19); customer 4: days 6, 6, 6, 13.
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5 + 4 + 4 + 4, n);
        Assert.Equal(["customer_id,date", "1,2024-02-27", "1,2024-02-27", "1,2024-02-27", "2,2024-02-29"], lines[..5]);
        Assert.Equal("1,2024-03-05", lines.First(l => l.StartsWith("1,", StringComparison.Ordinal) && l != "1,2024-02-27"));
        Assert.Equal("4,2024-03-11", lines.Last(l => l.StartsWith("4,", StringComparison.Ordinal)));
        Assert.Equal("1,2024-03-15", lines[^1]);
        // Summary: x = distinct days after the first; recency and T in weeks, T to the last day (19).
        var rows = summary.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,frequency,recency,T", rows[0]);
        Assert.Equal($"1,2,{(17 / 7.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)},{(19 / 7.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", rows[1]);
        Assert.Equal($"4,1,1,{(13 / 7.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", rows[4]);
    }

    [Fact]
    public void Cli_simulate_writes_both_files_and_rejects_bad_arguments()
    {
        using var cli = new CliHarness();
        var run = cli.Run("simulate", "--model", "bg-nbd", "--customers", "500", "--seed", "4", "--parameters", "r=0.3,alpha=4,a=0.8,b=2.5",
            "--summary-output", cli.PathOf("rfm.csv"), "--output", cli.PathOf("tx.csv"));
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("500 customers", run.Out);
        Assert.Equal("customer_id,date", File.ReadLines(cli.PathOf("tx.csv")).First());
        Assert.Equal(501, File.ReadLines(cli.PathOf("rfm.csv")).Count());
        var expected = new StringWriter();
        TransactionLogSimulator.Write(new BgNbdParameters(0.3, 4, 0.8, 2.5), new LogSimulationOptions { Customers = 500, Seed = 4 }, expected);
        Assert.Equal(expected.ToString(), File.ReadAllText(cli.PathOf("tx.csv")));

        var pnbd = cli.Run("simulate", "--model", "pareto-nbd", "--customers", "300", "--summary-output", cli.PathOf("p-rfm.csv"), "--output", cli.PathOf("p-tx.csv"));
        Assert.True(pnbd.Exit == 0, pnbd.Err);
        var summarized = cli.Run("summarize", "--input", cli.PathOf("p-tx.csv"), "--customer-column", "customer_id", "--date-column", "date",
            "--calibration-end", "2025-09-30", "--output", cli.PathOf("p-rfm2.csv"));
        Assert.True(summarized.Exit == 0, summarized.Err);
        Assert.Equal(File.ReadAllText(cli.PathOf("p-rfm.csv")), File.ReadAllText(cli.PathOf("p-rfm2.csv")));

        var spend = cli.Run("simulate", "--model", "bg-nbd", "--customers", "300", "--spend-parameters", "p=6.25,q=3.74,gamma=15.44",
            "--summary-output", cli.PathOf("s-rfm.csv"), "--output", cli.PathOf("s-tx.csv"));
        Assert.True(spend.Exit == 0, spend.Err);
        Assert.Equal("customer_id,date,amount", File.ReadLines(cli.PathOf("s-tx.csv")).First());
        Assert.Equal("customer_id,frequency,recency,T,monetary_value", File.ReadLines(cli.PathOf("s-rfm.csv")).First());
        var badSpend = cli.Run("simulate", "--model", "bg-nbd", "--customers", "5", "--spend-parameters", "p=6.25,q=3.74", "--output", cli.PathOf("x.csv"));
        Assert.Equal(1, badSpend.Exit);
        Assert.Contains("gamma", badSpend.Err);

        Assert.Equal(2, cli.Run("simulate", "--model", "gamma-gamma", "--customers", "5", "--output", cli.PathOf("x.csv")).Exit);
        Assert.Equal(2, cli.Run("simulate", "--model", "bg-nbd", "--customers", "0", "--output", cli.PathOf("x.csv")).Exit);
        Assert.Equal(2, cli.Run("simulate", "--model", "bg-nbd", "--customers", "5", "--parameters", "r=abc", "--output", cli.PathOf("x.csv")).Exit);
        var bad = cli.Run("simulate", "--model", "bg-nbd", "--customers", "5", "--parameters", "r=0.3,alpha=4,a=0.8", "--output", cli.PathOf("x.csv"));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("parameters.b", bad.Err);
        Assert.False(File.Exists(cli.PathOf("x.csv")));
    }
}
