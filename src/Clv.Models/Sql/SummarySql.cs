using System.Globalization;

namespace Clv.Models.Sql;

/// <summary>
/// The SQL that builds a per-customer summary and its compressed tables inside a database or a distributed engine
/// (DuckDB, Spark SQL, PostgreSQL, ...), for logs too large to stream through <see cref="Data.Summarizer"/> on one machine.
/// The statements are the files <c>src/Clv.Models/Sql/*.sql</c>, shipped in this assembly so that the text always matches
/// the library version whose definitions it reproduces (the tests run it on DuckDB and compare it with the summariser).
/// </summary>
/// <remarks>
/// <para>
/// The statements read named relations that the caller creates in its engine: <see cref="TransactionsRelation"/>
/// (<c>customer_id, purchase_date DATE, amount DOUBLE</c>, one row per purchase) for <see cref="CustomerSummary"/>, and
/// <see cref="SummaryRelation"/> (the result of <see cref="CustomerSummary"/>) for <see cref="CompressedPurchases"/> and
/// <see cref="CompressedSpend"/>. Reading the files and turning the date column into a DATE (taking the date as written,
/// as the summariser does) is engine-specific and stays with the caller; docs/scale.md shows it for DuckDB and Spark.
/// </para>
/// <para>
/// The SQL is ANSI (GROUP BY and one window function) except for the number of days between two dates, the one
/// expression <see cref="SqlDialect"/> changes. Each statement is a single SELECT without a trailing semicolon, so it can be
/// wrapped in <c>CREATE TABLE ... AS</c> or <c>COPY (...) TO</c>. Rows come out in no particular order.
/// </para>
/// </remarks>
public static class SummarySql
{
    /// <summary>Name of the transaction relation that <see cref="CustomerSummary"/> reads: <c>clv_transactions</c>.</summary>
    public const string TransactionsRelation = "clv_transactions";

    /// <summary>Name of the summary relation that <see cref="CompressedPurchases"/> and <see cref="CompressedSpend"/> read: <c>clv_summary</c>.</summary>
    public const string SummaryRelation = "clv_summary";

    /// <summary>The days-between-dates expression as written in the file (DuckDB and PostgreSQL: date − date = days).</summary>
    internal const string DateDifference = "(p.calibration_end - d.purchase_date)";

    /// <summary>The same expression in Spark SQL.</summary>
    internal const string SparkDateDifference = "datediff(p.calibration_end, d.purchase_date)";

    private static readonly string SummaryTemplate = Load("customer_summary.sql");

    /// <summary>
    /// The statement <c>compressed_purchases.sql</c>: one row per distinct (frequency, recency, T) of <see cref="SummaryRelation"/>
    /// with <c>count</c>, the number of customers that have it; columns <c>frequency, recency, T, count</c>.
    /// </summary>
    public static string CompressedPurchases { get; } = Load("compressed_purchases.sql");

    /// <summary>
    /// The statement <c>compressed_spend.sql</c>: one row per distinct (frequency, monetary_value) of the customers of
    /// <see cref="SummaryRelation"/> with frequency &gt; 0 (the Gamma-Gamma input) with <c>count</c>; columns
    /// <c>frequency, monetary_value, count</c>.
    /// </summary>
    public static string CompressedSpend { get; } = Load("compressed_spend.sql");

    /// <summary>
    /// The statement <c>customer_summary.sql</c> with its parameters filled in: columns <c>customer_id, frequency, recency,
    /// T, monetary_value</c> of every customer with a purchase on or before <paramref name="calibrationEnd"/>, with the
    /// definitions of <see cref="Data.Summarizer"/> in continuous time (purchases on one day count once, the first purchase
    /// is not counted, times in units of <paramref name="timeUnitDays"/>).
    /// </summary>
    /// <param name="calibrationEnd">Last day (inclusive) of the calibration window, as <see cref="Data.SummaryOptions.CalibrationEnd"/>.</param>
    /// <param name="timeUnitDays">Length of the time unit in days (7 = weeks), as <see cref="Data.SummaryOptions.TimeUnitDays"/>.</param>
    /// <param name="dialect">The engine whose date arithmetic to use.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time unit is not a positive finite number, or the dialect is unknown.</exception>
    public static string CustomerSummary(DateOnly calibrationEnd, double timeUnitDays = 7, SqlDialect dialect = SqlDialect.DuckDb)
    {
        if (!double.IsFinite(timeUnitDays) || timeUnitDays <= 0)
            throw new ArgumentOutOfRangeException(nameof(timeUnitDays), timeUnitDays, "The time unit must be a positive number of days.");
        string sql = SummaryTemplate
            .Replace("${calibration_end}", calibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("${time_unit_days}", timeUnitDays.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return dialect switch
        {
            SqlDialect.DuckDb => sql,
            SqlDialect.Spark => sql.Replace(DateDifference, SparkDateDifference, StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown SQL dialect."),
        };
    }

    private static string Load(string file)
    {
        using Stream stream = typeof(SummarySql).Assembly.GetManifestResourceStream("Clv.Models.Sql." + file)
            ?? throw new InvalidOperationException($"The embedded SQL file {file} is missing from {typeof(SummarySql).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd();
    }
}

/// <summary>The SQL engine whose syntax <see cref="SummarySql.CustomerSummary"/> writes for its one engine-specific expression.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB (and PostgreSQL): the days between two dates as <c>a - b</c>. The dialect the tests run.</summary>
    DuckDb = 0,

    /// <summary>Spark SQL (and Databricks): the days between two dates as <c>datediff(a, b)</c>. Not run by the tests.</summary>
    Spark,
}
