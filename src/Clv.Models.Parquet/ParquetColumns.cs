using Clv.Models;
using Parquet;
using Parquet.Schema;

namespace Clv.Models.Parquet;

/// <summary>
/// Reads whole columns of a Parquet file across its row groups, checking the physical type and that no value is null;
/// every problem is a <see cref="ClvDataException"/> naming the file, the column, the row group and row, and what was expected.
/// </summary>
internal sealed class ParquetColumns : IDisposable
{
    private readonly ParquetReader _reader;

    private ParquetColumns(string source, ParquetReader reader)
    {
        Source = source;
        _reader = reader;
    }

    /// <summary>Name of the input in error messages.</summary>
    public string Source { get; }

    /// <summary>The open file, for readers that go row group by row group.</summary>
    public ParquetReader Reader => _reader;

    /// <summary>Column names of the file's schema.</summary>
    public IReadOnlyList<string> Names => _reader.Schema.GetDataFields().Select(f => f.Name).ToArray();

    /// <summary>Opens a file; a missing or unreadable file is a <see cref="ClvDataException"/>.</summary>
    public static ParquetColumns Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ClvDataException(path, null, null, "file not found");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new ParquetColumns(path, ParquetReader.CreateAsync(stream, leaveStreamOpen: false).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is not ClvDataException)
        {
            stream.Dispose();
            throw new ClvDataException(path, null, null, $"not a readable Parquet file: {e.Message}");
        }
    }

    /// <summary>Whether the file has a column of this name (exact, then ignoring case).</summary>
    public bool Has(string name) => Find(name) is not null;

    /// <summary>Reads a required DOUBLE column.</summary>
    public double[] Doubles(string name, string expected)
    {
        DataField field = Require(name, typeof(double), "DOUBLE (float64)", expected);
        var values = new double[Total()];
        int offset = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            using var group = _reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (field.IsNullable)
            {
                var buffer = new double?[n];
                group.ReadAsync<double>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
                for (int r = 0; r < n; r++)
                    values[offset + r] = buffer[r] ?? throw Null(field.Name, g, r, offset, expected);
            }
            else
            {
                group.ReadAsync<double>(field, values.AsMemory(offset, n)).AsTask().GetAwaiter().GetResult();
            }
            offset += n;
        }
        return values;
    }

    /// <summary>Reads a required identifier column: UTF-8 strings, or 32/64-bit integers written in invariant form.</summary>
    public string[] Ids(string name)
    {
        const string expected = "a customer identifier per row";
        DataField field = Find(name) ?? throw Missing(name, "STRING (UTF-8) or INT32/INT64", expected);
        if (!IsString(field) && field.ClrType != typeof(long) && field.ClrType != typeof(int))
            throw WrongType(field, "STRING (UTF-8) or INT32/INT64");
        var ids = new string[Total()];
        int offset = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            using var group = _reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            if (IsString(field))
            {
                var buffer = new string?[n];
                group.ReadAsync(field, buffer.AsMemory()!).AsTask().GetAwaiter().GetResult();
                for (int r = 0; r < n; r++) ids[offset + r] = buffer[r] ?? throw Null(field.Name, g, r, offset, expected);
            }
            else if (field.ClrType == typeof(long))
            {
                var buffer = new long?[n];
                group.ReadAsync<long>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
                for (int r = 0; r < n; r++) ids[offset + r] = (buffer[r] ?? throw Null(field.Name, g, r, offset, expected)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                var buffer = new int?[n];
                group.ReadAsync<int>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
                for (int r = 0; r < n; r++) ids[offset + r] = (buffer[r] ?? throw Null(field.Name, g, r, offset, expected)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            offset += n;
        }
        return ids;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Number of rows of the file, across its row groups.</summary>
    public int Total()
    {
        long total = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++) total += _reader.OpenRowGroupReader(g).RowCount;
        if (total > Array.MaxLength) throw new ClvDataException(Source, null, null, $"{total} rows: more than a .NET array holds");
        return (int)total;
    }

    /// <summary>The column of this name (exact, then ignoring case), or null.</summary>
    public DataField? Find(string name)
    {
        var fields = _reader.Schema.GetDataFields();
        return fields.FirstOrDefault(f => f.Name == name) ?? fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private DataField Require(string name, Type type, string typeName, string expected)
    {
        DataField field = Find(name) ?? throw Missing(name, typeName, expected);
        if (field.ClrType != type || field.MaxRepetitionLevel > 0) throw WrongType(field, typeName);
        return field;
    }

    /// <summary>The error for a missing column, listing the file's columns.</summary>
    public ClvDataException Missing(string name, string typeName, string expected) =>
        new(Source, null, name, $"no such column: expected a {typeName} column '{name}' ({expected}); the file has {string.Join(", ", Names)}");

    /// <summary>The error for a column of another type than <paramref name="typeName"/>.</summary>
    public ClvDataException WrongType(DataField field, string typeName) =>
        new(Source, null, field.Name, $"expected a {typeName} column but it holds {(field.MaxRepetitionLevel > 0 ? "lists of " : "")}{TypeName(field.ClrType)} values");

    /// <summary>Whether the column holds UTF-8 strings.</summary>
    public static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static string TypeName(Type type) => type == typeof(ReadOnlyMemory<char>) ? "String" : type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    /// <summary>The error for a null value at row <paramref name="row"/> of row group <paramref name="group"/>, which starts at file row <paramref name="offset"/> + 1.</summary>
    public ClvDataException Null(string name, int group, int row, long offset, string expected) =>
        new(Source, null, name, $"null value at row {offset + row + 1} of the file (row group {group}, row {row + 1} of the group): expected {expected}");
}
