using System.Diagnostics;
using Clv.Models.BgBb;
using Clv.Models.Data;
using Clv.Models.Estimation;

namespace Clv.Cli.Commands;

/// <summary>`clv fit`: reads a summary, fits a model, prints the estimates and writes the model file.</summary>
internal static class FitCommand
{
    public static void Run(CliArguments args, TextWriter stdout)
    {
        var model = ModelCatalog.Find(args.Required("model"));
        string input = args.Required("input");
        string output = args.Required("output");
        var options = new FitOptions { Penalizer = args.OptionalDouble("penalizer", min: 0) ?? 0 };
        args.RejectUnknown();

        var clock = Stopwatch.StartNew();
        Func<FitOutcome> fit;
        if (model.Opportunities is { } discrete)
        {
            var data = OpportunitySummaryCsv.Read(input);
            fit = () => discrete.Fit(data, options);
        }
        else
        {
            var fitSummary = model.Fit ?? throw new UsageException($"clv fit does not know how to fit {model.Name}");
            var summary = CustomerSummaryCsv.Read(input);
            fit = () => fitSummary(summary, options);
        }
        var read = clock.Elapsed;
        var outcome = fit();
        var fitted = clock.Elapsed - read;
        AtomicFile.Write(output, w => w.Write(outcome.Document.ToJson()));

        stdout.Write(EstimateTable.Format(model.Title, outcome.Estimate));
        foreach (var note in outcome.Notes) stdout.WriteLine($"  {note}");
        stdout.WriteLine($"  read {read.TotalSeconds:F3} s, fit {fitted.TotalSeconds:F3} s; model written to {output}");
    }
}
