using System.Globalization;
using DuckDB.NET.Data;

namespace Clv.Models.Tests.Sql;

/// <summary>An in-memory DuckDB database for running the library's SQL in tests.</summary>
internal sealed class DuckDbRunner : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbRunner() => _connection.Open();

    /// <summary>A SQL string literal of a file path (single quotes doubled).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query; returns its column names and its rows as objects (DBNull for NULL).</summary>
    public (string[] Columns, List<object[]> Rows) Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return (columns, rows);
    }

    /// <summary>A numeric cell as a double (DuckDB returns BIGINT counts as long, DOUBLE as double).</summary>
    public static double Number(object cell) => Convert.ToDouble(cell, CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
