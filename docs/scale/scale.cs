// The measured path of docs/scale.md as a .NET 10 file-based program: transaction CSVs -> many Parquet files -> the
// per-customer summary and the compressed tables with DuckDB, running the library's own SQL (Clv.Models.Sql.SummarySql)
// -> a local fit from the compressed tables. Run by docs/scale/run.sh; by hand (from the repository root):
//   dotnet run -c Release docs/scale/scale.cs -- to-parquet <csv folder> <parquet folder>
//   dotnet run -c Release docs/scale/scale.cs -- summarize '<parquet glob>' <calibration end yyyy-MM-dd> <unit days> <output folder>
//   dotnet run -c Release docs/scale/scale.cs -- fit <compressed.csv> <spend.csv>
//   dotnet run -c Release docs/scale/scale.cs -- to-csv '<parquet glob>' <one.csv>
//   dotnet run -c Release docs/scale/scale.cs -- check <summary.csv from clv summarize> <compressed.csv from the SQL of the same log>
// DuckDB uses all cores; CLV_DUCKDB_MEMORY (e.g. 6GB) caps its memory, spilling to <output folder>/spill beyond it.
#:project ../../src/Clv.Models/Clv.Models.csproj
#:package DuckDB.NET.Data.Full

using System.Diagnostics;
using System.Globalization;
using Clv.Models.BgNbd;
using Clv.Models.GammaGamma;
using Clv.Models.Sql;
using DuckDB.NET.Data;

var c = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "to-parquet" when args.Length == 3:
        ToParquet(args[1], args[2]);
        break;
    case "summarize" when args.Length == 5:
        Summarize(args[1], DateOnly.ParseExact(args[2], "yyyy-MM-dd", c), double.Parse(args[3], c), args[4]);
        break;
    case "fit" when args.Length == 3:
        Fit(args[1], args[2]);
        break;
    case "to-csv" when args.Length == 3:
        ToCsv(args[1], args[2]);
        break;
    case "check" when args.Length == 3:
        Check(args[1], args[2]);
        break;
    default:
        Console.Error.WriteLine("usage: scale.cs to-parquet <csv dir> <parquet dir> | summarize <parquet glob> <calibration end> <unit days> <out dir> | fit <compressed.csv> <spend.csv>");
        return 2;
}
return 0;

// Each chunk of `clv simulate` numbers its customers from 1: chunk k's ids are offset by k * 10^8 so that they stay distinct.
void ToParquet(string csvDir, string parquetDir)
{
    Directory.CreateDirectory(parquetDir);
    string[] files = Directory.GetFiles(csvDir, "*.csv").Order(StringComparer.Ordinal).ToArray();
    using var db = Open(parquetDir);
    var total = Stopwatch.StartNew();
    for (int k = 0; k < files.Length; k++)
    {
        Run(db, $"""
            COPY (SELECT CAST({k} AS BIGINT) * 100000000 + customer_id AS customer_id, "date" AS purchase_date, amount
                  FROM read_csv({Literal(files[k])}, header = true, columns = {"{"}'customer_id': 'BIGINT', 'date': 'DATE', 'amount': 'DOUBLE'{"}"}))
            TO {Literal(Path.Combine(parquetDir, $"part-{k:D3}.parquet"))} (FORMAT parquet, COMPRESSION zstd)
            """);
    }
    Console.WriteLine(string.Create(c, $"to-parquet: {files.Length} CSV files -> {parquetDir} in {total.Elapsed.TotalSeconds:F1} s"));
}

// The whole log as one CSV, for the single-machine baseline `clv summarize`.
void ToCsv(string parquetGlob, string csv)
{
    using var db = Open(Path.GetDirectoryName(Path.GetFullPath(csv))!);
    Step(db, "to-csv", $"COPY (SELECT * FROM read_parquet({Literal(parquetGlob)})) TO {Literal(csv)} (HEADER)");
}

void Summarize(string parquetGlob, DateOnly calibrationEnd, double unitDays, string outDir)
{
    Directory.CreateDirectory(outDir);
    using var db = Open(outDir);
    Run(db, $"CREATE VIEW {SummarySql.TransactionsRelation} AS SELECT customer_id, purchase_date, amount FROM read_parquet({Literal(parquetGlob)})");
    string summary = Path.Combine(outDir, "summary.parquet");
    Step(db, "transactions", $"SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM {SummarySql.TransactionsRelation}");
    Step(db, "summary", $"COPY ({SummarySql.CustomerSummary(calibrationEnd, unitDays)}) TO {Literal(summary)} (FORMAT parquet, COMPRESSION zstd)");
    Run(db, $"CREATE VIEW {SummarySql.SummaryRelation} AS SELECT * FROM read_parquet({Literal(summary)})");
    Step(db, "compressed purchases", $"COPY ({SummarySql.CompressedPurchases}) TO {Literal(Path.Combine(outDir, "compressed.csv"))} (HEADER)");
    Step(db, "compressed spend", $"COPY ({SummarySql.CompressedSpend}) TO {Literal(Path.Combine(outDir, "spend.csv"))} (HEADER)");
    Step(db, "rows", $"""
        SELECT (SELECT COUNT(*) FROM {SummarySql.SummaryRelation}) AS customers,
               (SELECT SUM(frequency) FROM {SummarySql.SummaryRelation}) AS repeat_days,
               (SELECT COUNT(*) FROM read_csv({Literal(Path.Combine(outDir, "compressed.csv"))})) AS compressed_rows,
               (SELECT COUNT(*) FROM read_csv({Literal(Path.Combine(outDir, "spend.csv"))})) AS spend_rows
        """);
}

void Fit(string compressedCsv, string spendCsv)
{
    var sw = Stopwatch.StartNew();
    var p = ReadColumns(compressedCsv, "frequency", "recency", "T", "count");
    var s = ReadColumns(spendCsv, "frequency", "monetary_value", "count");
    Console.WriteLine(string.Create(c, $"read: {p[0].Length:N0} purchase rows ({p[3].Sum():N0} customers), {s[0].Length:N0} spend rows ({s[2].Sum():N0} customers) in {sw.Elapsed.TotalSeconds:F2} s"));
    sw.Restart();
    FittedBgNbd bg = new BgNbdModel().Fit(p[0], p[1], p[2], p[3]);
    Console.WriteLine(string.Create(c, $"bg-nbd fit: {sw.Elapsed.TotalSeconds:F2} s, LL {bg.LogLikelihood:F1}, converged {bg.Estimate.Convergence.Converged} ({bg.Estimate.Convergence.Iterations} iterations)"));
    foreach (var e in bg.Estimate.Parameters) Console.WriteLine(string.Create(c, $"  {e.Name} = {e.Value:F5} (se {e.StandardError:F5})"));
    sw.Restart();
    FittedGammaGamma gg = new GammaGammaModel().Fit(s[0], s[1], s[2]);
    Console.WriteLine(string.Create(c, $"gamma-gamma fit: {sw.Elapsed.TotalSeconds:F2} s, LL {gg.Estimate.LogLikelihood:F1}, converged {gg.Estimate.Convergence.Converged}"));
    foreach (var e in gg.Estimate.Parameters) Console.WriteLine(string.Create(c, $"  {e.Name} = {e.Value:F5} (se {e.StandardError:F5})"));
}

// The library's summary (clv summarize) grouped by (frequency, recency, T) against the SQL's compressed table of the same
// log, through the two CSV writers (.NET round-trip doubles, DuckDB's shortest round-trip doubles): rows that differ.
void Check(string librarySummaryCsv, string compressedCsv)
{
    using var db = Open(Path.GetTempPath());
    Step(db, "check", $"""
        WITH library AS (SELECT frequency, recency, T, COUNT(*) AS count FROM read_csv({Literal(librarySummaryCsv)}) GROUP BY ALL),
             sql AS (SELECT * FROM read_csv({Literal(compressedCsv)}))
        SELECT (SELECT COUNT(*) FROM library) AS library_rows, (SELECT COUNT(*) FROM sql) AS sql_rows,
               COUNT(*) FILTER (WHERE l.count IS DISTINCT FROM s.count) AS differing_rows
        FROM library l FULL OUTER JOIN sql s ON l.frequency = s.frequency AND l.recency = s.recency AND l.T = s.T
        """);
}

// A headed numeric CSV (as DuckDB's COPY writes it) as columns, by name.
double[][] ReadColumns(string path, params string[] names)
{
    string[] lines = File.ReadAllLines(path);
    string[] header = lines[0].Split(',');
    int[] at = names.Select(n => Array.IndexOf(header, n)).ToArray();
    if (at.Contains(-1)) throw new InvalidDataException($"{path}: expected columns {string.Join(",", names)} but the header is {lines[0]}");
    var columns = names.Select(_ => new double[lines.Length - 1]).ToArray();
    for (int i = 1; i < lines.Length; i++)
    {
        string[] cells = lines[i].Split(',');
        for (int j = 0; j < at.Length; j++) columns[j][i - 1] = double.Parse(cells[at[j]], c);
    }
    return columns;
}

DuckDBConnection Open(string dir)
{
    var db = new DuckDBConnection("DataSource=:memory:");
    db.Open();
    Run(db, $"SET temp_directory = {Literal(Path.Combine(dir, "spill"))}");
    if (Environment.GetEnvironmentVariable("CLV_DUCKDB_MEMORY") is { Length: > 0 } memory) Run(db, $"SET memory_limit = {Literal(memory)}");
    Step(db, "duckdb", "SELECT version() AS version, current_setting('threads') AS threads, current_setting('memory_limit') AS memory_limit");
    return db;
}

// Runs one statement and prints its wall-clock time and, for a query, its first row.
void Step(DuckDBConnection db, string name, string sql)
{
    var sw = Stopwatch.StartNew();
    using var command = db.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    string row = "";
    if (reader.FieldCount > 0 && reader.Read())
        row = string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(j => $"{reader.GetName(j)} {Convert.ToString(reader.GetValue(j), c)}"));
    Console.WriteLine(string.Create(c, $"{name}: {sw.Elapsed.TotalSeconds:F1} s{(row.Length > 0 ? "; " + row : "")}"));
}

static void Run(DuckDBConnection db, string sql)
{
    using var command = db.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
