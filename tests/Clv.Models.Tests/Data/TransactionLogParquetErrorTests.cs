using Clv.Models.Data;
using Clv.Models.Parquet;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>A Parquet transaction log with a null, a wrong type, a missing column or a bad value fails naming file, row and column.</summary>
public class TransactionLogParquetErrorTests
{
    private static readonly DataField Id = new("customer_id", typeof(string), isNullable: true);
    private static readonly DataField Day = new DateTimeDataField("date", DateTimeFormat.Date, isNullable: true);
    private static readonly DataField Amount = new("amount", typeof(double), isNullable: true);
    private static readonly TransactionLogOptions WithAmount = new() { AmountColumn = "amount" };

    private static readonly DateTime D1 = new(2020, 1, 1), D2 = new(2020, 1, 8);

    /// <summary>Two row groups of 3 and 3 rows: ids, dates, amounts.</summary>
    private static string Log(string name, string?[] ids, DateTime?[] dates, double?[] amounts)
    {
        string path = ParquetTests.TempPath(name);
        Func<ParquetRowGroupWriter, Task> Group(int start) => async g =>
        {
            await g.WriteAsync(Id, ids[start..(start + 3)]!);
            await g.WriteAsync<DateTime>(Day, dates.AsMemory(start, 3));
            await g.WriteAsync<double>(Amount, amounts.AsMemory(start, 3));
        };
        ParquetTests.WriteFile(path, new ParquetSchema(Id, Day, Amount), Group(0), Group(3));
        return path;
    }

    private static string Good(string name) => Log(name, ["a", "b", "a", "c", "b", "a"], [D1, D1, D2, D1, D2, D2], [1, 2, 3, 4, 5, 6]);

    private static ClvDataException Fails(string path, TransactionLogOptions? log = null, SummaryOptions? options = null) =>
        Assert.Throws<ClvDataException>(() => TransactionLogParquet.Summarize(path, log ?? WithAmount, options));

    private static void AssertNames(ClvDataException e, string path, string column, string text)
    {
        Assert.Equal(path, e.Source);
        Assert.Equal(column, e.Column);
        Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(text, StringComparison.Ordinal), e.Message); // the whole message when it fails
    }

    [Fact]
    public void A_small_log_summarises_to_the_hand_computed_rows()
    {
        // a: 2020-01-01 (1), 01-08 (3 + 6 on the same day): x = 1, t_x = 1 week, T = 2 weeks to 2020-01-15, m = 9.
        // b: 01-01 (2), 01-08 (5): x = 1, m = 5. c: 01-01 (4): x = 0, T = 2.
        var s = TransactionLogParquet.Summarize(Good("good.parquet"), WithAmount, new SummaryOptions { CalibrationEnd = new DateOnly(2020, 1, 15) }).Summary;
        Assert.Equal(["a", "b", "c"], s.CustomerIds);
        Assert.Equal([1.0, 1, 0], s.Frequency);
        Assert.Equal([1.0, 1, 0], s.Recency);
        Assert.Equal([2.0, 2, 2], s.T);
        Assert.Equal([9.0, 5, 0], s.MonetaryValue!);
    }

    [Fact]
    public void Float_decimal_and_integer_amounts_read_as_doubles()
    {
        foreach (var field in new DataField[] { new("amount", typeof(float)), new DecimalDataField("amount", 10, 2), new("amount", typeof(int)), new("amount", typeof(long)) })
        {
            string path = ParquetTests.TempPath("typed.parquet");
            var id = new DataField("customer_id", typeof(long));
            var date = new DataField("date", typeof(string));
            ParquetTests.WriteFile(path, new ParquetSchema(id, date, field), async g =>
            {
                await g.WriteAsync<long>(id, new long[] { 7, 7, 7 });
                await g.WriteAsync(date, new[] { "2020-01-01", "2020-01-08T10:00:00Z", "2020-01-15 23:59:59" });
                if (field.ClrType == typeof(float)) await g.WriteAsync<float>(field, new[] { 1f, 2.5f, 3.25f });
                else if (field.ClrType == typeof(decimal)) await g.WriteAsync<decimal>(field, new[] { 1m, 2.5m, 3.25m });
                else if (field.ClrType == typeof(int)) await g.WriteAsync<int>(field, new[] { 1, 2, 4 });
                else await g.WriteAsync<long>(field, new long[] { 1, 2, 4 });
            });
            var s = TransactionLogParquet.Summarize(path, WithAmount).Summary;
            Assert.Equal(["7"], s.CustomerIds);
            Assert.Equal([2.0], s.Frequency);
            Assert.Equal([2.0], s.Recency);
            Assert.Equal(field.ClrType == typeof(float) || field.ClrType == typeof(decimal) ? 2.875 : 3.0, s.MonetaryValue![0]); // mean of the repeat days
        }
    }

    [Fact]
    public void A_null_id_date_or_amount_names_the_file_row_across_row_groups_and_column()
    {
        var n1 = Fails(Log("nullid.parquet", ["a", "b", "a", "c", null, "a"], [D1, D1, D2, D1, D2, D2], [1, 2, 3, 4, 5, 6]));
        AssertNames(n1, n1.Source!, "customer_id", "null value at row 5 of the file (row group 1, row 2 of the group)");
        var n2 = Fails(Log("nulldate.parquet", ["a", "b", "a", "c", "b", "a"], [D1, null, D2, D1, D2, D2], [1, 2, 3, 4, 5, 6]));
        AssertNames(n2, n2.Source!, "date", "null value at row 2 of the file (row group 0, row 2 of the group)");
        var n3 = Fails(Log("nullamount.parquet", ["a", "b", "a", "c", "b", "a"], [D1, D1, D2, D1, D2, D2], [1, 2, 3, 4, 5, null]));
        AssertNames(n3, n3.Source!, "amount", "null value at row 6 of the file (row group 1, row 3 of the group)");
        // Without an amount column the null amount is not read.
        Assert.Equal(3, TransactionLogParquet.Summarize(n3.Source!).Summary.Count);
    }

    [Fact]
    public void Bad_values_name_the_row()
    {
        var negative = Fails(Log("negative.parquet", ["a", "b", "a", "c", "b", "a"], [D1, D1, D2, D1, D2, D2], [1, 2, 3, 4, -5, 6]));
        AssertNames(negative, negative.Source!, "amount", "row 5 of the file: expected a finite number >= 0 but got '-5'");
        var nan = Fails(Log("nan.parquet", ["a", "b", "a", "c", "b", "a"], [D1, D1, D2, D1, D2, D2], [1, double.NaN, 3, 4, 5, 6]));
        AssertNames(nan, nan.Source!, "amount", "row 2 of the file: expected a finite number >= 0 but got 'NaN'");
        var blank = Fails(Log("blank.parquet", ["a", "b", "a", " ", "b", "a"], [D1, D1, D2, D1, D2, D2], [1, 2, 3, 4, 5, 6]));
        AssertNames(blank, blank.Source!, "customer_id", "row 4 of the file: empty customer id");
        var early = Fails(Good("early.parquet"), options: new SummaryOptions { CalibrationEnd = new DateOnly(2019, 12, 31) });
        AssertNames(early, early.Source!, "date", "row 1 of the file: CalibrationEnd 2019-12-31 is before the first transaction (2020-01-01)");
        Assert.Null(early.Row); // a Parquet row is not a line: it is named in the message
    }

    [Fact]
    public void Text_and_integer_dates_use_the_csv_formats()
    {
        string path = ParquetTests.TempPath("dates.parquet");
        var id = new DataField("customer_id", typeof(int));
        var text = new DataField("text", typeof(string));
        var number = new DataField("number", typeof(int));
        ParquetTests.WriteFile(path, new ParquetSchema(id, text, number), async g =>
        {
            await g.WriteAsync<int>(id, new[] { 1, 1 });
            await g.WriteAsync(text, new[] { "2020-01-01", "2020-13-01" });
            await g.WriteAsync<int>(number, new[] { 20200101, 20201301 });
        });
        var bad = Fails(path, new TransactionLogOptions { DateColumn = "text" });
        AssertNames(bad, path, "text", "row 2 of the file: cannot parse the date '2020-13-01'; expected ISO-8601 yyyy-MM-dd");
        var badNumber = Fails(path, new TransactionLogOptions { DateColumn = "number", DateFormat = "yyyyMMdd" });
        AssertNames(badNumber, path, "number", "row 2 of the file: cannot parse the date '20201301'; expected yyyyMMdd");
        var noFormat = Fails(path, new TransactionLogOptions { DateColumn = "number" });
        AssertNames(noFormat, path, "number", "integer dates are read as yyyyMMdd (e.g. 19970101) only with the date format yyyyMMdd");
        var wrongFormat = Fails(path, new TransactionLogOptions { DateColumn = "text", DateFormat = "dd/MM/yyyy" });
        AssertNames(wrongFormat, path, "text", "row 1 of the file: cannot parse the date '2020-01-01'; expected dd/MM/yyyy");
    }

    [Fact]
    public void Wrong_types_and_missing_columns_list_what_is_expected_and_present()
    {
        string path = ParquetTests.TempPath("types.parquet");
        var id = new DataField("customer_id", typeof(double));
        var date = new DataField("date", typeof(double));
        var amount = new DataField("amount", typeof(string));
        var ok = new DataField("ok", typeof(string));
        ParquetTests.WriteFile(path, new ParquetSchema(id, date, amount, ok), async g =>
        {
            await g.WriteAsync<double>(id, new[] { 1.0 });
            await g.WriteAsync<double>(date, new[] { 2.0 });
            await g.WriteAsync(amount, new[] { "3" });
            await g.WriteAsync(ok, new[] { "x" });
        });
        AssertNames(Fails(path), path, "customer_id", "expected a STRING (UTF-8) or INT32/INT64 column but it holds Double values");
        AssertNames(Fails(path, WithAmount with { CustomerColumn = "ok" }), path, "date", "expected a DATE, TIMESTAMP or STRING (or INT32/INT64 yyyyMMdd with the date format yyyyMMdd) column but it holds Double values");
        AssertNames(Fails(path, WithAmount with { CustomerColumn = "ok", DateColumn = "ok" }), path, "amount", "expected a DOUBLE, FLOAT, DECIMAL or INT32/INT64 column but it holds String values");
        var missing = Fails(path, WithAmount with { CustomerColumn = "masterid" });
        AssertNames(missing, path, "masterid", "no such column");
        Assert.Contains("the file has customer_id, date, amount, ok", missing.Message, StringComparison.Ordinal);
        // Names match ignoring case, as in a CSV header: "DATE" finds the column date (and its type is then the error).
        AssertNames(Fails(path, WithAmount with { CustomerColumn = "OK", DateColumn = "DATE" }), path, "date", "but it holds Double values");
    }

    [Fact]
    public void Missing_non_parquet_and_empty_files_are_errors()
    {
        string missing = Path.Combine(Path.GetTempPath(), "clv-no-such-dir", "tx.parquet");
        Assert.Contains("file not found", Fails(missing).Message, StringComparison.Ordinal);
        string text = TestFiles.Temp("tx.parquet", "customer_id,date\na,2020-01-01\n");
        Assert.Contains("not a readable Parquet file", Fails(text).Message, StringComparison.Ordinal);

        string empty = ParquetTests.TempPath("empty.parquet");
        ParquetTests.WriteFile(empty, new ParquetSchema(Id, Day, Amount), async g =>
        {
            await g.WriteAsync(Id, Array.Empty<string>());
            await g.WriteAsync<DateTime>(Day, Array.Empty<DateTime?>());
            await g.WriteAsync<double>(Amount, Array.Empty<double?>());
        });
        AssertNames(Fails(empty), empty, "customer_id", "no data rows");
        var tracking = Assert.Throws<ClvDataException>(() => TransactionLogParquet.ReadRepeatTransactions(empty));
        AssertNames(tracking, empty, "customer_id", "no data rows");
    }
}
