using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;

namespace Clv.Cli.Bench;

/// <summary>
/// The seeded data `clv bench` runs on, all drawn with the library's simulators from CDNOW's published estimates (weeks):
/// BG/NBD r = 0.2426, α = 4.4135, a = 0.7929, b = 2.4258 (Fader, Hardie &amp; Lee 2005); Pareto/NBD r = 0.5533, α = 10.578,
/// s = 0.6062, β = 11.667 (Fader &amp; Hardie 2005 note); Gamma-Gamma p = 6.2488, q = 3.7446, γ = 15.4477. The BenchmarkDotNet
/// suite in benchmarks/ runs on the same data.
/// </summary>
internal static class BenchData
{
    public static readonly BgNbdParameters Purchases = new(0.2426, 4.4135, 0.7929, 2.4258);
    public static readonly ParetoNbdParameters ParetoNbd = new(0.5533, 10.578, 0.6062, 11.667);
    public static readonly GammaGammaParameters Spend = new(6.2488, 3.7446, 15.4477);

    /// <summary>n BG/NBD customers with T uniform on 27–39 weeks and T, t_x on a day grid, as a summarised log has them.</summary>
    public static CustomerSummary Customers(int n, int seed) => OnDayGrid(BgNbdSimulator.Simulate(Purchases, Ages(n, seed), seed));

    /// <summary>n Pareto/NBD customers on the calendar of <see cref="Customers"/>.</summary>
    public static CustomerSummary ParetoNbdCustomers(int n, int seed) => OnDayGrid(ParetoNbdSimulator.Simulate(ParetoNbd, Ages(n, seed), seed));

    private static double[] Ages(int n, int seed)
    {
        var random = new Random(seed);
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = random.Next(27 * 7, 39 * 7 + 1) / 7.0;
        return t;
    }

    /// <summary>t_x rounded down to the day, as the summariser sees it.</summary>
    private static CustomerSummary OnDayGrid(CustomerSummary s)
    {
        int n = s.Count;
        var tx = s.Recency;
        for (int i = 0; i < n; i++) tx[i] = Math.Floor(tx[i] * 7) / 7.0;
        return new CustomerSummary(s.CustomerIds, s.Frequency, tx, s.T);
    }

    /// <summary>n repeat customers (x = 1 + a geometric count with mean 2.5) and their simulated mean spend.</summary>
    public static (double[] Frequency, double[] MonetaryValue) RepeatSpend(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1 + Math.Floor(-Math.Log(1 - random.NextDouble()) * 2.5);
        return (x, GammaGammaSimulator.Simulate(Spend, x, seed));
    }

    /// <summary>
    /// Writes a chronological log (<c>customer_id,date,amount</c>) of about <paramref name="transactions"/> transactions
    /// (CDNOW-like customers make about 2.4 each over 39 weeks) and returns its customer and transaction counts.
    /// </summary>
    public static (int Customers, long Transactions) WriteLog(string path, long transactions, int seed)
    {
        (int, long) counts = default;
        AtomicFile.Write(path, w => counts = WriteLog(w, transactions, seed));
        return counts;
    }

    /// <summary><see cref="WriteLog(string, long, int)"/> to a stream (e.g. <see cref="Stream.Null"/> to count only).</summary>
    public static (int Customers, long Transactions) WriteLog(Stream stream, long transactions, int seed)
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        return WriteLog(writer, transactions, seed);
    }

    private static (int Customers, long Transactions) WriteLog(TextWriter writer, long transactions, int seed)
    {
        int customers = (int)Math.Max(1, transactions / 2.4);
        long written = TransactionLogSimulator.Write(Purchases, new LogSimulationOptions { Customers = customers, Seed = seed, Spend = Spend }, writer);
        return (customers, written);
    }

    /// <summary>The log options for <see cref="WriteLog"/>'s files.</summary>
    public static readonly TransactionLogOptions LogColumns = new() { CustomerColumn = "customer_id", DateColumn = "date", AmountColumn = "amount" };

    /// <summary>The summary window of <see cref="WriteLog"/>'s files: weeks, calibration to the log's last day.</summary>
    public static readonly SummaryOptions Window = new() { TimeUnitDays = 7, CalibrationEnd = new LogSimulationOptions { Customers = 1 }.End };

    /// <summary>Number of transactions a summary stands for: each customer's first purchase plus its repeat days.</summary>
    public static long Transactions(CustomerSummary s)
    {
        double sum = s.Count;
        foreach (double x in s.Frequency) sum += x;
        return (long)sum;
    }
}
