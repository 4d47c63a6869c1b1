namespace Clv.Models;

/// <summary>
/// Input data that cannot be used: names the source (file), the 1-based data row, the column and what was
/// expected, so that a command-line user or a notebook user can fix the input at once.
/// </summary>
public sealed class ClvDataException : Exception
{
    /// <summary>Creates an exception for bad input.</summary>
    /// <param name="source">File name or other description of the input (e.g. "rfm.csv").</param>
    /// <param name="row">1-based line number in the file (the header is line 1), or null when not row-specific.</param>
    /// <param name="column">Column name, or null when not column-specific.</param>
    /// <param name="problem">What was wrong and what was expected.</param>
    public ClvDataException(string? source, long? row, string? column, string problem)
        : base(Format(source, row, column, problem))
    {
        Source = source;
        Row = row;
        Column = column;
        Problem = problem;
    }

    /// <summary>File name or description of the input.</summary>
    public new string? Source { get; }

    /// <summary>1-based line number in the file (header = line 1), when known.</summary>
    public long? Row { get; }

    /// <summary>Column name, when known.</summary>
    public string? Column { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    private static string Format(string? source, long? row, string? column, string problem)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(source)) parts.Add(source);
        if (row is { } r) parts.Add($"line {r}");
        if (!string.IsNullOrEmpty(column)) parts.Add($"column '{column}'");
        return parts.Count == 0 ? problem : $"{string.Join(", ", parts)}: {problem}";
    }
}
