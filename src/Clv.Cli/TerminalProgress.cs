using System.Diagnostics;
using System.Globalization;
using Clv.Models.Data;
using Clv.Models.Estimation;

namespace Clv.Cli;

/// <summary>
/// A one-line progress display on an interactive terminal (stderr), rewritten in place with a carriage return and erased
/// when the work ends. <see cref="Quiet"/> writes nothing: the command line uses it whenever stdout or stderr is
/// redirected, so that files, pipes and tests see exactly the same output as without progress.
/// </summary>
internal sealed class TerminalProgress
{
    private const string EraseToEndOfLine = "\u001b[K";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly TextWriter? terminal;
    private readonly TimeSpan interval;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan last;
    private bool shown;

    /// <param name="terminal">Where the line is drawn, or null for no progress.</param>
    /// <param name="interval">Least time between two redraws (and before the first one, so that quick work shows nothing).</param>
    public TerminalProgress(TextWriter? terminal, TimeSpan interval)
    {
        this.terminal = terminal;
        this.interval = interval;
    }

    /// <summary>No progress output at all.</summary>
    public static TerminalProgress Quiet { get; } = new(null, TimeSpan.Zero);

    /// <summary>Whether progress may be drawn: only when neither stdout nor stderr is redirected (and the terminal is not "dumb").</summary>
    public static bool IsInteractive(bool outputRedirected, bool errorRedirected, string? term) =>
        !outputRedirected && !errorRedirected && term != "dumb";

    /// <summary>Progress on the process's stderr when it is an interactive terminal, else <see cref="Quiet"/>.</summary>
    public static TerminalProgress ForConsole() =>
        IsInteractive(Console.IsOutputRedirected, Console.IsErrorRedirected, Environment.GetEnvironmentVariable("TERM"))
            ? new TerminalProgress(Console.Error, TimeSpan.FromMilliseconds(200))
            : Quiet;

    /// <summary>True when this display writes anything.</summary>
    public bool Enabled => terminal is not null;

    /// <summary>Starts a progress line after <paramref name="prefix"/> (text already on the terminal line, redrawn with each update); dispose to erase it.</summary>
    public Line Begin(string prefix = "") => new(this, prefix);

    /// <summary>Reports progress through a transaction log as "summarising file: n transactions (p %)" (or another <paramref name="verb"/>).</summary>
    public IProgress<SummaryProgress>? Summary(Line line, string input, string verb = "summarising") => Enabled
        ? new Reporter<SummaryProgress>(p => line.Update(string.Create(C,
            $"{verb} {input}: {p.TransactionsRead:N0} transactions{(double.IsNaN(p.Fraction) ? "" : $" ({p.Fraction:P0})")}")))
        : null;

    /// <summary>Reports fit progress as "fitting model: n evaluations, gradient norm g".</summary>
    public IProgress<FitProgress>? Fit(Line line, string model) => Enabled
        ? new Reporter<FitProgress>(p => line.Update(string.Create(C,
            $"fitting {model}: {p.Evaluations:N0} evaluations, gradient norm {p.GradientNorm:G3}")))
        : null;

    private void Draw(string prefix, string text, bool force)
    {
        if (terminal is null) return;
        lock (gate)
        {
            var now = clock.Elapsed;
            if (!force && now - last < interval) return;
            last = now;
            shown = true;
            terminal.Write("\r" + prefix + text + EraseToEndOfLine);
            terminal.Flush();
        }
    }

    private void Erase(string prefix)
    {
        if (terminal is null) return;
        lock (gate)
        {
            if (!shown) return;
            shown = false;
            terminal.Write("\r" + prefix + EraseToEndOfLine);
            terminal.Flush();
        }
    }

    /// <summary>One line of progress; disposing it puts the terminal line back to its prefix.</summary>
    internal sealed class Line(TerminalProgress owner, string prefix) : IDisposable
    {
        /// <summary>Redraws the line with <paramref name="text"/> after the prefix (at most once per interval).</summary>
        public void Update(string text) => owner.Draw(prefix, text, force: false);

        public void Dispose() => owner.Erase(prefix);
    }

    /// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class Reporter<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
