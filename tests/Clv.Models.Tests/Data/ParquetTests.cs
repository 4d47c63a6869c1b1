using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Parquet;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Parquet summaries: CDNOW written and read back to the bit, fits equal to the CSV's, and clear errors for bad files.</summary>
public class ParquetTests
{
    private static Lazy<CustomerSummary> Cdnow => CompressedSummaryTests.Cdnow;

    /// <summary>A path named <paramref name="name"/> in a new temporary folder.</summary>
    internal static string TempPath(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "clv-parquet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static void AssertBits(double[]? expected, double[]? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Cdnow_summary_round_trips_to_the_bit()
    {
        var s = Cdnow.Value;
        string path = TempPath("rfm.parquet");
        CustomerSummaryParquet.Write(s, path);
        var back = CustomerSummaryParquet.Read(path);
        Assert.Equal(2357, back.Count);
        Assert.Equal(s.CustomerIds, back.CustomerIds);
        AssertBits(s.Frequency, back.Frequency);
        AssertBits(s.Recency, back.Recency);
        AssertBits(s.T, back.T);
        AssertBits(s.MonetaryValue, back.MonetaryValue);
        Assert.Null(back.FrequencyHoldout);
        Assert.Equal(SummaryTableKind.Customers, CompressedSummaryParquet.Detect(path));
    }

    [Fact]
    public void Cdnow_compressed_table_and_spend_table_round_trip_to_the_bit()
    {
        var c = CompressedSummary.From(Cdnow.Value);
        string path = TempPath("rfm-c.parquet");
        CompressedSummaryParquet.Write(c, path);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".spend.parquet")));
        Assert.Equal(SummaryTableKind.CompressedPurchases, CompressedSummaryParquet.Detect(path));
        Assert.Equal(SummaryTableKind.CompressedSpend, CompressedSummaryParquet.Detect(CompressedSummaryCsv.SpendPath(path)));
        var back = CompressedSummaryParquet.Read(path);
        Assert.Equal(c.Rows, back.Rows);
        Assert.Equal(2357, back.Customers);
        AssertBits(c.Frequency, back.Frequency);
        AssertBits(c.Recency, back.Recency);
        AssertBits(c.T, back.T);
        AssertBits(c.Count, back.Count);
        Assert.Equal(946, back.Spend!.Customers);
        AssertBits(c.Spend!.Frequency, back.Spend.Frequency);
        AssertBits(c.Spend.MonetaryValue, back.Spend.MonetaryValue);
        AssertBits(c.Spend.Count, back.Spend.Count);
    }

    [Fact]
    public void Bg_nbd_fit_from_the_parquet_summary_equals_the_fit_from_the_csv()
    {
        var csv = CustomerSummaryCsv.Read(TestFiles.Sample("cdnow_customers_summary.csv"));
        string path = TempPath("cdnow.parquet");
        CustomerSummaryParquet.Write(csv, path);
        var parquet = CustomerSummaryParquet.Read(path);
        var fromCsv = new BgNbdModel().Fit(csv);
        CompressedSummaryTests.AssertSameFit(fromCsv.Estimate, new BgNbdModel().Fit(parquet).Estimate);
        // Published CDNOW estimate (Fader, Hardie and Lee 2005): r = 0.243.
        Assert.Equal(0.243, fromCsv.Parameters.R, 3);

        string cpath = TempPath("cdnow-c.parquet");
        CompressedSummaryParquet.Write(CompressedSummary.From(csv), cpath);
        CompressedSummaryTests.AssertSameFit(fromCsv.Estimate, new BgNbdModel().Fit(CompressedSummaryParquet.Read(cpath)).Estimate);
    }

    [Fact]
    public void A_missing_column_names_the_file_the_column_and_what_is_expected()
    {
        string path = TempPath("norecency.parquet");
        ParquetTable.Write(path, "customer_id", ["a", "b"], [("frequency", new[] { 1.0, 0 }), ("T", new[] { 5.0, 5 })]);
        var e = Assert.Throws<ClvDataException>(() => CustomerSummaryParquet.Read(path));
        Assert.Equal(path, e.Source);
        Assert.Equal("recency", e.Column);
        Assert.Contains("no such column", e.Message, StringComparison.Ordinal);
        Assert.Contains("DOUBLE", e.Message, StringComparison.Ordinal);
        Assert.Contains("customer_id, frequency, T", e.Message, StringComparison.Ordinal);

        var c = Assert.Throws<ClvDataException>(() => CompressedSummaryParquet.Read(path));
        Assert.Equal("recency", c.Column);
    }

    [Fact]
    public void A_wrong_type_column_and_a_null_are_errors_naming_the_column_and_row()
    {
        string path = TempPath("int.parquet");
        var id = new DataField("customer_id", typeof(string), isNullable: false);
        var freq = new DataField("frequency", typeof(long), isNullable: false);
        var rec = new DataField("recency", typeof(double), isNullable: true);
        var t = new DataField("T", typeof(double), isNullable: false);
        WriteFile(path, new ParquetSchema(id, freq, rec, t), async g =>
        {
            await g.WriteAsync(id, new[] { "a", "b", "c" });
            await g.WriteAsync<long>(freq, new long[] { 1, 0, 2 });
            await g.WriteAsync<double>(rec, new double?[] { 2.0, 0, 3 });
            await g.WriteAsync<double>(t, new[] { 5.0, 5, 5 });
        });
        var e = Assert.Throws<ClvDataException>(() => CustomerSummaryParquet.Read(path));
        Assert.Equal("frequency", e.Column);
        Assert.Contains("expected a DOUBLE (float64) column but it holds Int64 values", e.Message, StringComparison.Ordinal);
        Assert.Contains("int.parquet", e.Message, StringComparison.Ordinal);

        string nulls = TempPath("null.parquet");
        var freqD = new DataField("frequency", typeof(double), isNullable: false);
        WriteFile(nulls, new ParquetSchema(id, freqD, rec, t), async g =>
        {
            await g.WriteAsync(id, new[] { "a", "b", "c" });
            await g.WriteAsync<double>(freqD, new[] { 1.0, 0, 2 });
            await g.WriteAsync<double>(rec, new double?[] { 2.0, 0, null });
            await g.WriteAsync<double>(t, new[] { 5.0, 5, 5 });
        });
        var n = Assert.Throws<ClvDataException>(() => CustomerSummaryParquet.Read(nulls));
        Assert.Equal("recency", n.Column);
        Assert.Contains("null value at row 3 of the file (row group 0, row 3 of the group)", n.Message, StringComparison.Ordinal);

        // A nullable column without nulls reads like a required one.
        var ok = CustomerSummaryParquet.Read(WriteNullableOk());
        Assert.Equal([2.0, 0, 3], ok.Recency);
    }

    private static string WriteNullableOk()
    {
        string path = TempPath("nullable.parquet");
        var id = new DataField("customer_id", typeof(long), isNullable: false);
        var f = new DataField("frequency", typeof(double), isNullable: true);
        var r = new DataField("recency", typeof(double), isNullable: true);
        var t = new DataField("T", typeof(double), isNullable: true);
        WriteFile(path, new ParquetSchema(id, f, r, t), async g =>
        {
            await g.WriteAsync<long>(id, new long[] { 10, 11, 12 });
            await g.WriteAsync<double>(f, new double?[] { 1.0, 0, 2 });
            await g.WriteAsync<double>(r, new double?[] { 2.0, 0, 3 });
            await g.WriteAsync<double>(t, new double?[] { 5.0, 5, 5 });
        });
        return path;
    }

    /// <summary>Writes a file with one row group per <paramref name="groups"/> writer.</summary>
    internal static void WriteFile(string path, ParquetSchema schema, params Func<ParquetRowGroupWriter, Task>[] groups)
    {
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        foreach (var write in groups)
        {
            using var group = writer.CreateRowGroup();
            write(group).GetAwaiter().GetResult();
        }
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
