using System.Globalization;
using System.Runtime.Intrinsics;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv bench`: times the issue-5 performance table on this machine with seeded simulated data (median of --repeat runs
/// after a warm-up, Stopwatch in this process; BenchmarkDotNet in benchmarks/ is the rigorous measurement) and prints it as
/// Markdown: each row's median, customers/s and transactions/s, and its target. --scale shrinks or grows every size.
/// </summary>
internal static class BenchCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Run(CliArguments args, TextWriter stdout, TerminalProgress progress)
    {
        double scale = args.OptionalDouble("scale", min: 1e-4) ?? 1;
        int repeat = args.OptionalInt("repeat", min: 1) ?? 5;
        int threads = args.OptionalInt("threads", min: 1) ?? Environment.ProcessorCount;
        string? output = args.Optional("output");
        string workDir = args.Optional("work-dir") ?? Path.GetTempPath();
        args.RejectUnknown();
        if (!Directory.Exists(workDir)) throw new UsageException($"option --work-dir: folder '{workDir}' does not exist");
        bool full = scale == 1; // the targets are for the sizes
        int million = Size(1_000_000, scale);
        long logTransactions = (long)Math.Round(10_000_000 * scale);

        stdout.WriteLine(string.Create(C, $"clv bench: scale {scale}, {repeat} runs per row, {threads} threads, {Environment.ProcessorCount} processors, widest vector {Widest()}"));
        var table = new BenchTable(repeat, stdout, progress);
        var fit = new FitOptions { MaxDegreeOfParallelism = threads };
        string log = Path.Combine(workDir, $"clv-bench-{Environment.ProcessId}.csv");
        string clv = Path.Combine(workDir, $"clv-bench-{Environment.ProcessId}-clv.csv");
        try
        {
            stdout.WriteLine(string.Create(C, $"  writing a simulated log of about {logTransactions:N0} transactions to {log} ..."));
            var (logCustomers, transactions) = BenchData.WriteLog(log, logTransactions, seed: 1);
            table.Add("summarise the log CSV to RFM", logCustomers, transactions, full ? 1.5 : null,
                () => Summarizer.Summarize(log, BenchData.LogColumns, BenchData.Window), warmUp: false);
            table.Add("end to end: log CSV → summary → BG/NBD + Gamma-Gamma fits → CLV CSV", logCustomers, transactions, full ? 2.5 : null,
                () => EndToEnd(log, clv, fit), warmUp: false);
            File.Delete(log);
            File.Delete(clv);

            var customers = BenchData.Customers(million, seed: 42);
            long tx = BenchData.Transactions(customers);
            var bg = table.Add("BG/NBD fit", million, tx, full ? 0.1 : null, () => new BgNbdModel(fit).Fit(customers));
            var pnbd = table.Add("Pareto/NBD fit", million, tx, full ? 1.0 : null, () => new ParetoNbdModel(fit).Fit(customers));
            var (x, m) = BenchData.RepeatSpend(million, seed: 42);
            table.Add("Gamma-Gamma fit (repeat customers)", million, million + (long)x.Sum(), full ? 0.05 : null, () => new GammaGammaModel(fit).Fit(x, m));

            var valuation = new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), PurchaseHorizon = 52, MaxDegreeOfParallelism = threads };
            var bgFit = new BgNbdModel(fit).Fit(customers);
            var pnbdFit = new ParetoNbdModel(fit).Fit(customers);
            table.Add("P(alive) + E[Y(52)] + DERT, BG/NBD", million, tx, full ? 0.05 : null, () => CustomerValuation.Compute(bgFit, customers, valuation));
            table.Add("P(alive) + E[Y(52)] + DERT, Pareto/NBD", million, tx, full ? 0.05 : null, () => CustomerValuation.Compute(pnbdFit, customers, valuation));

            var scalar = fit with { VectorWidth = VectorWidth.Scalar };
            var bgScalar = table.Add("BG/NBD fit, scalar kernel", million, tx, null, () => new BgNbdModel(scalar).Fit(customers));
            var pnbdScalar = table.Add("Pareto/NBD fit, scalar kernel", million, tx, null, () => new ParetoNbdModel(scalar).Fit(customers));
            table.AddNote("SIMD vs scalar (whole fits; target ≥ 4x for the kernel)", string.Create(C,
                $"BG/NBD {bgScalar.MedianSeconds / bg.MedianSeconds:F1}x, Pareto/NBD {pnbdScalar.MedianSeconds / pnbd.MedianSeconds:F1}x"));

            customers = null!;
            Scaling(table, fit, scale, bg);
        }
        finally
        {
            if (File.Exists(log)) File.Delete(log);
            if (File.Exists(clv)) File.Delete(clv);
        }

        stdout.WriteLine();
        table.Write(stdout);
        if (output is not null) AtomicFile.Write(output, table.Write);
    }

    /// <summary>The whole path a user runs: summarise, fit both models, value every customer, write the CSV.</summary>
    internal static void EndToEnd(string log, string output, FitOptions fit)
    {
        var summary = Summarizer.Summarize(log, BenchData.LogColumns, BenchData.Window).Summary;
        var purchases = new BgNbdModel(fit).Fit(summary);
        var spend = new GammaGammaModel(fit).Fit(summary);
        var valuation = new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), MaxDegreeOfParallelism = fit.MaxDegreeOfParallelism };
        var (rows, columns) = PredictCommand.PurchaseColumns(purchases, 52, valuation, spend.Parameters, log)(summary);
        PredictCommand.Write(output, summary, rows, columns);
    }

    /// <summary>BG/NBD fit time at a tenth and ten times the base size: the slope (time per million customers) and linearity.</summary>
    private static void Scaling(BenchTable table, FitOptions fit, double scale, BenchRow middle)
    {
        var points = new List<(double Customers, double Seconds)> { (middle.Customers, middle.MedianSeconds) };
        foreach (int n in new[] { Size(100_000, scale), Size(10_000_000, scale) })
        {
            var customers = BenchData.Customers(n, seed: 7);
            var row = table.Add("BG/NBD fit (scaling)", n, BenchData.Transactions(customers), null, () => new BgNbdModel(fit).Fit(customers));
            points.Add((n, row.MedianSeconds));
        }
        points.Sort();
        double mx = points.Average(p => p.Customers), my = points.Average(p => p.Seconds);
        double slope = points.Sum(p => (p.Customers - mx) * (p.Seconds - my)) / points.Sum(p => (p.Customers - mx) * (p.Customers - mx));
        double perCustomerGrowth = points[^1].Seconds / points[^1].Customers / (points[1].Seconds / points[1].Customers);
        table.AddNote("BG/NBD fit time growth", string.Create(C,
            $"slope {slope * 1e6 * 1000:F0} ms per million customers (least squares over {points.Count} sizes); time per customer at {points[^1].Customers:N0} is {perCustomerGrowth:F2}x that at {points[1].Customers:N0}"));
    }

    private static int Size(long n, double scale) => (int)Math.Max(1000, Math.Round(n * scale));

    private static string Widest() =>
        Vector512.IsHardwareAccelerated ? "512-bit" : Vector256.IsHardwareAccelerated ? "256-bit" : "none (scalar)";
}
