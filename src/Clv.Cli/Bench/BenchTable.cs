using System.Diagnostics;
using System.Globalization;

namespace Clv.Cli.Bench;

/// <summary>One measured row of `clv bench`: what was timed, its size, the median and fastest of the runs, and the target.</summary>
internal sealed record BenchRow(string Work, long Customers, long Transactions, double MedianSeconds, double MinSeconds, double? TargetSeconds, string Note = "")
{
    public bool? Met => TargetSeconds is { } t ? MedianSeconds <= t : null;
}

/// <summary>
/// Times actions (median of several runs after a warm-up) and prints the rows as a Markdown table; while a row runs, an
/// interactive terminal shows which run it is on (<see cref="TerminalProgress"/>).
/// </summary>
internal sealed class BenchTable(int repeat, TextWriter progress, TerminalProgress terminal)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public List<BenchRow> Rows { get; } = [];

    /// <summary>Runs <paramref name="action"/> once to warm up (JIT), then <c>repeat</c> times; returns (median, min) seconds.</summary>
    public (double Median, double Min) Time(string work, Action action, bool warmUp = true)
    {
        string start = $"  {work} ...";
        progress.Write(start);
        var times = new double[repeat];
        using (var line = terminal.Begin(start))
        {
            if (warmUp)
            {
                line.Update(" warm-up run");
                action();
            }
            for (int i = 0; i < repeat; i++)
            {
                line.Update(string.Create(C, $" run {i + 1} of {repeat}"));
                var clock = Stopwatch.StartNew();
                action();
                times[i] = clock.Elapsed.TotalSeconds;
            }
        }
        Array.Sort(times);
        double median = repeat % 2 == 1 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
        progress.WriteLine(string.Create(C, $" {Milliseconds(median)}"));
        return (median, times[0]);
    }

    /// <summary>Times and records a row.</summary>
    public BenchRow Add(string work, long customers, long transactions, double? target, Action action, bool warmUp = true, string note = "")
    {
        var (median, min) = Time(work, action, warmUp);
        var row = new BenchRow(work, customers, transactions, median, min, target, note);
        Rows.Add(row);
        return row;
    }

    /// <summary>Records a derived row (a ratio or slope) that was not timed itself.</summary>
    public void AddNote(string work, string note) => Rows.Add(new BenchRow(work, 0, 0, double.NaN, double.NaN, null, note));

    public void Write(TextWriter w)
    {
        w.WriteLine("| work | customers | transactions | median | min | customers/s | transactions/s | target | met |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rows)
        {
            if (double.IsNaN(r.MedianSeconds))
            {
                w.WriteLine($"| {r.Work} | | | | | | | | {r.Note} |");
                continue;
            }
            string target = r.TargetSeconds is { } t ? "≤ " + Milliseconds(t) : "";
            string met = r.Met switch { true => "yes", false => "no", null => "" } + (r.Note.Length > 0 ? (r.Met is null ? "" : "; ") + r.Note : "");
            w.WriteLine(string.Create(C,
                $"| {r.Work} | {Count(r.Customers)} | {Count(r.Transactions)} | {Milliseconds(r.MedianSeconds)} | {Milliseconds(r.MinSeconds)} | {Rate(r.Customers, r.MedianSeconds)} | {Rate(r.Transactions, r.MedianSeconds)} | {target} | {met} |"));
        }
    }

    public static string Milliseconds(double seconds) =>
        seconds >= 10 ? string.Create(C, $"{seconds:F1} s") : string.Create(C, $"{seconds * 1000:F0} ms");

    private static string Count(long n) => n == 0 ? "" : n.ToString("N0", C);

    private static string Rate(long n, double seconds) =>
        n == 0 ? "" : (n / seconds) switch
        {
            >= 1e9 => string.Create(C, $"{n / seconds / 1e9:F2} G"),
            >= 1e6 => string.Create(C, $"{n / seconds / 1e6:F1} M"),
            _ => string.Create(C, $"{n / seconds / 1e3:F0} k"),
        };
}
