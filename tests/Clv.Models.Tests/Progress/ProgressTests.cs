using Clv.Cli;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Tests.Cli;

namespace Clv.Models.Tests.Progress;

/// <summary>
/// The library's progress callbacks (fit evaluations, summariser rows) and the command line's terminal display: drawn only on
/// an interactive terminal, silent when redirected, and never changing a result.
/// </summary>
public class ProgressTests
{
    private static readonly TransactionLogOptions Log = new() { CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd", AmountColumn = "sales" };
    private static readonly SummaryOptions Window = new() { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30) };

    /// <summary>Records every report on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Reports { get; } = [];

        public void Report(T value) => Reports.Add(value);
    }

    [Fact]
    public void Fit_reports_every_objective_evaluation_and_the_estimate_is_unchanged()
    {
        var summary = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log, Window).Summary;
        var recorder = new Recorder<FitProgress>();
        var plain = new BgNbdModel().Fit(summary);
        var watched = new BgNbdModel(new FitOptions { Progress = recorder }).Fit(summary);

        Assert.Equal(plain.Parameters, watched.Parameters);
        Assert.Equal(plain.LogLikelihood, watched.LogLikelihood);
        var reports = recorder.Reports;
        Assert.True(reports.Count > 5, $"{reports.Count} reports");
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Evaluations));
        // The convergence report counts the same evaluations, plus the final point offered once more.
        Assert.InRange(watched.Estimate.Convergence.Evaluations, reports.Count, reports.Count + 1);
        Assert.True(reports[0].GradientNorm > 1e-3, $"first gradient norm {reports[0].GradientNorm}");
        Assert.True(reports.Min(r => r.GradientNorm) <= 1e-6); // the convergence criterion (ConvergenceReport)
        Assert.Equal(-watched.LogLikelihood / summary.Count, reports.Min(r => r.Objective), 1e-12);
    }

    [Fact]
    public void Summariser_reports_the_rows_read_and_ends_at_the_whole_file()
    {
        var recorder = new Recorder<SummaryProgress>();
        var result = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log with { Progress = recorder }, Window);
        Assert.Equal(Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log, Window).Summary.Frequency.ToArray(), result.Summary.Frequency.ToArray());
        Assert.Equal(new[] { new SummaryProgress(result.TransactionsRead, 1) }, recorder.Reports); // 6,919 rows: fewer than one interval
    }

    [Fact]
    public void The_tracking_log_reader_reports_its_rows_too()
    {
        var recorder = new Recorder<SummaryProgress>();
        var log = Clv.Models.Diagnostics.RepeatTransactionLog.Read(TestFiles.SampleData("cdnowElog.csv"), Log with { Progress = recorder }, Window);
        Assert.Equal(new[] { new SummaryProgress(6919, 1) }, recorder.Reports);
        Assert.Equal(Clv.Models.Diagnostics.RepeatTransactionLog.Read(TestFiles.SampleData("cdnowElog.csv"), Log, Window).RepeatTransactions, log.RepeatTransactions);
    }

    [Fact]
    public void Summariser_reports_each_interval_with_a_growing_fraction()
    {
        int rows = 2 * TransactionLogOptions.ProgressInterval + 5;
        string path = Path.Combine(Path.GetTempPath(), $"clv-progress-{Guid.NewGuid():N}.csv");
        try
        {
            using (var w = new StreamWriter(path))
            {
                w.WriteLine("customer_id,date");
                for (int i = 0; i < rows; i++) w.WriteLine($"c{i % 1000},2020-01-{1 + i / 5000:00}");
            }
            var recorder = new Recorder<SummaryProgress>();
            var result = Summarizer.Summarize(path, new TransactionLogOptions { Progress = recorder });
            Assert.Equal(rows, result.TransactionsRead);
            Assert.Equal(new long[] { TransactionLogOptions.ProgressInterval, 2L * TransactionLogOptions.ProgressInterval, rows }, recorder.Reports.Select(r => r.TransactionsRead));
            var fractions = recorder.Reports.Select(r => r.Fraction).ToArray();
            Assert.True(fractions[0] > 0.3 && fractions[0] < fractions[1] && fractions[1] <= 1 && fractions[2] == 1, string.Join(", ", fractions)); // the stream runs ahead of the parser by a buffer
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false, false, "xterm-256color", true)]
    [InlineData(true, false, "xterm", false)]
    [InlineData(false, true, "xterm", false)]
    [InlineData(true, true, null, false)]
    [InlineData(false, false, "dumb", false)]
    public void Progress_is_drawn_only_when_neither_output_is_redirected(bool outputRedirected, bool errorRedirected, string? term, bool expected) =>
        Assert.Equal(expected, TerminalProgress.IsInteractive(outputRedirected, errorRedirected, term));

    [Fact]
    public void The_test_run_itself_is_redirected_so_the_console_display_is_quiet()
    {
        if (!Console.IsOutputRedirected && !Console.IsErrorRedirected) return; // run from a terminal by hand: nothing to check
        Assert.False(TerminalProgress.ForConsole().Enabled);
    }

    [Fact]
    public void Quiet_writes_nothing_and_hands_the_library_no_callbacks()
    {
        var quiet = TerminalProgress.Quiet;
        using var line = quiet.Begin("  work ...");
        Assert.Null(quiet.Fit(line, "bg-nbd"));
        Assert.Null(quiet.Summary(line, "tx.csv"));
        line.Update("run 1 of 5");
    }

    [Fact]
    public void A_terminal_line_is_redrawn_in_place_and_erased_back_to_its_prefix()
    {
        var terminal = new StringWriter();
        var progress = new TerminalProgress(terminal, TimeSpan.Zero);
        using (var line = progress.Begin("  BG/NBD fit ..."))
        {
            progress.Fit(line, "bg-nbd")!.Report(new FitProgress(12, 2.5, 3.25e-4));
            line.Update(" run 2 of 5");
        }
        Assert.Equal("\r  BG/NBD fit ...fitting bg-nbd: 12 evaluations, gradient norm 0.000325\u001b[K"
            + "\r  BG/NBD fit ... run 2 of 5\u001b[K"
            + "\r  BG/NBD fit ...\u001b[K", terminal.ToString());

        var summary = new StringWriter();
        var p2 = new TerminalProgress(summary, TimeSpan.Zero);
        using (var line = p2.Begin()) p2.Summary(line, "tx.csv")!.Report(new SummaryProgress(1_234_567, 0.456));
        Assert.Equal("\rsummarising tx.csv: 1,234,567 transactions (46 %)\u001b[K\r\u001b[K", summary.ToString());
    }

    [Fact]
    public void Nothing_is_drawn_before_the_first_interval_so_quick_work_leaves_the_terminal_untouched()
    {
        var terminal = new StringWriter();
        var progress = new TerminalProgress(terminal, TimeSpan.FromHours(1));
        using (var line = progress.Begin("prefix")) line.Update("never shown");
        Assert.Equal("", terminal.ToString());
    }

    [Fact]
    public void The_command_line_with_an_interactive_display_writes_the_same_stdout_and_draws_on_its_own_writer()
    {
        using var cli = new CliHarness();
        string rfm = TestFiles.SampleData("cdnow_customers_summary.csv");
        var quiet = cli.Run("fit", "--model", "bg-nbd", "--input", rfm, "--output", cli.PathOf("a.json"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new StringWriter();
        int exit = Clv.Cli.Cli.Run(["fit", "--model", "bg-nbd", "--input", rfm, "--output", cli.PathOf("b.json")], stdout, stderr, new TerminalProgress(terminal, TimeSpan.Zero));
        Assert.Equal(0, exit);
        Assert.Equal(Timeless(quiet.Out), Timeless(stdout.ToString().Replace("a.json", "b.json", StringComparison.Ordinal)));
        Assert.Equal("", stderr.ToString());
        Assert.Contains("\rfitting bg-nbd: 1 evaluations, gradient norm ", terminal.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", terminal.ToString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(cli.PathOf("a.json")), File.ReadAllText(cli.PathOf("b.json")));
    }

    /// <summary>The fit command's output without its timing line.</summary>
    private static string Timeless(string output) =>
        string.Join("\n", output.Split('\n').Where(l => !l.Contains(" s, fit ", StringComparison.Ordinal)));
}
