// docs/scale.md, "One Parquet log through the library": a ~4M-row simulated log summarised by Summarizer (CSV) and by
// TransactionLogParquet (the same log as Parquet, 1M-row row groups, in three column layouts), one warm-up and 7 timed runs
// each, checking that every summary equals the CSV's. From the repository root:
//   dotnet run -c Release docs/scale/parquet-log.cs -- [work folder, default the temp folder]
#:project ../../src/Clv.Models.Parquet/Clv.Models.Parquet.csproj
#:package Parquet.Net

using System.Diagnostics;
using System.Globalization;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Parquet;
using Parquet;
using Parquet.Schema;

string dir = args.Length > 0 ? args[0] : Path.GetTempPath();
string csv = Path.Combine(dir, "clv-parquet-log.csv");
// CDNOW-like customers (BG/NBD r 0.2426, α 4.4135, a 0.7929, b 2.4258 in weeks; Gamma-Gamma p 6.2488, q 3.7446, γ 15.4477):
// about 2.06 transactions each, 4.0M in all.
var sim = new LogSimulationOptions { Customers = 1_940_000, Seed = 1, Spend = new GammaGammaParameters(6.2488, 3.7446, 15.4477) };
if (!File.Exists(csv))
{
    using var w = new StreamWriter(csv);
    TransactionLogSimulator.Write(new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258), sim, w);
}
var lines = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).ToArray();
Console.WriteLine($"{lines.Length:N0} rows, header {File.ReadLines(csv).First()}, csv {new FileInfo(csv).Length / 1e6:F0} MB");
var c = CultureInfo.InvariantCulture;
string[] ids = [.. lines.Select(f => f[0])];
DateTime[] dates = [.. lines.Select(f => DateTime.ParseExact(f[1], "yyyy-MM-dd", c))];
double[] amounts = [.. lines.Select(f => double.Parse(f[2], c))];
bool numeric = ids.All(s => long.TryParse(s, out _));
Console.WriteLine($"ids numeric: {numeric}, e.g. {ids[0]}");

string Write(string name, bool longIds, bool textDates)
{
    string path = Path.Combine(dir, name);
    DataField id = longIds ? new DataField("customer_id", typeof(long)) : new DataField("customer_id", typeof(string));
    DataField date = textDates ? new DataField("date", typeof(string)) : new DateTimeDataField("date", DateTimeFormat.Date);
    var amount = new DataField("amount", typeof(double));
    using var stream = File.Create(path);
    var writer = ParquetWriter.CreateAsync(new ParquetSchema(id, date, amount), stream).GetAwaiter().GetResult();
    const int group = 1 << 20;
    for (int s = 0; s < ids.Length; s += group)
    {
        int n = Math.Min(group, ids.Length - s);
        using var g = writer.CreateRowGroup();
        if (longIds) g.WriteAsync<long>(id, ids.AsSpan(s, n).ToArray().Select(x => long.Parse(x, c)).ToArray().AsMemory()).GetAwaiter().GetResult();
        else g.WriteAsync(id, ids.AsSpan(s, n).ToArray()).GetAwaiter().GetResult();
        if (textDates) g.WriteAsync(date, lines.AsSpan(s, n).ToArray().Select(f => f[1]).ToArray()).GetAwaiter().GetResult();
        else g.WriteAsync<DateTime>(date, dates.AsMemory(s, n)).GetAwaiter().GetResult();
        g.WriteAsync<double>(amount, amounts.AsMemory(s, n)).GetAwaiter().GetResult();
    }
    writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    Console.WriteLine($"{name}: {new FileInfo(path).Length / 1e6:F0} MB");
    return path;
}

var log = new TransactionLogOptions { CustomerColumn = "customer_id", DateColumn = "date", AmountColumn = "amount" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = sim.End };
var inputs = new List<(string Name, Func<SummaryResult> Run)> { ("CSV", () => Summarizer.Summarize(csv, log, window)) };
string pStr = Write("clv-parquet-log-str-date.parquet", false, false);
inputs.Add(("Parquet string id, DATE", () => TransactionLogParquet.Summarize(pStr, log, window)));
string pText = Write("clv-parquet-log-str-text.parquet", false, true);
inputs.Add(("Parquet string id, string date", () => TransactionLogParquet.Summarize(pText, log, window)));
if (numeric)
{
    string pLong = Write("clv-parquet-log-long-date.parquet", true, false);
    inputs.Add(("Parquet INT64 id, DATE", () => TransactionLogParquet.Summarize(pLong, log, window)));
}
lines = null!; ids = null!; dates = null!; amounts = null!;
GC.Collect();
SummaryResult? first = null;
foreach (var (name, run) in inputs)
{
    run(); // warm-up
    var times = new List<double>();
    SummaryResult r = null!;
    for (int k = 0; k < 7; k++)
    {
        var sw = Stopwatch.StartNew();
        r = run();
        times.Add(sw.Elapsed.TotalSeconds);
    }
    first ??= r;
    bool same = r.Summary.CustomerIds.SequenceEqual(first.Summary.CustomerIds) && r.Summary.Frequency.SequenceEqual(first.Summary.Frequency) && r.Summary.MonetaryValue!.SequenceEqual(first.Summary.MonetaryValue!);
    times.Sort();
    Console.WriteLine($"{name}: median {times[3]:F2} s (min {times[0]:F2}, max {times[6]:F2}), {r.TransactionsRead:N0} rows, {r.Summary.Count:N0} customers, same as CSV: {same}");
}
