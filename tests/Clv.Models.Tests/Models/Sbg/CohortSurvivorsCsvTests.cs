using Clv.Models.Sbg;
using DataFiles = Clv.Models.Tests.Data.TestFiles;

namespace Clv.Models.Tests.Models.Sbg;

/// <summary>Reading `period,survivors[,cohort]`, and every bad file naming the file, the line and the column.</summary>
public class CohortSurvivorsCsvTests
{
    private static ClvDataException Fails(string name, string content)
    {
        string path = DataFiles.Temp(name, content);
        return Assert.Throws<ClvDataException>(() => CohortSurvivorsCsv.Read(path));
    }

    [Fact]
    public void Reads_interleaved_cohorts_of_different_ages_in_any_column_order()
    {
        string path = DataFiles.Temp("c.csv", "survivors,cohort,period\n100,a,0\n50,b,0\n80,a,1\n40,b,1\n70,a,2\n");
        var data = CohortSurvivorsCsv.Read(path);
        Assert.Equal(["a", "b"], data.CohortNames);
        Assert.Equal([100.0, 80, 70], data.SurvivorsOf(0).ToArray());
        Assert.Equal([50.0, 40], data.SurvivorsOf(1).ToArray());
        Assert.Equal(2, data.LastPeriod(0));
        Assert.Equal(1, data.LastPeriod(1));
        Assert.Equal(150, data.TotalCustomers);
        Assert.Equal(5, data.Count);
        Assert.Equal("b", data.Cohort[3]);
        Assert.Equal(1, data.Period[3]);
    }

    [Fact]
    public void Without_a_cohort_column_all_rows_are_one_cohort()
    {
        var data = CohortSurvivorsCsv.Read(DataFiles.Temp("one.csv", "period,survivors\r\n0,1000\r\n1,631\r\n2,468"));
        Assert.Equal([""], data.CohortNames);
        Assert.Equal([1000.0, 631, 468], data.SurvivorsOf(0).ToArray());
    }

    [Fact]
    public void Missing_file_and_missing_column()
    {
        var e = Assert.Throws<ClvDataException>(() => CohortSurvivorsCsv.Read(Path.Combine(Path.GetTempPath(), "clv-no-such-dir", "cohorts.csv")));
        Assert.Contains("cohorts.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
        var m = Fails("nocol.csv", "period,count\n0,10\n");
        DataFiles.AssertNames(m, "nocol.csv", 1, "survivors");
        Assert.Contains("'period', 'count'", m.Message, StringComparison.Ordinal);
        Assert.Contains("empty", Fails("empty.csv", "").Message, StringComparison.Ordinal);
        Assert.Contains("no data rows", Fails("header.csv", "period,survivors\n").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period,survivors\n1,100\n", 2, "period", "expected its first row at period 0")]
    [InlineData("period,survivors\n0,0\n", 2, "survivors", "cohort size > 0")]
    [InlineData("period,survivors\n0,100\n1,120\n", 3, "survivors", "cannot increase")]
    [InlineData("period,survivors\n0,100\n2,90\n", 3, "period", "consecutive periods")]
    [InlineData("period,survivors\n0,100\n1,90\n1,80\n", 4, "period", "already has period 1")]
    [InlineData("period,survivors\n0,100\n1,90.5\n", 3, "survivors", "whole number")]
    [InlineData("period,survivors\n0,100\n1,-1\n", 3, "survivors", "whole number")]
    [InlineData("period,survivors\n0,100\n1.5,90\n", 3, "period", "whole period number")]
    [InlineData("period,survivors\n0,100\nx,90\n", 3, "period", "expected a number but got 'x'")]
    [InlineData("period,survivors\n0,100\n1,NaN\n", 3, "survivors", "expected a finite number")]
    [InlineData("cohort,period,survivors\na,0,100\n,1,90\n", 3, "cohort", "empty cohort name")]
    [InlineData("cohort,period,survivors\na,0,100\nb,0,50\nb,1,60\n", 4, "survivors", "cohort 'b'")]
    public void Bad_rows_name_file_line_and_column(string content, long line, string column, string fragment)
    {
        var e = Fails("bad.csv", content);
        DataFiles.AssertNames(e, "bad.csv", line, column);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_names_are_reported_as_written()
    {
        var e = Fails("year.csv", "Year,Active\n0,100\n1,101\n");
        DataFiles.AssertNames(e, "year.csv", 3, "Active");
    }

    [Fact]
    public void Constructor_checks_lengths_and_rows_by_index()
    {
        var e = Assert.Throws<ClvDataException>(() => new CohortSurvivors(["a", "a"], [0, 1], [10.0], "cols"));
        Assert.Equal("survivors", e.Column);
        var r = Assert.Throws<ClvDataException>(() => CohortSurvivors.FromCounts("x", [10, 11]));
        Assert.Contains("(row 1)", r.Message, StringComparison.Ordinal);
    }
}
