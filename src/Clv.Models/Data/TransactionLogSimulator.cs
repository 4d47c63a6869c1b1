using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Clv.Models.Data;

/// <summary>
/// Writes a simulated transaction log (<c>customer_id,date</c>, ISO dates, chronological; <c>customer_id,date,amount</c> with a
/// spend model, <see cref="LogSimulationOptions.Spend"/>) from any model's story, and optionally its per-customer summary
/// exactly as <see cref="Summarizer"/> would compute it from that log (same customers, order and numbers) — reproducible
/// inputs for benchmarks and tests.
/// </summary>
/// <remarks>
/// Customers are simulated in blocks of <see cref="BlockSize"/>, block b from <c>new Random(SplitMix64(seed, b))</c>, so
/// the log can be produced in two passes without keeping customers in memory: the first counts the purchases per day
/// (and streams the summary), the second regenerates the same draws and files each purchase under its day. Memory is
/// one int per transaction (and one long of cents with a spend model) plus one per day; no object per customer. A purchase at model time τ after the first
/// purchase on day f falls on day f + ⌊τ·unit⌋; purchases on one day are all written (the summariser merges them).
/// </remarks>
public static class TransactionLogSimulator
{
    /// <summary>Customers drawn from one random stream.</summary>
    public const int BlockSize = 4096;

    /// <summary>Writes the log to <paramref name="log"/> and, when given, the summary to <paramref name="summary"/>.</summary>
    /// <param name="model">The model whose story is simulated (e.g. <c>new BgNbdParameters(...)</c>).</param>
    /// <param name="options">Customers, seed and calendar.</param>
    /// <param name="log">Receives <c>customer_id,date</c> lines; not closed.</param>
    /// <param name="summary">Receives <c>customer_id,frequency,recency,T[,monetary_value]</c> lines, or null.</param>
    /// <returns>The number of transactions written.</returns>
    public static long Write(IPurchaseModel model, LogSimulationOptions options, TextWriter log, TextWriter? summary = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        int days = options.ObservationDays;
        var perDay = new long[days + 1];
        bool withSpend = options.Spend is not null;
        summary?.Write(withSpend ? "customer_id,frequency,recency,T,monetary_value\n" : "customer_id,frequency,recency,T\n");
        Span<char> buffer = stackalloc char[32];

        // Pass 1: purchases per day (first purchases included), and the summary.
        ForEachCustomer(model, options, (int customer, int first, List<int> purchaseDays, List<long> cents) =>
        {
            perDay[first + 1]++;
            int distinct = 0, previous = first, last = first;
            double repeatSum = 0; // added in log order, as the summariser adds the amounts of days after the first
            for (int j = 0; j < purchaseDays.Count; j++)
            {
                int d = purchaseDays[j];
                perDay[d + 1]++;
                if (d != previous) { distinct++; previous = d; last = d; }
                if (withSpend && d != first) repeatSum += cents[j + 1] / 100.0;
            }
            if (summary is null) return;
            double unit = options.TimeUnitDays;
            summary.Write((customer + 1).ToString(CultureInfo.InvariantCulture));
            WriteNumber(summary, distinct);
            WriteNumber(summary, (last - first) / unit);
            WriteNumber(summary, (days - 1 - first) / unit);
            if (withSpend) WriteNumber(summary, distinct > 0 ? repeatSum / distinct : 0);
            summary.Write('\n');
        });

        for (int d = 1; d <= days; d++) perDay[d] += perDay[d - 1];
        long total = perDay[days];
        if (total > Array.MaxLength) throw new InvalidOperationException($"{total} transactions do not fit one log; simulate fewer customers");
        var customers = new int[total];
        var amounts = withSpend ? new long[total] : null;
        var next = perDay.AsSpan(0, days).ToArray();

        // Pass 2: the same draws, each purchase filed under its day in customer order.
        ForEachCustomer(model, options, (int customer, int first, List<int> purchaseDays, List<long> cents) =>
        {
            long k = next[first]++;
            customers[k] = customer;
            if (amounts is not null) amounts[k] = cents[0];
            for (int j = 0; j < purchaseDays.Count; j++)
            {
                k = next[purchaseDays[j]]++;
                customers[k] = customer;
                if (amounts is not null) amounts[k] = cents[j + 1];
            }
        });

        log.Write(withSpend ? "customer_id,date,amount\n" : "customer_id,date\n");
        for (int d = 0; d < days; d++)
        {
            string date = "," + options.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (long k = perDay[d]; k < perDay[d + 1]; k++)
            {
                (customers[k] + 1).TryFormat(buffer, out int n, provider: CultureInfo.InvariantCulture);
                log.Write(buffer[..n]);
                log.Write(date);
                if (amounts is not null)
                {
                    log.Write(',');
                    WriteCents(log, amounts[k], buffer);
                }
                log.Write('\n');
            }
        }
        return total;

        static void WriteNumber(TextWriter w, double v)
        {
            Span<char> b = stackalloc char[32];
            v.TryFormat(b, out int n, "R", CultureInfo.InvariantCulture);
            w.Write(',');
            w.Write(b[..n]);
        }
    }

    /// <summary>Writes a number of cents as a decimal amount, e.g. 1234 as "12.34" (parsed back, it is exactly cents / 100.0).</summary>
    private static void WriteCents(TextWriter w, long cents, Span<char> buffer)
    {
        (cents / 100).TryFormat(buffer, out int n, provider: CultureInfo.InvariantCulture);
        w.Write(buffer[..n]);
        int rest = (int)(cents % 100);
        w.Write('.');
        w.Write((char)('0' + rest / 10));
        w.Write((char)('0' + rest % 10));
    }

    /// <summary>A well-mixed, platform-independent seed for block b (SplitMix64 finaliser; Steele, Lea &amp; Flood 2014).</summary>
    internal static int BlockSeed(int seed, int block)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)block) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(uint)(z ^ (z >> 31)) & int.MaxValue;
    }

    private delegate void CustomerAction(int customer, int firstDay, List<int> purchaseDays, List<long> cents);

    /// <summary>
    /// Simulates every customer in order, block by block, passing its first day, repeat-purchase days and, with a spend model,
    /// the amounts in cents of its first and repeat purchases (empty without one).
    /// </summary>
    private static void ForEachCustomer(IPurchaseModel model, LogSimulationOptions options, CustomerAction action)
    {
        int n = options.Customers, lastDay = options.ObservationDays - 1;
        double unit = options.TimeUnitDays;
        var times = new List<double>();
        var purchaseDays = new List<int>();
        var cents = new List<long>();
        for (int block = 0; block * (long)BlockSize < n; block++)
        {
            var random = new Random(BlockSeed(options.Seed, block));
            int end = (int)Math.Min(n, (block + 1) * (long)BlockSize);
            for (int i = block * BlockSize; i < end; i++)
            {
                int first = (int)(i * (long)options.AcquisitionDays / n);
                times.Clear();
                purchaseDays.Clear();
                model.SimulatePurchaseTimes((lastDay - first) / unit, random, times);
                foreach (double tau in times) purchaseDays.Add(Math.Min(lastDay, first + (int)Math.Floor(tau * unit)));
                cents.Clear();
                if (options.Spend is { } spend)
                {
                    double nu = Gamma.Sample(random, spend.Q, spend.Gamma);
                    for (int j = 0; j <= times.Count; j++) cents.Add((long)Math.Round(100 * Gamma.Sample(random, spend.P, nu)));
                }
                action(i, first, purchaseDays, cents);
            }
        }
    }
}
