using Clv.Models.Covariates;
using DataFiles = Clv.Models.Tests.Data.TestFiles;

namespace Clv.Models.Tests.Covariates;

/// <summary><see cref="CovariateCsvOptions.FixedCategories"/>: a categorical column read with the encoding of a model's file.</summary>
public class FixedCategoriesTests
{
    private static readonly CategoricalCovariate Store = new("store", "north", ["north", "south", "west"], ["store=south", "store=west"]);

    private static CovariateTable Read(string csv, CovariateCsvOptions options) => CovariateTableCsv.Read(DataFiles.Temp("cov.csv", csv), options);

    [Fact]
    public void A_file_showing_one_level_still_gets_every_dummy()
    {
        var t = Read("id,store,age\n1,west,30\n2,west,40\n", new CovariateCsvOptions { FixedCategories = [Store] });
        Assert.Equal(["store=south", "store=west", "age"], t.Names);
        Assert.Equal([0.0, 0], t.Column(0).ToArray());
        Assert.Equal([1.0, 1], t.Column(1).ToArray());
        Assert.Equal([30.0, 40], t.Column(2).ToArray());
        Assert.Same(Store, Assert.Single(t.Categorical));
    }

    [Fact]
    public void A_reference_level_encodes_as_the_full_file_does()
    {
        var full = Read("id,store\n1,north\n2,south\n3,west\n4,north\n", new CovariateCsvOptions { ReferenceLevels = new Dictionary<string, string> { ["store"] = "south" } });
        var encoding = Assert.Single(full.Categorical);
        Assert.Equal(["store=north", "store=west"], full.Names);
        var subset = Read("id,store\n4,north\n2,south\n", new CovariateCsvOptions { FixedCategories = [encoding] });
        Assert.Equal(full.Names, subset.Names);
        for (int k = 0; k < 2; k++) Assert.Equal([full.Column(k)[3], full.Column(k)[1]], subset.Column(k).ToArray());
    }

    [Fact]
    public void Numbers_are_labels_of_a_fixed_category()
    {
        var shop = new CategoricalCovariate("shop", "3", ["3", "7", "9"], ["shop=7", "shop=9"]);
        var t = Read("id,shop\n1,7\n2,3\n3,9\n", new CovariateCsvOptions { FixedCategories = [shop] });
        Assert.Equal(["shop=7", "shop=9"], t.Names);
        Assert.Equal([1.0, 0, 0], t.Column(0).ToArray());
        Assert.Equal([0.0, 0, 1], t.Column(1).ToArray());
    }

    [Fact]
    public void An_unseen_level_names_file_line_column_and_the_known_levels()
    {
        string path = DataFiles.Temp("cov.csv", "id,store\n1,west\n2,east\n");
        var e = Assert.Throws<ClvDataException>(() => CovariateTableCsv.Read(path, new CovariateCsvOptions { FixedCategories = [Store] }));
        DataFiles.AssertNames(e, path, 3, "store");
        Assert.Equal(path, e.Source);
        Assert.Contains("unknown level 'east'; the model knows north, south, west (reference north)", e.Message);
    }
}
