using Parquet;
using Parquet.Schema;

namespace Clv.Models.Parquet;

/// <summary>
/// Writes a table of named DOUBLE columns, optionally after a UTF-8 identifier column, to a Parquet file (one row group,
/// required (non-nullable) columns, Snappy compression): the form of <c>clv predict --output x.parquet</c>.
/// </summary>
public static class ParquetTable
{
    /// <summary>Writes <paramref name="idName"/> and the <paramref name="columns"/> to <paramref name="path"/>, replacing it.</summary>
    /// <param name="path">Output file.</param>
    /// <param name="idName">Name of the identifier column, e.g. <c>customer_id</c>.</param>
    /// <param name="ids">Identifier of each row.</param>
    /// <param name="columns">Named columns, each with one value per row.</param>
    /// <exception cref="ArgumentException">A column's length differs from the number of ids, or two columns share a name.</exception>
    public static void Write(string path, string idName, IReadOnlyList<string> ids, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Write(path, idName, ids, null, columns);
    }

    /// <summary>
    /// Writes the rows <paramref name="rows"/> (indices into <paramref name="ids"/>) with the <paramref name="columns"/>, whose
    /// values are by position (value <c>k</c> belongs to row <c>rows[k]</c>), to <paramref name="path"/>.
    /// </summary>
    /// <param name="path">Output file.</param>
    /// <param name="idName">Name of the identifier column.</param>
    /// <param name="ids">Identifiers, indexed by <paramref name="rows"/>.</param>
    /// <param name="rows">The rows to write, or null for all of <paramref name="ids"/> in order.</param>
    /// <param name="columns">Named columns, each with one value per written row.</param>
    /// <exception cref="ArgumentException">A column's length differs from the number of rows, or two columns share a name.</exception>
    public static void Write(string path, string idName, IReadOnlyList<string> ids, int[]? rows, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(idName);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(columns);
        var selected = new string[rows?.Length ?? ids.Count];
        for (int k = 0; k < selected.Length; k++) selected[k] = ids[rows is null ? k : rows[k]];
        WriteColumns(path, selected, idName, columns);
    }

    /// <summary>Writes DOUBLE columns, after a string column when <paramref name="ids"/> is not null.</summary>
    internal static void WriteColumns(string path, string[]? ids, string? idName, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        int n = ids?.Length ?? (columns.Count > 0 ? columns[0].Values.Length : 0);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (idName is not null) names.Add(idName);
        foreach (var (name, values) in columns)
        {
            if (!names.Add(name)) throw new ArgumentException($"two columns are named '{name}'", nameof(columns));
            if (values.Length != n) throw new ArgumentException($"column '{name}' has {values.Length} values, expected {n} (one per row)", nameof(columns));
        }
        var fields = new List<Field>();
        DataField? idField = ids is null ? null : new DataField(idName!, typeof(string), isNullable: false);
        if (idField is not null) fields.Add(idField);
        var valueFields = columns.Select(c => new DataField(c.Name, typeof(double), isNullable: false)).ToArray();
        fields.AddRange(valueFields);

        string temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
                try
                {
                    using var group = writer.CreateRowGroup();
                    if (idField is not null) group.WriteAsync(idField, ids!).GetAwaiter().GetResult();
                    for (int c = 0; c < valueFields.Length; c++)
                        group.WriteAsync<double>(valueFields[c], columns[c].Values.AsMemory()).GetAwaiter().GetResult();
                }
                finally
                {
                    writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
