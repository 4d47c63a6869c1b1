using System.Diagnostics;
using Clv.Models.BgBb;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Sbg;

namespace Clv.Cli.Commands;

/// <summary>`clv fit`: reads a summary (survivor counts for a retention model), fits a model, prints the estimates and writes the model file.</summary>
internal static class FitCommand
{
    public static void Run(CliArguments args, TextWriter stdout, TerminalProgress progress)
    {
        var model = ModelCatalog.Find(args.Required("model"));
        string input = args.Required("input");
        string output = args.Required("output");
        var options = new FitOptions { Penalizer = args.OptionalDouble("penalizer", min: 0) ?? 0, ExtraStarts = args.OptionalInt("extra-starts", min: 0) ?? 0 };
        args.RejectUnknown();

        var clock = Stopwatch.StartNew();
        Func<FitOptions, FitOutcome> fit;
        if (model.Opportunities is { } discrete)
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
    }
}
