using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Every bad summary file names the file, the line and the column.</summary>
public class CustomerSummaryCsvErrorTests
{
    private static ClvDataException Fails(string name, string content, SummaryCsvOptions? options = null)
    {
        string path = TestFiles.Temp(name, content);
        return Assert.Throws<ClvDataException>(() => CustomerSummaryCsv.Read(path, options));
    }

    [Fact]
    public void MissingFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "clv-no-such-dir", "nosummary.csv");
        var e = Assert.Throws<ClvDataException>(() => CustomerSummaryCsv.Read(path));
        Assert.Contains("nosummary.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumnListsFoundColumns()
    {
        var e = Fails("nocol.csv", "id,frequency,T\n1,0,3\n");
        TestFiles.AssertNames(e, "nocol.csv", 1, "recency");
        Assert.Contains("'id', 'frequency', 'T'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'t_x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConfiguredColumn()
    {
        var e = Fails("nocol2.csv", "id,frequency,recency,T\n1,0,0,3\n", new SummaryCsvOptions { MonetaryColumn = "spend" });
        TestFiles.AssertNames(e, "nocol2.csv", 1, "spend");
    }

    [Fact]
    public void EmptyFile()
    {
        var e = Fails("empty.csv", "");
        Assert.Contains("empty.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDataRows() =>
        TestFiles.AssertNames(Fails("header.csv", "ID,frequency,recency,T\r\n"), "header.csv", 2, "ID");

    [Theory]
    [InlineData("1,abc,0,3", "frequency")]
    [InlineData("1,0,,3", "recency")]
    [InlineData("1,1,NaN,3", "recency")]
    [InlineData("1,1,1,Infinity", "T")]
    [InlineData("1,-1,0,3", "frequency")]
    [InlineData("1,1.5,1,3", "frequency")]
    [InlineData("1,1,-1,3", "recency")]
    [InlineData("1,1,1,-3", "T")]
    [InlineData("1,1,4,3", "recency")]
    [InlineData("1,0,1,3", "recency")]
    [InlineData("1,1,1,3,-2", "monetary_value")]
    [InlineData(",1,1,3,2", "customer_id")]
    public void BadValue(string row, string column)
    {
        var e = Fails("bad.csv", $"customer_id,frequency,recency,T,monetary_value\n1x,0,0,1,0\n{row}\n");
        TestFiles.AssertNames(e, "bad.csv", 3, column);
    }

    [Fact]
    public void AliasColumnNamesAreReportedAsInTheFile()
    {
        var e = Fails("alias.csv", "row,x,t.x,T.cal,x.star\n1,0,0,3,0\n2,1,5,3,0\n");
        TestFiles.AssertNames(e, "alias.csv", 3, "t.x");
    }

    [Fact]
    public void NonIntegerHoldoutFrequency()
    {
        var e = Fails("hold.csv", "row,x,t.x,T.cal,x.star\n1,0,0,3,0.5\n");
        TestFiles.AssertNames(e, "hold.csv", 2, "x.star");
    }

    [Fact]
    public void DuplicateIdNamesBothLines()
    {
        var e = Fails("dup.csv", "ID,frequency,recency,T\n7,0,0,3\n8,0,0,3\n7,1,1,3\n");
        TestFiles.AssertNames(e, "dup.csv", 4, "ID");
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'7'", e.Message, StringComparison.Ordinal);
    }
}
