using System.Globalization;
using Clv.Models.Data;
using Clv.Models.Parquet;

namespace Clv.Cli.Commands;

/// <summary>`clv summarize`: transaction log (CSV, or Parquet by the .parquet extension) → per-customer summary CSV (optionally with holdout columns), or with --compressed the compressed summary (distinct rows with counts, and the spend table).</summary>
internal static class SummarizeCommand
{
    /// <summary>
    /// The transaction-log options shared with `clv evaluate`: --customer-column, --date-column, [--amount-column],
    /// --date-format, --time-unit, --calibration-end, --observation-end.
    /// </summary>
    public static (TransactionLogOptions Log, SummaryOptions Summary) LogOptions(CliArguments args, bool withAmount)
    {
        var log = new TransactionLogOptions
        {
            CustomerColumn = args.Required("customer-column"),
            DateColumn = args.Required("date-column"),
            AmountColumn = withAmount ? args.Optional("amount-column") : null,
            DateFormat = args.Optional("date-format"),
        };
        string unit = args.Optional("time-unit") ?? "weeks";
        var period = SummaryOptions.ParseCalendarPeriod(unit); // years|quarters|months: whole-period opportunities (BG/BB input)
        double unitDays = 1;
        try { if (period == CalendarPeriod.None) unitDays = SummaryOptions.ParseTimeUnit(unit); }
        catch (ArgumentException) { throw new UsageException($"option --time-unit: unknown unit '{unit}'; expected weeks, days, a positive number of days, or years, quarters, months for discrete opportunities"); }
        var summaryOptions = new SummaryOptions
        {
            TimeUnitDays = unitDays,
            Opportunities = period,
            CalibrationEnd = args.OptionalDate("calibration-end"),
            ObservationEnd = args.OptionalDate("observation-end"),
        };
        if (summaryOptions.ObservationEnd is not null && summaryOptions.CalibrationEnd is null)
            throw new UsageException("--observation-end needs --calibration-end");
        return (log, summaryOptions);
    }

    public static void Run(CliArguments args, TextWriter stdout, TerminalProgress progress)
    {
        string input = args.Required("input");
        var (log, summaryOptions) = LogOptions(args, withAmount: true);
        string output = args.Required("output");
        bool compressed = args.Flag("compressed");
        args.RejectUnknown();
        if (compressed && summaryOptions.Opportunities != CalendarPeriod.None)
            throw new UsageException("--compressed writes the (frequency, recency, T, count) table of the transaction models; it does not apply to --time-unit years|quarters|months");

        SummaryResult result;
        using (var line = progress.Begin())
        {
            var watched = log with { Progress = progress.Summary(line, input) };
            result = SummaryInput.IsParquet(input) ? TransactionLogParquet.Summarize(input, watched, summaryOptions) : Summarizer.Summarize(input, watched, summaryOptions);
        }
        var c = CultureInfo.InvariantCulture;
        string read = string.Create(c, $"{result.TransactionsRead:N0} transactions ({result.FirstDate:yyyy-MM-dd} .. {result.LastDate:yyyy-MM-dd}) -> {result.Summary.Count:N0} customers");
        if (compressed)
        {
            var table = CompressedSummary.From(result.Summary);
            if (SummaryInput.IsParquet(output)) CompressedSummaryParquet.Write(table, output);
            else AtomicFile.Write(output, w => CompressedSummaryCsv.Write(table, w));
            stdout.WriteLine(string.Create(c, $"{read} -> {table.Rows:N0} distinct (frequency, recency, T) rows written to {output}"));
            if (table.Spend is { } spend)
            {
                string spendPath = CompressedSummaryCsv.SpendPath(output);
                if (!SummaryInput.IsParquet(output)) AtomicFile.Write(spendPath, w => CompressedSummaryCsv.WriteSpend(spend, w));
                stdout.WriteLine(string.Create(c, $"  {spend.Customers:N0} repeat customers -> {spend.Rows:N0} distinct (frequency, monetary_value) rows written to {spendPath}"));
            }
            else if (File.Exists(CompressedSummaryCsv.SpendPath(output)))
            {
                // A spend table left from an earlier run would be read as this table's: remove it.
                File.Delete(CompressedSummaryCsv.SpendPath(output));
                stdout.WriteLine($"  no spend table (no amounts or no repeat customers); removed the old {CompressedSummaryCsv.SpendPath(output)}");
            }
        }
        else
        {
            if (SummaryInput.IsParquet(output)) CustomerSummaryParquet.Write(result.Summary, output);
            else AtomicFile.Write(output, w => CustomerSummaryCsv.Write(result.Summary, w));
            stdout.WriteLine($"{read} written to {output}");
        }
        if (result.TransactionsAfterWindow > 0)
            stdout.WriteLine(string.Create(c, $"  {result.TransactionsAfterWindow:N0} transactions after the end of the observation window were not used"));
        if (result.CustomersFirstPurchaseAfterCalibration > 0)
            stdout.WriteLine(string.Create(c, $"  {result.CustomersFirstPurchaseAfterCalibration:N0} customers whose first purchase is after the calibration end are not in the summary"));
    }
}
