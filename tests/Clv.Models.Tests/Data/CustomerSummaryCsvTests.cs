using System.Globalization;
using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Reading and writing customer-summary CSV files.</summary>
public class CustomerSummaryCsvTests
{
    [Fact]
    public void ReadsLifetimesSummary()
    {
        CustomerSummary s = CustomerSummaryCsv.Read(TestFiles.Sample("cdnow_customers_summary.csv"));
        Assert.Equal(2357, s.Count);
        Assert.Equal(2457, s.Frequency.Sum());
        Assert.Equal(("1", 2.0, 30.43, 38.86), (s.CustomerIds[0], s.Frequency[0], s.Recency[0], s.T[0]));
        Assert.Null(s.MonetaryValue);
        Assert.Null(s.FrequencyHoldout);
    }

    [Fact]
    public void ReadsCrlfSummaryWithZbarAndNoTrailingNewline()
    {
        CustomerSummary s = CustomerSummaryCsv.Read(TestFiles.Sample("cdnow_customers_summary_with_transactions.csv"));
        Assert.Equal(2357, s.Count);
        Assert.Equal(946, s.Frequency.Count(x => x > 0));
        Assert.Equal(22.35, s.MonetaryValue![0]);
        Assert.Equal("2357", s.CustomerIds[^1]);
    }

    [Fact]
    public void ReadsBtydCbsWithRowIdsAndHoldout()
    {
        CustomerSummary s = CustomerSummaryCsv.Read(TestFiles.Sample("cdnowSummary_cbs.csv"));
        Assert.Equal(2357, s.Count);
        Assert.Equal("1", s.CustomerIds[0]);
        Assert.Equal(272 / 7.0, s.T[0]);
        Assert.Equal(1882, s.FrequencyHoldout!.Sum());
        Assert.Null(s.DurationHoldout);
    }

    [Fact]
    public void ConfiguredColumnNames()
    {
        string path = TestFiles.Temp("named.csv", "who|n|last|age|spend\nA|1|2.5|3|4.25\n");
        var options = new SummaryCsvOptions { IdColumn = "who", FrequencyColumn = "n", RecencyColumn = "last", TColumn = "AGE", MonetaryColumn = "spend", Delimiter = '|' };
        CustomerSummary s = CustomerSummaryCsv.Read(path, options);
        Assert.Equal(("A", 1.0, 2.5, 3.0, 4.25), (s.CustomerIds[0], s.Frequency[0], s.Recency[0], s.T[0], s.MonetaryValue![0]));
    }

    [Fact]
    public void WriteReadRoundTripIsBitExact()
    {
        var rng = new Random(42);
        int n = 500;
        string[] ids = [.. Enumerable.Range(0, n).Select(i => i switch { 0 => "a,b", 1 => "say \"hi\"", 2 => " padded ", _ => $"id{i}" })];
        double[] t = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100 + 1e-9)];
        double[] x = [.. Enumerable.Range(0, n).Select(i => (double)(i % 7))];
        double[] tx = [.. Enumerable.Range(0, n).Select(i => x[i] == 0 ? 0 : t[i] * rng.NextDouble())];
        double[] m = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 1e3 / 3)];
        double[] xh = [.. Enumerable.Range(0, n).Select(i => (double)(i % 3))];
        double[] mh = [.. Enumerable.Range(0, n).Select(_ => Math.PI * rng.NextDouble())];
        double[] dh = [.. Enumerable.Repeat(39.0 / 7, n)];
        x[3] = 0; tx[3] = 0; t[3] = 0;
        var original = new CustomerSummary(ids, x, tx, t, m, xh, mh, dh);
        string path = Path.Combine(Path.GetDirectoryName(TestFiles.Temp("x.txt", ""))!, "roundtrip.csv");

        CustomerSummaryCsv.Write(original, path);
        CustomerSummary back = CustomerSummaryCsv.Read(path);

        Assert.StartsWith("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(original.CustomerIds, back.CustomerIds);
        AssertBits(original.Frequency, back.Frequency);
        AssertBits(original.Recency, back.Recency);
        AssertBits(original.T, back.T);
        AssertBits(original.MonetaryValue!, back.MonetaryValue!);
        AssertBits(original.FrequencyHoldout!, back.FrequencyHoldout!);
        AssertBits(original.MonetaryValueHoldout!, back.MonetaryValueHoldout!);
        AssertBits(original.DurationHoldout!, back.DurationHoldout!);
    }

    [Fact]
    public void WritesOnlyPresentColumns()
    {
        var s = new CustomerSummary(["1"], [1], [0.5], [1], frequencyHoldout: [2], durationHoldout: [3]);
        var w = new StringWriter(CultureInfo.InvariantCulture);
        CustomerSummaryCsv.Write(s, w);
        Assert.Equal("customer_id,frequency,recency,T,frequency_holdout,duration_holdout\n1,1,0.5,1,2,3\n", w.ToString());
    }

    [Fact]
    public void SummarizerOutputRoundTrips()
    {
        var log = new TransactionLogOptions { CustomerColumn = "masterid", DateFormat = "yyyyMMdd", AmountColumn = "sales" };
        var window = new SummaryOptions { CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
        CustomerSummary s = Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), log, window).Summary;
        var w = new StringWriter(CultureInfo.InvariantCulture);
        CustomerSummaryCsv.Write(s, w);
        string path = TestFiles.Temp("cdnow-summary.csv", w.ToString());
        CustomerSummary back = CustomerSummaryCsv.Read(path);
        AssertBits(s.T, back.T);
        AssertBits(s.MonetaryValue!, back.MonetaryValue!);
        AssertBits(s.MonetaryValueHoldout!, back.MonetaryValueHoldout!);
    }

    private static void AssertBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
    }
}
