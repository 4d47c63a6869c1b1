namespace Clv.Models.Data;

/// <summary>The rules every (frequency, recency, T) row must obey, shared by readers and constructors.</summary>
internal static class SummaryValidation
{
    /// <summary>
    /// Throws <see cref="ClvDataException"/> unless x is a non-negative integer, 0 &lt;= t_x &lt;= T, T &gt; 0,
    /// all finite, and t_x = 0 when x = 0.
    /// </summary>
    /// <param name="row">1-based file line, when reading a file.</param>
    /// <param name="rowIndex">0-based row index, used when no file line is known.</param>
    public static void ValidateRow(double x, double tx, double t, string? source, long? row, int rowIndex)
    {
        string where = row is null ? $" (row {rowIndex})" : string.Empty;
        if (!double.IsFinite(x) || x < 0 || x != Math.Floor(x))
            throw new ClvDataException(source, row, "frequency", $"expected a non-negative whole number but got {Show(x)}{where}");
        if (!double.IsFinite(tx) || tx < 0)
            throw new ClvDataException(source, row, "recency", $"expected a finite number >= 0 but got {Show(tx)}{where}");
        if (!double.IsFinite(t) || t <= 0)
            throw new ClvDataException(source, row, "T", $"expected a finite number > 0 but got {Show(t)}{where}");
        if (tx > t)
            throw new ClvDataException(source, row, "recency", $"recency {Show(tx)} exceeds T {Show(t)}{where}");
        if (x == 0 && tx != 0)
            throw new ClvDataException(source, row, "recency", $"frequency is 0, so recency must be 0 but got {Show(tx)}{where}");
    }

    internal static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
