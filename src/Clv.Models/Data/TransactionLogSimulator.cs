using System.Globalization;

namespace Clv.Models.Data;

/// <summary>
/// Writes a simulated transaction log (<c>customer_id,date</c>, ISO dates, chronological) from any model's story, and
/// optionally its per-customer summary exactly as <see cref="Summarizer"/> would compute it from that log (same
/// customers, order and numbers) — reproducible inputs for benchmarks and tests.
/// </summary>
/// <remarks>
/// Customers are simulated in blocks of <see cref="BlockSize"/>, block b from <c>new Random(SplitMix64(seed, b))</c>, so
/// the log can be produced in two passes without keeping customers in memory: the first counts the purchases per day
/// (and streams the summary), the second regenerates the same draws and files each purchase under its day. Memory is
/// one int per transaction plus one per day; no object per customer. A purchase at model time τ after the first
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
    /// <param name="summary">Receives <c>customer_id,frequency,recency,T</c> lines, or null.</param>
    /// <returns>The number of transactions written.</returns>
    public static long Write(IPurchaseModel model, LogSimulationOptions options, TextWriter log, TextWriter? summary = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        int days = options.ObservationDays;
        var perDay = new long[days + 1];
        summary?.Write("customer_id,frequency,recency,T\n");
        Span<char> buffer = stackalloc char[32];

        // Pass 1: purchases per day (first purchases included), and the summary.
        ForEachCustomer(model, options, (int customer, int first, List<int> purchaseDays) =>
        {
            perDay[first + 1]++;
            int distinct = 0, previous = first, last = first;
            foreach (int d in purchaseDays)
            {
                perDay[d + 1]++;
                if (d != previous) { distinct++; previous = d; last = d; }
            }
            if (summary is null) return;
            double unit = options.TimeUnitDays;
            summary.Write((customer + 1).ToString(CultureInfo.InvariantCulture));
            WriteNumber(summary, distinct);
            WriteNumber(summary, (last - first) / unit);
            WriteNumber(summary, (days - 1 - first) / unit);
            summary.Write('\n');
        });

        for (int d = 1; d <= days; d++) perDay[d] += perDay[d - 1];
        long total = perDay[days];
        if (total > Array.MaxLength) throw new InvalidOperationException($"{total} transactions do not fit one log; simulate fewer customers");
        var customers = new int[total];
        var next = perDay.AsSpan(0, days).ToArray();

        // Pass 2: the same draws, each purchase filed under its day in customer order.
        ForEachCustomer(model, options, (int customer, int first, List<int> purchaseDays) =>
        {
            customers[next[first]++] = customer;
            foreach (int d in purchaseDays) customers[next[d]++] = customer;
        });

        log.Write("customer_id,date\n");
        for (int d = 0; d < days; d++)
        {
            string date = "," + options.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n";
            for (long k = perDay[d]; k < perDay[d + 1]; k++)
            {
                (customers[k] + 1).TryFormat(buffer, out int n, provider: CultureInfo.InvariantCulture);
                log.Write(buffer[..n]);
                log.Write(date);
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

    /// <summary>A well-mixed, platform-independent seed for block b (SplitMix64 finaliser; Steele, Lea &amp; Flood 2014).</summary>
    internal static int BlockSeed(int seed, int block)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)block) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(uint)(z ^ (z >> 31)) & int.MaxValue;
    }

    private delegate void CustomerAction(int customer, int firstDay, List<int> purchaseDays);

    /// <summary>Simulates every customer in order, block by block, passing its first day and repeat-purchase days.</summary>
    private static void ForEachCustomer(IPurchaseModel model, LogSimulationOptions options, CustomerAction action)
    {
        int n = options.Customers, lastDay = options.ObservationDays - 1;
        double unit = options.TimeUnitDays;
        var times = new List<double>();
        var purchaseDays = new List<int>();
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
                action(i, first, purchaseDays);
            }
        }
    }
}
