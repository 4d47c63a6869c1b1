namespace Clv.Models.Tests.Cli;

public class CliBenchTests
{
    [Fact]
    public void Bench_runs_every_row_of_the_table_at_a_small_scale_and_writes_markdown()
    {
        using var cli = new CliHarness();
        var run = cli.Run("bench", "--scale", "0.001", "--repeat", "1", "--threads", "1", "--work-dir", cli.Folder, "--output", cli.PathOf("bench.md"));
        Assert.True(run.Exit == 0, run.Err);
        var lines = File.ReadAllLines(cli.PathOf("bench.md"));
        Assert.Equal("| work | customers | transactions | median | min | customers/s | transactions/s | target | met |", lines[0]);
        string[] rows =
        [
            "summarise the log CSV to RFM", "end to end:", "BG/NBD fit |", "Pareto/NBD fit |", "Gamma-Gamma fit", "DERT, BG/NBD", "DERT, Pareto/NBD",
            "BG/NBD fit, scalar kernel", "Pareto/NBD fit, scalar kernel", "SIMD vs scalar", "BG/NBD fit (scaling)", "BG/NBD fit time growth",
        ];
        foreach (var row in rows) Assert.Contains(lines, l => l.Contains(row, StringComparison.Ordinal));
        // The summarised log's customer and transaction counts are those the simulator wrote (10,000 x scale transactions, ~2.4 each).
        var summarise = lines.Single(l => l.StartsWith("| summarise", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal("4,166", summarise[2]);
        Assert.InRange(long.Parse(summarise[3], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), 8_000, 12_000);
        Assert.Empty(Directory.GetFiles(cli.Folder, "clv-bench-*"));   // the temporary log and CLV file are removed
        Assert.Equal(2, cli.Run("bench", "--scale", "0").Exit);
    }
}
