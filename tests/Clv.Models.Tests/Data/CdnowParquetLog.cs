using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Clv.Models.Tests.Data;

/// <summary>How the CDNOW event log's columns are stored when it is written to Parquet.</summary>
public enum IdStorage { Int32, Int64, String }

/// <summary>The Parquet type of the date column (<see cref="Compact"/>: INT32 yyyyMMdd; <see cref="Text"/>: the CSV's yyyyMMdd strings).</summary>
public enum DateStorage { Date, TimestampMillis, TimestampMicros, TimestampNanos, Int96, Text, Compact }

/// <summary>The Parquet type of the amount column.</summary>
public enum AmountStorage { Double, Decimal }

/// <summary>samples/data/cdnowElog.csv (masterid, sampleid, date yyyyMMdd, cds, sales) written to Parquet in several row groups.</summary>
internal static class CdnowParquetLog
{
    /// <summary>The log's rows as the CSV holds them: masterid, date (yyyyMMdd text), sales (text).</summary>
    public static (string Id, string Date, string Sales)[] Rows(string csv) =>
        [.. File.ReadLines(csv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => (f[0], f[2], f[4]))];

    /// <summary>
    /// Writes the rows to <paramref name="path"/> with columns <c>masterid</c>, <c>date</c>, <c>sales</c>, <paramref name="groupSize"/>
    /// rows per row group. Timestamps carry a time of day (13:45:30.5) that the summary must ignore.
    /// </summary>
    public static void Write(string path, (string Id, string Date, string Sales)[] rows, IdStorage id, DateStorage date, AmountStorage amount, int groupSize, bool nullable)
    {
        var c = CultureInfo.InvariantCulture;
        DataField idField = id switch
        {
            IdStorage.Int32 => new DataField("masterid", typeof(int), nullable),
            IdStorage.Int64 => new DataField("masterid", typeof(long), nullable),
            _ => new DataField("masterid", typeof(string), nullable),
        };
        DataField dateField = date switch
        {
            DateStorage.Date => new DateTimeDataField("date", DateTimeFormat.Date, isNullable: nullable),
            DateStorage.TimestampMillis => new DateTimeDataField("date", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Millis, isNullable: nullable),
            DateStorage.TimestampMicros => new DateTimeDataField("date", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: nullable),
            DateStorage.TimestampNanos => new DateTimeDataField("date", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Nanos, isNullable: nullable),
            DateStorage.Int96 => new DateTimeDataField("date", DateTimeFormat.Impala, isNullable: nullable),
            DateStorage.Compact => new DataField("date", typeof(int), nullable),
            _ => new DataField("date", typeof(string), nullable),
        };
        DataField salesField = amount == AmountStorage.Decimal ? new DecimalDataField("sales", 12, 2, isNullable: nullable) : new DataField("sales", typeof(double), nullable);

        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(idField, dateField, salesField), stream).GetAwaiter().GetResult();
        for (int start = 0; start < rows.Length; start += groupSize)
        {
            var part = rows.AsSpan(start, Math.Min(groupSize, rows.Length - start)).ToArray();
            using var group = writer.CreateRowGroup();
            switch (id)
            {
                case IdStorage.String: Wait(group.WriteAsync(idField, part.Select(r => r.Id).ToArray())); break;
                case IdStorage.Int64: WriteValues(group, idField, part.Select(r => long.Parse(r.Id, c)).ToArray(), nullable); break;
                default: WriteValues(group, idField, part.Select(r => int.Parse(r.Id, c)).ToArray(), nullable); break;
            }

            DateTime[] dates = [.. part.Select(r => DateTime.ParseExact(r.Date, "yyyyMMdd", c))];
            switch (date)
            {
                case DateStorage.Text: Wait(group.WriteAsync(dateField, part.Select(r => r.Date).ToArray())); break;
                case DateStorage.Compact: WriteValues(group, dateField, part.Select(r => int.Parse(r.Date, c)).ToArray(), nullable); break;
                case DateStorage.Date: WriteValues(group, dateField, dates, nullable); break;
                default: WriteValues(group, dateField, dates.Select(d => d.Add(new TimeSpan(0, 13, 45, 30, 500))).ToArray(), nullable); break;
            }

            if (amount == AmountStorage.Decimal) WriteValues(group, salesField, part.Select(r => decimal.Parse(r.Sales, c)).ToArray(), nullable);
            else WriteValues(group, salesField, part.Select(r => double.Parse(r.Sales, c)).ToArray(), nullable);
        }

        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static void WriteValues<T>(ParquetRowGroupWriter group, DataField field, T[] values, bool nullable)
        where T : struct
    {
        if (nullable) Wait(group.WriteAsync<T>(field, values.Select(v => (T?)v).ToArray().AsMemory()));
        else Wait(group.WriteAsync<T>(field, values.AsMemory()));
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}
