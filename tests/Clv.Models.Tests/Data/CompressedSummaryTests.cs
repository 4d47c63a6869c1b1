using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>The compressed summary: built from CDNOW, fitted to the same bits as the customers, written and read back.</summary>
public class CompressedSummaryTests
{
    /// <summary>The CDNOW weekly summary (calibration to 1997-09-30, with spend), shared with the Parquet tests.</summary>
    internal static readonly Lazy<CustomerSummary> Cdnow = new(() => Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"),
        new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd", AmountColumn = "sales" },
        new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30) }).Summary);

    /// <summary>Every number a fit reports: estimates, standard errors, intervals, covariance, log-likelihood, observations.</summary>
    internal static void AssertSameFit(MaximumLikelihoodEstimate expected, MaximumLikelihoodEstimate actual)
    {
        Assert.Equal(expected.Parameters, actual.Parameters); // records: name, value, SE, bounds, compared exactly
        Assert.Equal(expected.LogLikelihood, actual.LogLikelihood);
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.CovarianceMatrix(), actual.CovarianceMatrix());
        Assert.Equal(expected.InformationEigenvalues, actual.InformationEigenvalues);
        Assert.True(actual.Convergence.Converged);
    }

    [Fact]
    public void Cdnow_counts_match_a_group_by_of_the_customers()
    {
        var s = Cdnow.Value;
        var compressed = CompressedSummary.From(s);
        var groups = Enumerable.Range(0, s.Count)
            .GroupBy(i => (s.Frequency[i], s.Recency[i], s.T[i]))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2).ThenBy(g => g.Key.Item3)
            .ToArray();
        Assert.Equal(groups.Length, compressed.Rows);
        Assert.Equal(groups.Select(g => g.Key.Item1), compressed.Frequency);
        Assert.Equal(groups.Select(g => g.Key.Item2), compressed.Recency);
        Assert.Equal(groups.Select(g => g.Key.Item3), compressed.T);
        Assert.Equal(groups.Select(g => (double)g.Count()), compressed.Count);
        Assert.Equal(2357, compressed.Customers);
        Assert.True(compressed.Rows < s.Count / 2);

        var spend = compressed.Spend!;
        var repeat = Enumerable.Range(0, s.Count).Where(i => s.Frequency[i] > 0)
            .GroupBy(i => (s.Frequency[i], s.MonetaryValue![i])).OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2).ToArray();
        Assert.Equal(946, spend.Customers);
        Assert.Equal(repeat.Select(g => g.Key.Item1), spend.Frequency);
        Assert.Equal(repeat.Select(g => g.Key.Item2), spend.MonetaryValue);
        Assert.Equal(repeat.Select(g => (double)g.Count()), spend.Count);
    }

    [Fact]
    public void Fits_on_the_compressed_cdnow_table_equal_the_fits_on_the_customers_to_the_last_bit()
    {
        var s = Cdnow.Value;
        var compressed = CompressedSummary.From(s);
        var bg = new BgNbdModel().Fit(s);
        AssertSameFit(bg.Estimate, new BgNbdModel().Fit(compressed).Estimate);
        Assert.Equal(0.2426, bg.Parameters.R, 4e-4); // FHL 2005: the fit is the published one, not just self-consistent
        AssertSameFit(new ParetoNbdModel().Fit(s).Estimate, new ParetoNbdModel().Fit(compressed).Estimate);
        AssertSameFit(new MbgNbdModel().Fit(s).Estimate, new MbgNbdModel().Fit(compressed).Estimate);
        var gg = new GammaGammaModel().Fit(s);
        var ggCompressed = new GammaGammaModel().Fit(compressed);
        AssertSameFit(gg.Estimate, ggCompressed.Estimate);
        Assert.Equal(gg.FrequencySpendCorrelation, ggCompressed.FrequencySpendCorrelation);
        Assert.Equal(6.2488, gg.Parameters.P, 5e-3); // Fader & Hardie 2013
    }

    [Fact]
    public void A_fit_does_not_depend_on_the_order_of_the_customers()
    {
        var s = Cdnow.Value;
        var order = Enumerable.Range(0, s.Count).OrderBy(i => (i * 7919) % s.Count).ToArray();
        double[] Pick(double[] c) => [.. order.Select(i => c[i])];
        var shuffled = new CustomerSummary([.. order.Select(i => s.CustomerIds[i])], Pick(s.Frequency), Pick(s.Recency), Pick(s.T), Pick(s.MonetaryValue!));
        AssertSameFit(new BgNbdModel().Fit(s).Estimate, new BgNbdModel().Fit(shuffled).Estimate);
        AssertSameFit(new GammaGammaModel().Fit(s).Estimate, new GammaGammaModel().Fit(shuffled).Estimate);
    }

    [Fact]
    public void Weighted_rows_fit_like_the_customers_they_stand_for()
    {
        // An independent check of the weights: a table with counts against the same rows written out one per customer.
        double[] x = [0, 1, 1, 3, 5], tx = [0, 2.5, 4, 10, 20], t = [30, 30, 25, 30, 28], count = [40, 7, 5, 3, 2];
        var compressed = new CompressedSummary(x, tx, t, count);
        var rows = Enumerable.Range(0, x.Length).SelectMany(i => Enumerable.Repeat(i, (int)count[i])).ToArray();
        var fit = new BgNbdModel().Fit([.. rows.Select(i => x[i])], [.. rows.Select(i => tx[i])], [.. rows.Select(i => t[i])]);
        AssertSameFit(fit.Estimate, new BgNbdModel().Fit(compressed).Estimate);
        Assert.Equal(57, compressed.Customers);
    }

    [Fact]
    public void Csv_round_trip_gives_back_the_same_bits_and_the_same_fit()
    {
        var compressed = CompressedSummary.From(Cdnow.Value);
        string path = TestFiles.Temp("rfm.csv", "");
        CompressedSummaryCsv.Write(compressed, path);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "rfm.spend.csv")));
        Assert.Equal("frequency,recency,T,count", File.ReadLines(path).First());
        Assert.Equal("frequency,monetary_value,count", File.ReadLines(CompressedSummaryCsv.SpendPath(path)).First());
        Assert.Equal(SummaryTableKind.CompressedPurchases, CompressedSummaryCsv.Detect(path));
        Assert.Equal(SummaryTableKind.CompressedSpend, CompressedSummaryCsv.Detect(CompressedSummaryCsv.SpendPath(path)));

        var back = CompressedSummaryCsv.Read(path);
        Assert.Equal(compressed.Frequency, back.Frequency);
        Assert.Equal(compressed.Recency, back.Recency);
        Assert.Equal(compressed.T, back.T);
        Assert.Equal(compressed.Count, back.Count);
        Assert.Equal(compressed.Spend!.MonetaryValue, back.Spend!.MonetaryValue);
        Assert.Equal(compressed.Spend.Count, back.Spend.Count);
        AssertSameFit(new BgNbdModel().Fit(Cdnow.Value).Estimate, new BgNbdModel().Fit(back).Estimate);
        AssertSameFit(new GammaGammaModel().Fit(Cdnow.Value).Estimate, new GammaGammaModel().Fit(back).Estimate);
    }

    [Fact]
    public void Repeated_and_unsorted_rows_are_merged_and_sorted()
    {
        string path = TestFiles.Temp("shards.csv", "frequency,recency,T,count\n2,5,30,1\n0,0,30,4\n2,5,30,2\n1,3,30,1\n0,0,30,6\n");
        var c = CompressedSummaryCsv.Read(path);
        Assert.Equal([0.0, 1, 2], c.Frequency);
        Assert.Equal([10.0, 1, 3], c.Count);
        Assert.Equal(14, c.Customers);
        Assert.Null(c.Spend);
        Assert.Equal(SummaryTableKind.Customers, CompressedSummaryCsv.Detect(["customer_id", "frequency", "recency", "T"]));
    }

    private static ClvDataException Fails(string name, string content, bool spend = false)
    {
        string path = TestFiles.Temp(name, content);
        return Assert.Throws<ClvDataException>(() => spend ? CompressedSummaryCsv.ReadSpend(path) : CompressedSummaryCsv.Read(path));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("NaN")]
    public void A_count_that_is_not_a_whole_number_of_customers_names_file_line_and_column(string count)
    {
        var e = Fails("badcount.csv", $"frequency,recency,T,count\n0,0,30,4\n1,2,30,{count}\n");
        TestFiles.AssertNames(e, "badcount.csv", 3, "count");
        Assert.Contains(count == "NaN" ? "finite number" : "whole number of customers >= 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recency_above_T_names_the_row()
    {
        var e = Fails("late.csv", "frequency,recency,T,count\n1,31,30,2\n");
        TestFiles.AssertNames(e, "late.csv", 2, "recency");
        Assert.Contains("exceeds T", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_list_what_the_header_has()
    {
        var e = Fails("nocount.csv", "frequency,recency,T,n\n1,3,30,2\n");
        TestFiles.AssertNames(e, "nocount.csv", 1, "count");
        Assert.Contains("'frequency', 'recency', 'T', 'n'", e.Message, StringComparison.Ordinal);
        var m = Fails("nospend.spend.csv", "frequency,count\n1,2\n", spend: true);
        TestFiles.AssertNames(m, "nospend.spend.csv", 1, "monetary_value");
        var empty = Fails("header.csv", "frequency,recency,T,count\n");
        Assert.Contains("no data rows", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spend_rows_need_a_repeat_purchase_and_a_positive_spend()
    {
        TestFiles.AssertNames(Fails("s.spend.csv", "frequency,monetary_value,count\n0,10,2\n", spend: true), "s.spend.csv", 2, "frequency");
        TestFiles.AssertNames(Fails("s.spend.csv", "frequency,monetary_value,count\n2,0,2\n", spend: true), "s.spend.csv", 2, "monetary_value");
        TestFiles.AssertNames(Fails("s.spend.csv", "frequency,monetary_value,count\n2,5,0\n", spend: true), "s.spend.csv", 2, "count");
    }

    [Fact]
    public void Constructor_checks_lengths_and_values()
    {
        Assert.Throws<ClvDataException>(() => new CompressedSummary([1], [0.5], [3], [1, 2]));
        Assert.Throws<ClvDataException>(() => new CompressedSummary([1], [0.5], [3], [0]));
        Assert.Throws<ClvDataException>(() => new CompressedSummary([], [], [], []));
        Assert.Throws<ClvDataException>(() => new CompressedSpend([1], [-2], [1]));
        var noSpend = new CompressedSummary([1], [0.5], [3], [2]);
        var e = Assert.Throws<ClvDataException>(() => new GammaGammaModel().Fit(noSpend));
        Assert.Contains("no spend table", e.Message, StringComparison.Ordinal);
    }
}
