using System.Diagnostics;
using System.Globalization;
using System.Text;
using Clv.Models.Uncertainty;
using Clv.Models.BgBb;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Sbg;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv fit`: reads a summary (survivor counts for a retention model; with --covariates also a covariate file joined on customer
/// id), fits a model, prints the estimates and writes the model file.
/// </summary>
internal static class FitCommand
{
    public static void Run(CliArguments args, TextWriter stdout, TerminalProgress progress)
    {
        var model = ModelCatalog.Find(args.Required("model"));
        string input = args.Required("input");
        string output = args.Required("output");
        var options = new FitOptions { Penalizer = args.OptionalDouble("penalizer", min: 0) ?? 0, ExtraStarts = args.OptionalInt("extra-starts", min: 0) ?? 0 };
        var bootstrap = BootstrapArguments.Read(args);
        var covariateArgs = CovariateArguments.Read(args);
        args.RejectUnknown();
        if (bootstrap is not null && model.Fit is null) throw new UsageException($"--bootstrap is available for bg-nbd, pareto-nbd, mbg-nbd and gamma-gamma models, not for a {model.Name} model");
        if (covariateArgs is not null && model.Covariates is null) throw new UsageException($"--covariates is available for bg-nbd and pareto-nbd models, not for a {model.Name} model");
        CustomerSummary? customers = null;
        CovariateTable? covariates = null;

        var clock = Stopwatch.StartNew();
        Func<FitOptions, FitOutcome> fit;
        if (covariateArgs is not null)
        {
            customers = SummaryInput.ReadCustomers(input, "a fit with covariates joins them to each customer and needs");
            covariates = CovariateTableCsv.Read(covariateArgs.Path, covariateArgs.Csv);
            var spec = covariateArgs.SpecFor(covariates);
            var (summary, table) = (customers, covariates);
            fit = o => model.Covariates!.Fit(summary, table, spec, o, input);
        }
        else if (model.Opportunities is { } discrete)
        {
            var data = OpportunitySummaryCsv.Read(input);
            fit = o => discrete.Fit(data, o);
        }
        else if (model.Retention is { } retention)
        {
            var cohorts = CohortSurvivorsCsv.Read(input);
            fit = o => retention.Fit(cohorts, o);
        }
        else
        {
            var fitSummary = model.Fit ?? throw new UsageException($"clv fit does not know how to fit {model.Name}");
            var summary = SummaryInput.Read(input);
            customers = summary.Customers;
            if (bootstrap is not null && customers is null)
                throw new UsageException($"--bootstrap resamples customers: {input} is a compressed summary; pass the per-customer summary");
            fit = o => fitSummary(summary, o);
        }
        var read = clock.Elapsed;
        FitOutcome outcome;
        using (var line = progress.Begin())
            outcome = fit(options with { Progress = progress.Fit(line, model.Name) });
        var fitted = clock.Elapsed - read;
        AtomicFile.Write(output, w => w.Write(outcome.Document.ToJson()));

        stdout.Write(EstimateTable.Format(model.Title, outcome.Estimate));
        foreach (var note in outcome.Notes) stdout.WriteLine($"  {note}");
        stdout.WriteLine($"  read {read.TotalSeconds:F3} s, fit {fitted.TotalSeconds:F3} s; model written to {output}");
        if (bootstrap is null) return;
        var boot = clock.Elapsed;
        var o = bootstrap with { Fit = options };
        var (parameters, failed, boundary) = covariates is not null
            ? Summary(model.Covariates!.Load(outcome.Document, output).Bootstrap(customers!, covariates, o, null))
            : model.Purchases is { } purchases
            ? Summary(Bootstrap.Purchases(purchases(outcome.Document, output), customers!, o))
            : Summary(Bootstrap.Spend(model.Spend!(outcome.Document, output), customers!, o));
        stdout.Write(BootstrapTable(parameters, o, failed, boundary));
        stdout.WriteLine($"  bootstrap {(clock.Elapsed - boot).TotalSeconds:F3} s");
    }

    private static (IReadOnlyList<BootstrapParameter>, int, int) Summary(PurchaseBootstrap b) => (b.Parameters, b.Failures.Count, b.OnBoundary);

    private static (IReadOnlyList<BootstrapParameter>, int, int) Summary(CovariateBootstrapResult b) => (b.Parameters, b.Failed, b.Boundary);

    private static (IReadOnlyList<BootstrapParameter>, int, int) Summary(SpendBootstrap b) => (b.Parameters, b.Failures.Count, b.OnBoundary);

    /// <summary>Bootstrap standard errors and percentile intervals next to the estimates, and the replicates that failed or hit the boundary.</summary>
    internal static string BootstrapTable(IReadOnlyList<BootstrapParameter> parameters, BootstrapOptions options, int failed, int boundary)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string level = (options.ConfidenceLevel * 100).ToString("0.##", c) + "%";
        string kind = options.Kind == BootstrapKind.Parametric ? "parametric" : "nonparametric";
        sb.AppendLine(c, $"  bootstrap: {options.Replicates} {kind} replicates, seed {options.Seed}; {failed} failed to converge (excluded), {boundary} at the edge of the parameter space");
        sb.AppendLine(c, $"  {"parameter",-10} {"estimate",12} {"boot. se",12} {level + " lower",12} {level + " upper",12}");
        foreach (var p in parameters)
            sb.AppendLine(c, $"  {p.Name,-10} {G(p.Estimate),12} {G(p.StandardError),12} {G(p.Lower),12} {G(p.Upper),12}");
        return sb.ToString();
    }

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
