using Clv.Models.BgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;
using Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Valuation;

/// <summary>DET given alive for Pareto/NBD and BG/NBD against 50-digit mpmath values (dert_reference.csv).</summary>
public class DiscountedTransactionsReferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void ParetoNbdMatchesReference()
    {
        var rows = DertReferenceData.OfKind("pnbd").ToList();
        Assert.True(rows.Count > 200);
        Assert.Contains(rows, r => double.IsPositiveInfinity(r.Value));
        double worst = 0;
        foreach (var row in rows)
        {
            var p = new ParetoNbdParameters(row.R, row.Alpha, row.P3, row.P4);
            double actual = ParetoNbdDiscountedTransactions.GivenAlive(p, row.X, row.T, row.Delta, row.H);
            double err = DertReferenceData.RelativeError(actual, row.Value);
            Assert.True(err <= Tolerance, $"line {row.Line}: {actual:R} vs {row.Value:R} (rel. error {err:G3})");
            worst = Math.Max(worst, err);
        }
        output.WriteLine($"Pareto/NBD: {rows.Count} rows, worst relative error {worst:G3}");
    }

    [Fact]
    public void BgNbdMatchesReference()
    {
        var rows = DertReferenceData.OfKind("bgnbd").ToList();
        Assert.True(rows.Count >= 50);
        double worst = 0;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var p = new BgNbdParameters(row.R, row.Alpha, row.P3, row.P4);
            double actual = BgNbdDiscountedTransactions.GivenAlive(p, row.X, row.T, row.Delta, row.H);
            double err = DertReferenceData.RelativeError(actual, row.Value);
            if (!(err <= Tolerance)) failures.Add($"line {row.Line} ({p}, x={row.X}, T={row.T}, δ={row.Delta:R}, H={row.H}): {actual:R} vs {row.Value:R} (rel. error {err:G3})");
            worst = Math.Max(worst, err);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        output.WriteLine($"BG/NBD: {rows.Count} rows, worst relative error {worst:G3}");
    }
}
