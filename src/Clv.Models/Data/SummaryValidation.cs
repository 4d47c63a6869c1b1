namespace Clv.Models.Data;

/// <summary>The rules every (frequency, recency, T) row must obey, shared by readers and constructors.</summary>
internal static class SummaryValidation
{
    /// <summary>
    /// Throws <see cref="ClvDataException"/> unless x is a non-negative integer, 0 &lt;= t_x &lt;= T,
    /// all finite, and t_x = 0 when x = 0. T = 0 is allowed: a customer whose first purchase is on the last calibration day.
    /// </summary>
    /// <param name="row">1-based file line, when reading a file.</param>
    /// <param name="rowIndex">0-based row index, used when no file line is known.</param>
    /// <param name="frequencyColumn">Name of the frequency column in errors (the file's own header name when reading).</param>
    /// <param name="recencyColumn">Name of the recency column in errors.</param>
    /// <param name="tColumn">Name of the T column in errors.</param>
    public static void ValidateRow(
        double x, double tx, double t, string? source, long? row, int rowIndex,
        string frequencyColumn = "frequency", string recencyColumn = "recency", string tColumn = "T")
    {
        string where = row is null ? $" (row {rowIndex})" : string.Empty;
        if (!double.IsFinite(x) || x < 0 || x != Math.Floor(x))
            throw new ClvDataException(source, row, frequencyColumn, $"expected a non-negative whole number but got {Show(x)}{where}");
        if (!double.IsFinite(tx) || tx < 0)
            throw new ClvDataException(source, row, recencyColumn, $"expected a finite number >= 0 but got {Show(tx)}{where}");
        if (!double.IsFinite(t) || t < 0)
            throw new ClvDataException(source, row, tColumn, $"expected a finite number >= 0 but got {Show(t)}{where}");
        if (tx > t)
            throw new ClvDataException(source, row, recencyColumn, $"recency {Show(tx)} exceeds T {Show(t)}{where}");
        if (x == 0 && tx != 0)
            throw new ClvDataException(source, row, recencyColumn, $"frequency is 0, so recency must be 0 but got {Show(tx)}{where}");
    }

    internal static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
