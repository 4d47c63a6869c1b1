using Clv.Models.BgNbd;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;

namespace Clv.Models.Tests.Uncertainty;

public class BootstrapDeterminismTests
{
    private static readonly Clv.Models.Data.CustomerSummary Customers = BootstrapData.BgNbdCustomers(800, seed: 5);
    private static readonly FittedBgNbd Fit = new BgNbdModel().Fit(Customers);

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void The_same_seed_gives_identical_replicates_and_intervals_on_one_thread_and_on_four(BootstrapKind kind)
    {
        var one = Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 12, Seed = 42, Kind = kind, MaxDegreeOfParallelism = 1 });
        var four = Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 12, Seed = 42, Kind = kind, MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Replicates.Select(r => r.Index), four.Replicates.Select(r => r.Index));
        for (int b = 0; b < one.Replicates.Count; b++) Assert.Equal(one.Replicates[b].Parameters, four.Replicates[b].Parameters); // bit-identical
        Assert.Equal(one.Parameters, four.Parameters);

        var valuation = new ValuationOptions { DiscountRate = 0.01 };
        var a = one.Predict(Customers, 39, valuation);
        var c = four.Predict(Customers, 39, valuation);
        Assert.Equal(a.ProbabilityAlive.Lower, c.ProbabilityAlive.Lower);
        Assert.Equal(a.ExpectedPurchases!.Upper, c.ExpectedPurchases!.Upper);
        Assert.Equal(a.DiscountedExpectedTransactions!.Lower, c.DiscountedExpectedTransactions!.Lower);
    }

    [Fact]
    public void Another_seed_draws_other_replicates_and_the_replicates_differ_from_each_other()
    {
        var a = Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 4, Seed = 1 });
        var b = Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 4, Seed = 2 });
        Assert.NotEqual(a.Replicates[0].Parameters, b.Replicates[0].Parameters);
        Assert.NotEqual(a.Replicates[0].Parameters, a.Replicates[1].Parameters);
        Assert.Equal(4, a.Replicates.Count + a.Failures.Count);
    }

    [Fact]
    public void Replicate_streams_depend_on_seed_and_index_only_and_are_uniform()
    {
        var first = new ReplicateRandom(7, 3);
        var again = new ReplicateRandom(7, 3);
        var other = new ReplicateRandom(7, 4);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            ulong u = first.NextUInt64();
            Assert.Equal(u, again.NextUInt64());
            counts[other.Next(10)]++;
        }
        // Each cell ~ Binomial(1e5, 0.1): mean 10,000, sd 95; 5 sd either side.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 475, 10_000 + 475));
        double sum = 0;
        for (int i = 0; i < 100_000; i++) sum += first.NextDouble();
        Assert.Equal(0.5, sum / 100_000, 0.005); // sd of the mean 0.0009
    }
}
