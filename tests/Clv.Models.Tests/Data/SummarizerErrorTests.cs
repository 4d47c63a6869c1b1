using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Every bad input names the file, the line and the column.</summary>
public class SummarizerErrorTests
{
    private static readonly TransactionLogOptions WithAmount = new() { AmountColumn = "amount" };

    private static ClvDataException Fails(string name, string content, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        string path = TestFiles.Temp(name, content);
        return Assert.Throws<ClvDataException>(() => Summarizer.Summarize(path, log ?? WithAmount, options));
    }

    [Fact]
    public void MissingColumnListsTheColumnsFound()
    {
        var e = Fails("nocol.csv", "id,date,amount\n1,2020-01-01,3\n");
        TestFiles.AssertNames(e, "nocol.csv", 1, "customer_id");
        Assert.Contains("'id', 'date', 'amount'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAmountColumn()
    {
        var e = Fails("noamount.csv", "customer_id,date\n1,2020-01-01\n");
        TestFiles.AssertNames(e, "noamount.csv", 1, "amount");
    }

    [Fact]
    public void UnparsableDateShowsValueAndFormat()
    {
        var e = Fails("baddate.csv", "customer_id,date,amount\n1,2020-01-01,3\n1,2020-13-01,3\n");
        TestFiles.AssertNames(e, "baddate.csv", 3, "date");
        Assert.Contains("'2020-13-01'", e.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsableDateWithCustomFormat()
    {
        var log = WithAmount with { DateFormat = "yyyyMMdd" };
        var e = Fails("baddate2.csv", "customer_id,date,amount\r\n1,19970101,3\r\n\r\n1,1997-01-02,3\r\n", log);
        TestFiles.AssertNames(e, "baddate2.csv", 4, "date");
        Assert.Contains("'1997-01-02'", e.Message, StringComparison.Ordinal);
        Assert.Contains("yyyyMMdd", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    [InlineData("")]
    public void BadAmount(string amount)
    {
        var e = Fails("badamount.csv", $"customer_id,date,amount\n1,2020-01-01,3\n2,2020-01-01,{amount}\n");
        TestFiles.AssertNames(e, "badamount.csv", 3, "amount");
        Assert.Contains($"'{amount}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile()
    {
        var e = Fails("empty.csv", "");
        Assert.Contains("empty.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDataRows()
    {
        var e = Fails("header.csv", "customer_id,date,amount\n");
        TestFiles.AssertNames(e, "header.csv", 2, "customer_id");
        Assert.Contains("no data rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCustomerId()
    {
        var e = Fails("emptyid.csv", "customer_id,date,amount\n1,2020-01-01,3\n,2020-01-02,3\n");
        TestFiles.AssertNames(e, "emptyid.csv", 3, "customer_id");
    }

    [Fact]
    public void CalibrationEndBeforeFirstTransaction()
    {
        var options = new SummaryOptions { CalibrationEnd = new DateOnly(2019, 12, 31) };
        var e = Fails("early.csv", "customer_id,date,amount\n1,2020-01-05,3\n2,2020-01-01,3\n", options: options);
        TestFiles.AssertNames(e, "early.csv", 3, "date");
        Assert.Contains("2019-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservationEndNotAfterCalibrationEnd()
    {
        var options = new SummaryOptions { CalibrationEnd = new DateOnly(2020, 1, 5), ObservationEnd = new DateOnly(2020, 1, 5) };
        var e = Fails("window.csv", "customer_id,date,amount\n1,2020-01-01,3\n", options: options);
        Assert.Contains("window.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("ObservationEnd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservationEndWithoutCalibrationEnd()
    {
        var options = new SummaryOptions { ObservationEnd = new DateOnly(2020, 1, 5) };
        var e = Fails("window2.csv", "customer_id,date,amount\n1,2020-01-01,3\n", options: options);
        Assert.Contains("requires CalibrationEnd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "clv-no-such-dir", "missing.csv");
        var e = Assert.Throws<ClvDataException>(() => Summarizer.Summarize(path));
        Assert.Contains("missing.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }
}
