using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Tests.Data;

namespace Clv.Models.Tests.Covariates;

/// <summary>Reading covariate CSVs (numeric, categorical dummies, reference levels) and joining them to a summary, with the errors.</summary>
public class CovariateTableTests
{
    private static CustomerSummary Summary(params string[] ids) =>
        new(ids, new double[ids.Length], new double[ids.Length], Enumerable.Repeat(10.0, ids.Length).ToArray());

    private static CovariateTable Read(string csv, CovariateCsvOptions? options = null, string name = "cov.csv") =>
        CovariateTableCsv.Read(Data.TestFiles.Temp(name, csv), options);

    [Fact]
    public void Numeric_columns_are_read_and_categorical_columns_become_k_minus_1_dummies()
    {
        var t = Read("customer_id,age,channel\nc1,30,web\nc2,41.5,mail\nc3,25,store\nc4,60,web\n");
        Assert.Equal(["age", "channel=store", "channel=web"], t.Names);
        var cat = Assert.Single(t.Categorical);
        Assert.Equal("mail", cat.ReferenceLevel);
        Assert.Equal(["mail", "store", "web"], cat.Levels);
        Assert.Equal([30, 41.5, 25, 60], t.Column(0).ToArray());
        Assert.Equal([0.0, 0, 1, 0], t.Column(1).ToArray());
        Assert.Equal([1.0, 0, 0, 1], t.Column(2).ToArray());
        Assert.Equal(["channel=store", "channel=web"], t.Expand("channel"));
        Assert.Equal(["age"], t.Expand("age"));
    }

    [Fact]
    public void Reference_level_and_declared_categorical_columns_are_honoured()
    {
        var t = Read("id,store,channel\n1,7,web\n2,3,mail\n3,7,store\n",
            new CovariateCsvOptions { Categorical = ["store"], ReferenceLevels = new Dictionary<string, string> { ["channel"] = "web" } });
        Assert.Equal(["store=7", "channel=mail", "channel=store"], t.Names);
        Assert.Equal([1.0, 0, 1], t.Column(0).ToArray());
        Assert.Equal([0.0, 1, 0], t.Column(1).ToArray());
    }

    [Fact]
    public void Alignment_follows_the_summary_order()
    {
        var t = Read("customer_id,z\nb,2\na,1\nc,3\n");
        var aligned = t.AlignTo(Summary("a", "b", "c"));
        Assert.Equal([1.0, 2, 3], aligned.Column(0).ToArray());
    }

    [Fact]
    public void A_summary_customer_without_covariates_is_an_error()
    {
        var t = Read("customer_id,z\na,1\nb,2\n");
        var e = Assert.Throws<ClvDataException>(() => t.AlignTo(Summary("a", "b", "c"), "rfm.csv"));
        Assert.Contains("cov.csv", e.Message);
        Assert.Contains("'c'", e.Message);
        Assert.Contains("row 3 of the summary rfm.csv", e.Message);
        Assert.Equal("customer_id", e.Column);
    }

    [Fact]
    public void A_covariate_row_for_a_customer_not_in_the_summary_is_an_error()
    {
        string path = Data.TestFiles.Temp("cov.csv", "customer_id,z\na,1\nx,5\nb,2\n");
        var t = CovariateTableCsv.Read(path);
        var e = Assert.Throws<ClvDataException>(() => t.AlignTo(Summary("a", "b")));
        Data.TestFiles.AssertNames(e, path, 3, "customer_id");
        Assert.Contains("'x' is not in the summary", e.Message);
    }

    [Theory]
    [InlineData("customer_id,z\na,1\nb,2\na,3\n", 4, "customer_id", "duplicate customer id 'a', already on line 2")]
    [InlineData("customer_id,z\na,1\nb,\n", 3, "z", "empty cell")]
    [InlineData("customer_id,z\na,1\nb,NaN\n", 3, "z", "expected a finite number but got 'NaN'")]
    [InlineData("customer_id,z\na,1\nb,1e999\n", 3, "z", "expected a finite number")]
    [InlineData("customer_id,z\na,1\nb,abc\n", 3, "z", "'abc' in a column of numbers")]
    [InlineData("customer_id,z\na,web\nb,3\n", 3, "z", "'3' in a column of category labels")]
    [InlineData("customer_id,z\na,1\n,2\n", 3, "customer_id", "empty customer id")]
    public void Bad_cells_and_ids_name_file_line_and_column(string csv, long line, string column, string problem)
    {
        string path = Data.TestFiles.Temp("cov.csv", csv);
        var e = Assert.Throws<ClvDataException>(() => CovariateTableCsv.Read(path));
        Data.TestFiles.AssertNames(e, path, line, column);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Single_level_categories_unknown_reference_levels_and_unknown_names_are_errors()
    {
        var single = Assert.Throws<ClvDataException>(() => Read("customer_id,g\na,x\nb,x\n"));
        Assert.Contains("single level 'x'", single.Message);
        var reference = Assert.Throws<ClvDataException>(() => Read("customer_id,g\na,x\nb,y\n",
            new CovariateCsvOptions { ReferenceLevels = new Dictionary<string, string> { ["g"] = "z" } }));
        Assert.Contains("reference level 'z' does not occur", reference.Message);
        var t = Read("customer_id,g\na,x\nb,y\n");
        var unknown = Assert.Throws<ClvDataException>(() => CovariateDesign.Resolve(new CovariateSpec { Purchase = ["age"] }, t));
        Assert.Contains("no covariate named 'age'", unknown.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CovariateDesign.Resolve(new CovariateSpec { Purchase = ["g"], PurchasePenalty = -1 }, t));
    }

    [Fact]
    public void In_memory_tables_validate_ids_and_values()
    {
        Assert.Throws<ClvDataException>(() => CovariateTable.Create(["a", "a"], ["z"], [[1.0, 2.0]]));
        var e = Assert.Throws<ClvDataException>(() => CovariateTable.Create(["a", "b"], ["z"], [[1.0, double.NaN]]));
        Assert.Equal("z", e.Column);
        Assert.Throws<ClvDataException>(() => CovariateTable.Create(["a", "b"], ["z"], [[1.0]]));
    }
}
