using System.Text;
using Clv.Models.BgBb;

namespace Clv.Models.Tests.Models.BgBb;

public class OpportunitySummaryCsvTests
{
    private static OpportunitySummary Read(string csv) => OpportunitySummaryCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "in.csv");

    private static ClvDataException Bad(string csv) => Assert.Throws<ClvDataException>(() => Read(csv));

    [Fact]
    public void Reads_the_donations_file_with_its_weights_column()
    {
        var d = DonationsFixture.Data;
        Assert.True(d.HasWeights);
        Assert.Equal((0, 0, 6, 3464.0), (d.Frequency[0], d.Recency[0], d.Periods[0], d.Weight(0)));
        Assert.Equal((6, 6, 6, 1203.0), (d.Frequency[21], d.Recency[21], d.Periods[21], d.Weight(21)));
    }

    [Fact]
    public void Reads_ids_and_the_summariser_header_without_weights()
    {
        var d = Read("customer_id,frequency,recency,T\na,2,5,7\nb,0,0,3\n");
        Assert.False(d.HasWeights);
        Assert.Equal(["a", "b"], d.CustomerIds!);
        Assert.Equal([2, 0], d.Frequency.ToArray());
        Assert.Equal([5, 0], d.Recency.ToArray());
        Assert.Equal([7, 3], d.Periods.ToArray());
        Assert.Equal(2, d.TotalWeight);
    }

    [Theory]
    [InlineData("frequency,recency,periods\n1.5,2,6\n", 2, "frequency", "whole number")]
    [InlineData("frequency,recency,periods\n1,2,x\n", 2, "periods", "expected a number")]
    [InlineData("frequency,recency,periods\n1,2,6\n1,7,6\n", 3, "recency", "exceeds the number of opportunities")]
    [InlineData("frequency,recency,periods\n3,2,6\n", 2, "frequency", "exceeds recency")]
    [InlineData("frequency,recency,periods\n0,2,6\n", 2, "recency", "must be 0")]
    [InlineData("frequency,recency,periods\n-1,2,6\n", 2, "frequency", "whole number")]
    [InlineData("frequency,recency,periods,weight\n1,2,6,-3\n", 2, "weight", ">= 0")]
    [InlineData("frequency,recency,periods,weight\n1,2,6,nan\n", 2, "weight", "finite")]
    public void Bad_values_name_the_line_column_and_expectation(string csv, long line, string column, string expected)
    {
        var e = Bad(csv);
        Assert.Equal("in.csv", e.Source);
        Assert.Equal(line, e.Row);
        Assert.Equal(column, e.Column);
        Assert.Contains(expected, e.Problem);
    }

    [Fact]
    public void Missing_column_and_empty_inputs_are_errors()
    {
        var e = Bad("frequency,recency\n1,2\n");
        Assert.Equal("periods", e.Column);
        Assert.Contains("missing column", e.Problem);
        Assert.Contains("no data rows", Bad("frequency,recency,periods\n").Problem);
        Assert.Contains("empty", Bad("").Problem);
        Assert.Contains("not found", Assert.Throws<ClvDataException>(() => OpportunitySummaryCsv.Read("/nonexistent/x.csv")).Problem);
    }

    [Fact]
    public void Constructor_validates_rows_and_lengths()
    {
        Assert.Throws<ClvDataException>(() => new OpportunitySummary([1], [2], [1]));
        Assert.Throws<ClvDataException>(() => new OpportunitySummary([1, 2], [2], [3]));
        Assert.Throws<ClvDataException>(() => new OpportunitySummary([1], [2], [3], [double.PositiveInfinity]));
    }
}
