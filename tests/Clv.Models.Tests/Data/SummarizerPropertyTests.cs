using System.Globalization;
using System.Text;
using Clv.Models.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>The streaming summariser agrees with a naive LINQ group-by on random small logs, sorted or not.</summary>
public class SummarizerPropertyTests
{
    private static readonly DateOnly Start = new(2021, 3, 1);

    [Property(MaxTest = 300)]
    public void StreamingMatchesNaiveReference(byte[] customers, byte[] days, ushort[] cents, byte calibrationDay, bool holdout)
    {
        int n = Math.Min(customers.Length, Math.Min(days.Length, cents.Length));
        var log = new (string Id, int Day, double Amount)[n];
        for (int i = 0; i < n; i++) log[i] = ($"c{customers[i] % 4}", days[i] % 20, cents[i] / 100.0);
        int calEnd = calibrationDay % 24;
        if (n == 0 || log.Min(t => t.Day) > calEnd) return;
        var options = new SummaryOptions
        {
            TimeUnitDays = 7,
            CalibrationEnd = Start.AddDays(calEnd),
            ObservationEnd = holdout ? Start.AddDays(calEnd + 10) : null,
        };

        // As generated (usually unsorted: exact mode) and sorted by day per customer (streaming mode).
        Check(log, options);
        Check([.. log.OrderBy(t => t.Day)], options);
    }

    private static void Check((string Id, int Day, double Amount)[] log, SummaryOptions options)
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        foreach (var (id, day, amount) in log)
            text.Append(CultureInfo.InvariantCulture, $"{id},{Start.AddDays(day):yyyy-MM-dd},{amount.ToString("R", CultureInfo.InvariantCulture)}\n");
        string path = TestFiles.Temp("random.csv", text.ToString());
        SummaryResult actual = Summarizer.Summarize(path, new TransactionLogOptions { AmountColumn = "amount" }, options);

        int cal = options.CalibrationEnd!.Value.DayNumber - Start.DayNumber;
        int end = options.ObservationEnd is { } o ? o.DayNumber - Start.DayNumber : cal;
        var expected = log
            .Select((t, index) => (t.Id, t.Day, t.Amount, index))
            .Where(t => t.Day <= end)
            .GroupBy(t => t.Id)
            .Select(g => (Id: g.Key, First: g.Min(t => t.index), Days: g.GroupBy(t => t.Day).Select(d => (Day: d.Key, Amount: d.Sum(t => t.Amount))).OrderBy(d => d.Day).ToList()))
            .Where(c => c.Days[0].Day <= cal)
            .OrderBy(c => log.Select((t, i) => (t.Id, i)).First(t => t.Id == c.Id).i)
            .ToList();

        CustomerSummary s = actual.Summary;
        Assert.Equal(expected.Select(c => c.Id), s.CustomerIds);
        Assert.Equal(log.Length, actual.TransactionsRead);
        Assert.Equal(log.Count(t => t.Day > end), actual.TransactionsAfterWindow);
        for (int i = 0; i < expected.Count; i++)
        {
            var calDays = expected[i].Days.Where(d => d.Day <= cal).ToList();
            var holdDays = expected[i].Days.Where(d => d.Day > cal).ToList();
            int x = calDays.Count - 1;
            Assert.Equal(x, s.Frequency[i]);
            Assert.Equal((calDays[^1].Day - calDays[0].Day) / 7.0, s.Recency[i]);
            Assert.Equal((cal - calDays[0].Day) / 7.0, s.T[i]);
            Assert.Equal(x == 0 ? 0 : calDays.Skip(1).Average(d => d.Amount), s.MonetaryValue![i], 1e-9);
            if (options.ObservationEnd is null)
            {
                Assert.Null(s.FrequencyHoldout);
                continue;
            }

            Assert.Equal(holdDays.Count, s.FrequencyHoldout![i]);
            Assert.Equal(holdDays.Count == 0 ? 0 : holdDays.Average(d => d.Amount), s.MonetaryValueHoldout![i], 1e-9);
            Assert.Equal(10 / 7.0, s.DurationHoldout![i]);
        }
    }
}
