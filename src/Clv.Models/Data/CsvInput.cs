using System.Globalization;
using System.Text;
using CsvHelper;

namespace Clv.Models.Data;

/// <summary>Shared plumbing of the CSV readers: opening a CsvHelper UTF-8 reader and resolving header names.</summary>
internal static class CsvInput
{
    /// <summary>Opens CsvHelper's SIMD UTF-8 reader with a header, line tracking and the given separator.</summary>
    public static CsvReader Open(Stream stream, char delimiter, bool leaveOpen)
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        };
        return CsvReader.Create(stream, options, leaveOpen);
    }

    /// <summary>Opens a file for a single sequential pass, as a <see cref="ClvDataException"/> when it does not exist.</summary>
    public static FileStream OpenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ClvDataException(path, null, null, "file not found");
        }
    }

    /// <summary>Reads the header; an empty input is a <see cref="ClvDataException"/>.</summary>
    public static string[] ReadHeader(CsvReader reader, string source, string expected)
    {
        reader.ReadHeader();
        string[] headers = [.. reader.Headers];
        if (headers.Length == 0 || (headers.Length == 1 && headers[0].Length == 0))
            throw new ClvDataException(source, 1, null, $"the file is empty; expected a header line with the columns {expected}");
        return headers;
    }

    /// <summary>Index of the column named <paramref name="name"/>: exact match first, then ignoring case and surrounding whitespace; -1 when absent.</summary>
    public static int Find(string[] headers, string name)
    {
        int i = Array.IndexOf(headers, name);
        if (i >= 0) return i;
        string trimmed = name.Trim();
        for (i = 0; i < headers.Length; i++)
        {
            if (string.Equals(headers[i].Trim(), trimmed, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }

    /// <summary>The error for an empty customer id field.</summary>
    public static ClvDataException EmptyId(string source, long line, string column) =>
        new(source, line, column, "empty customer id; expected a non-empty identifier");

    /// <summary>The error for a required column that the header lacks, listing the columns found.</summary>
    public static ClvDataException Missing(string source, string name, string[] headers, string? aliases = null)
    {
        string found = string.Join(", ", headers.Select(h => $"'{h}'"));
        string wanted = aliases is null ? $"a column named '{name}'" : $"a column named {aliases}";
        return new ClvDataException(source, 1, name, $"missing column: expected {wanted}; the header has {found}");
    }

    /// <summary>
    /// Index of a column: the configured name (exact, then ignoring case), else the first alias that matches exactly, else the first
    /// that matches ignoring case and whitespace; -1 for an absent optional column, an error listing the header for a required one.
    /// </summary>
    public static int Column(string[] headers, string? configured, string[] aliases, bool required, string source)
    {
        if (configured is not null)
        {
            int i = Find(headers, configured);
            return i >= 0 ? i : throw Missing(source, configured, headers);
        }

        foreach (string alias in aliases)
        {
            int i = Array.IndexOf(headers, alias);
            if (i >= 0) return i;
        }

        foreach (string alias in aliases)
        {
            for (int i = 0; i < headers.Length; i++)
            {
                if (string.Equals(headers[i].Trim(), alias, StringComparison.OrdinalIgnoreCase)) return i;
            }
        }

        if (!required) return -1;
        string names = string.Join(" or ", aliases.Where(a => a.Length > 0).Select(a => $"'{a}'"));
        throw Missing(source, aliases[0], headers, names);
    }

    /// <summary>The field as a finite number; an error naming the line and column otherwise.</summary>
    public static double Number(CsvReader reader, int index, string[] headers, string source, long line)
    {
        ReadOnlySpan<byte> field = reader.GetSpan(index);
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new ClvDataException(source, line, headers[index], $"expected a number but got '{Encoding.UTF8.GetString(field)}'");
        if (!double.IsFinite(value))
            throw new ClvDataException(source, line, headers[index], $"expected a finite number but got '{Encoding.UTF8.GetString(field)}'");
        return value;
    }
}
