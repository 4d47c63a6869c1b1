using System.Buffers;
using System.Globalization;
using System.Text;

namespace Clv.Cli;

/// <summary>
/// Writes <c>customer_id</c> and numeric columns as CSV (round-trip number format, "\n" line ends, UTF-8 without BOM). Rows
/// are formatted straight to UTF-8 in blocks, several blocks in parallel, and written in order, so the file is the same for
/// any number of threads; number formatting dominates the cost of writing millions of rows.
/// </summary>
internal static class ColumnCsvWriter
{
    private const int BlockRows = 8192;

    /// <summary>Writes the header and one line per entry of <paramref name="rows"/> (indices into ids and into each column's values by position).</summary>
    public static void Write(Stream stream, IReadOnlyList<string> ids, int[] rows, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        var header = new StringBuilder("customer_id");
        foreach (var (name, _) in columns) header.Append(',').Append(name);
        header.Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(header.ToString()));

        int blocks = (rows.Length + BlockRows - 1) / BlockRows;
        int batch = 4 * Environment.ProcessorCount;
        var buffers = new ArrayBufferWriter<byte>[batch];
        for (int b = 0; b < batch; b++) buffers[b] = new ArrayBufferWriter<byte>(1 << 20);
        for (int first = 0; first < blocks; first += batch)
        {
            int count = Math.Min(batch, blocks - first);
            Parallel.For(0, count, k =>
            {
                var buffer = buffers[k];
                buffer.ResetWrittenCount();
                int start = (first + k) * BlockRows, end = Math.Min(rows.Length, start + BlockRows);
                for (int r = start; r < end; r++) FormatRow(buffer, ids[rows[r]], r, columns);
            });
            for (int k = 0; k < count; k++) stream.Write(buffers[k].WrittenSpan);
        }
    }

    private static void FormatRow(ArrayBufferWriter<byte> buffer, string id, int row, IReadOnlyList<(string Name, double[] Values)> columns)
    {
        string field = CsvText.Field(id);
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(field.Length) + 32 * columns.Count + 1);
        int n = Encoding.UTF8.GetBytes(field, span);
        foreach (var (_, values) in columns)
        {
            span[n++] = (byte)',';
            values[row].TryFormat(span[n..], out int written, "R", CultureInfo.InvariantCulture);
            n += written;
        }
        span[n++] = (byte)'\n';
        buffer.Advance(n);
    }
}
