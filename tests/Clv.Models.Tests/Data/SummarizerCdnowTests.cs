using System.Globalization;
using System.Text;
using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Acceptance: the CDNOW event log summarised as R BTYD's <c>cdnowSummary</c>.</summary>
public class SummarizerCdnowTests
{
    private static readonly TransactionLogOptions Log = new()
    {
        CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd", AmountColumn = "sales",
    };

    private static readonly SummaryOptions Window = new()
    {
        TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30),
    };

    [Fact]
    public void CdnowElogReproducesBtydCbsAndMx()
    {
        SummaryResult result = Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), Log, Window);
        CustomerSummary s = result.Summary;
        string[][] cbs = ReadRows("cdnowSummary_cbs.csv");
        string[][] mx = ReadRows("cdnowSummary_m_x.csv");
        Dictionary<string, string> sampleId = MasterToSampleId();

        Assert.Equal(2357, s.Count);
        Assert.Equal(2357, cbs.Length);
        Assert.Equal(6919, result.TransactionsRead);
        Assert.Equal(0, result.TransactionsAfterWindow);
        Assert.Equal(0, result.CustomersFirstPurchaseAfterCalibration);
        Assert.Equal(new DateOnly(1997, 1, 1), result.FirstDate);
        Assert.Equal(new DateOnly(1998, 6, 30), result.LastDate);
        var cbsRow = new Dictionary<string, int>();
        for (int r = 0; r < cbs.Length; r++) cbsRow.Add(cbs[r][0], r);

        for (int i = 0; i < s.Count; i++)
        {
            int r = cbsRow[sampleId[s.CustomerIds[i]]];
            Assert.Equal(Parse(cbs[r][1]), s.Frequency[i]);
            Assert.Equal(Parse(cbs[r][2]), s.Recency[i], 1e-12);
            Assert.Equal(Parse(cbs[r][3]), s.T[i], 1e-12);
            Assert.Equal(Parse(cbs[r][4]), s.FrequencyHoldout![i]);
            Assert.Equal(Parse(mx[r][0]), s.MonetaryValue![i], 1e-9);
            Assert.Equal(39.0, s.DurationHoldout![i], 1e-12);
        }

        Assert.Equal(2457, s.Frequency.Sum());
        Assert.Equal(1882, s.FrequencyHoldout!.Sum());
    }

    [Fact]
    public void ShuffledLogUsesExactModeAndMatchesSortedLog()
    {
        string sorted = TestFiles.Sample("cdnowElog.csv");
        string[] lines = File.ReadAllLines(sorted);
        var rng = new Random(12345);
        string[] body = lines[1..];
        rng.Shuffle(body);
        string shuffled = TestFiles.Temp("cdnow-shuffled.csv", lines[0] + "\n" + string.Join("\n", body) + "\n");

        SummaryResult expected = Summarizer.Summarize(sorted, Log, Window);
        SummaryResult actual = Summarizer.Summarize(shuffled, Log, Window);
        AssertSameById(expected, actual);
    }

    [Fact]
    public void ShuffledLogFromSeekableStreamIsReadAgainExactly()
    {
        string[] lines = File.ReadAllLines(TestFiles.Sample("cdnowElog.csv"));
        string[] body = lines[1..];
        new Random(7).Shuffle(body);
        byte[] bytes = Encoding.UTF8.GetBytes(lines[0] + "\r\n" + string.Join("\r\n", body));
        using var stream = new MemoryStream(bytes);

        SummaryResult actual = Summarizer.Summarize(stream, "shuffled.csv", Log, Window);
        AssertSameById(Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), Log, Window), actual);
    }

    [Fact]
    public void ShuffledLogFromNonSeekableStreamIsRejectedWithLine()
    {
        const string text = "masterid,date,sales\n1,19970105,1\n2,19970101,2\n1,19970103,3\n";
        using var stream = new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var e = Assert.Throws<ClvDataException>(() => Summarizer.Summarize(stream, "pipe.csv", Log, new SummaryOptions()));
        TestFiles.AssertNames(e, "pipe.csv", 4, "date");
        Assert.Contains("sorted by date per customer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SortedLogFromNonSeekableStreamIsSummarised()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.Sample("cdnowElog.csv"));
        using var stream = new NonSeekableStream(new MemoryStream(bytes));
        SummaryResult actual = Summarizer.Summarize(stream, "cdnow.csv", Log, Window);
        AssertSameById(Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), Log, Window), actual);
    }

    private static void AssertSameById(SummaryResult expected, SummaryResult actual)
    {
        CustomerSummary e = expected.Summary, a = actual.Summary;
        Assert.Equal(e.Count, a.Count);
        Assert.Equal(expected.TransactionsRead, actual.TransactionsRead);
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.LastDate, actual.LastDate);
        var index = new Dictionary<string, int>();
        for (int i = 0; i < a.Count; i++) index.Add(a.CustomerIds[i], i);
        for (int i = 0; i < e.Count; i++)
        {
            int j = index[e.CustomerIds[i]];
            Assert.Equal(e.Frequency[i], a.Frequency[j]);
            Assert.Equal(e.Recency[i], a.Recency[j]);
            Assert.Equal(e.T[i], a.T[j]);
            Assert.Equal(e.FrequencyHoldout![i], a.FrequencyHoldout![j]);
            Assert.Equal(e.DurationHoldout![i], a.DurationHoldout![j]);
            Assert.Equal(e.MonetaryValue![i], a.MonetaryValue![j], 1e-9);
            Assert.Equal(e.MonetaryValueHoldout![i], a.MonetaryValueHoldout![j], 1e-9);
        }
    }

    private static Dictionary<string, string> MasterToSampleId()
    {
        var map = new Dictionary<string, string>();
        foreach (string line in File.ReadLines(TestFiles.Sample("cdnowElog.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            map.TryAdd(f[0], f[1]);
        }

        return map;
    }

    private static string[][] ReadRows(string name) =>
        [.. File.ReadLines(TestFiles.Sample(name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
