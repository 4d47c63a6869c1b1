using System.Text.Json;

namespace Clv.Models.BenchmarkComparer;

/// <summary>One benchmark case's timing statistics (nanoseconds per operation), as BenchmarkDotNet's JSON exporter writes them.</summary>
/// <param name="Name">The case's full name, method and parameters included.</param>
/// <param name="Median">Median time per operation.</param>
/// <param name="Q1">First quartile.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="Samples">Number of measured iterations.</param>
internal sealed record BenchmarkResult(string Name, double Median, double Q1, double Q3, int Samples);

/// <summary>Reads the results of a BenchmarkDotNet run: a <c>*-report-full*.json</c> file or a folder holding such files.</summary>
internal static class BenchmarkResults
{
    public static IReadOnlyDictionary<string, BenchmarkResult> Load(string path)
    {
        string[] files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*-report-full*.json", SearchOption.AllDirectories)
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"{path}: no such file or folder");
        if (files.Length == 0) throw new InvalidDataException($"{path}: no BenchmarkDotNet JSON results (*-report-full*.json); run the benchmarks with --exporters json");
        var results = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            foreach (var r in Parse(File.ReadAllText(file), file))
                if (!results.TryAdd(r.Name, r)) throw new InvalidDataException($"{file}: benchmark '{r.Name}' appears twice in {path}");
        }
        return results;
    }

    public static IEnumerable<BenchmarkResult> Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: expected a BenchmarkDotNet report with a 'Benchmarks' array");
            var list = new List<BenchmarkResult>();
            int index = 0;
            foreach (var b in benchmarks.EnumerateArray())
            {
                string name = b.TryGetProperty("FullName", out var n) && n.GetString() is { Length: > 0 } s ? s
                    : throw new InvalidDataException($"{source}: benchmark {index} has no FullName");
                // A case that failed to run has no statistics: it is reported as missing, not as a number.
                if (b.TryGetProperty("Statistics", out var st) && st.ValueKind == JsonValueKind.Object)
                    list.Add(new BenchmarkResult(name, Number(st, "Median", source, name), Number(st, "Q1", source, name), Number(st, "Q3", source, name), st.GetProperty("N").GetInt32()));
                index++;
            }
            return list;
        }
    }

    private static double Number(JsonElement statistics, string field, string source, string name) =>
        statistics.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && double.IsFinite(d) && d >= 0
            ? d
            : throw new InvalidDataException($"{source}: benchmark '{name}': Statistics.{field} is missing or not a non-negative number");
}
