// Pareto/NBD vs BG/NBD vs MBG/NBD on CDNOW, judged on the calibration data and on the 39-week holdout, as a .NET 10
// file-based program. Run from the repository root:  dotnet run samples/compare-models.cs [data folder] [plot folder]
// (the same steps as samples/notebooks/02-model-comparison.ipynb; docs/diagnostics.md defines every check).
#:project ../src/Clv.Models/Clv.Models.csproj
#:project ../src/Clv.Models.Plotting/Clv.Models.Plotting.csproj

using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.Estimation;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Plotting;

string dataFolder = args.Length > 0 ? args[0] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "samples", "data");
string plotFolder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "clv-samples");
Directory.CreateDirectory(plotFolder);

var log = new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
string logPath = Path.Combine(dataFolder, "cdnowElog.csv");
CustomerSummary summary = Summarizer.Summarize(logPath, log, window).Summary;

// 1. Fit the three models.
FittedParetoNbd paretoNbd = new ParetoNbdModel().Fit(summary);
FittedBgNbd bgNbd = new BgNbdModel().Fit(summary);
FittedMbgNbd mbgNbd = new MbgNbdModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("Pareto/NBD", paretoNbd.Estimate));
Console.WriteLine(EstimateTable.Format("BG/NBD", bgNbd.Estimate));
Console.WriteLine(EstimateTable.Format("MBG/NBD", mbgNbd.Estimate));

// 2. Log-likelihood, AIC, BIC and the customer-level holdout errors.
ComparedModel[] models =
[
    new("pareto-nbd", paretoNbd, paretoNbd.Estimate.Parameters.Count),
    new("bg-nbd", bgNbd, bgNbd.Estimate.Parameters.Count),
    new("mbg-nbd", mbgNbd, mbgNbd.Estimate.Parameters.Count),
];
ModelComparison comparison = ModelComparison.Compute(models, summary);
Console.Write(DiagnosticsText.Format(comparison));

// 3. Calibration vs holdout, by calibration frequency.
CalibrationHoldout[] buckets = [.. models.Select(m => CalibrationHoldout.Compute(m.Model, summary))];
Console.WriteLine($"\n{"calibration x",13} {"customers",9} {"actual",7} {"pareto-nbd",10} {"bg-nbd",7} {"mbg-nbd",7}");
for (int k = 0; k < buckets[0].Buckets.Count; k++)
{
    var b = buckets[0].Buckets[k];
    Console.WriteLine($"{b.Label,13} {b.Customers,9} {b.MeanActual,7:F3} {b.MeanPredicted,10:F3} {buckets[1].Buckets[k].MeanPredicted,7:F3} {buckets[2].Buckets[k].MeanPredicted,7:F3}");
}

// 4. Repeat-transaction histograms with chi-square tests.
foreach (var m in models)
    Console.Write($"\n{m.Name}\n" + DiagnosticsText.Format(RepeatTransactionHistogram.Compute(m.Model, summary, m.ParameterCount)));

// 5. Plots: the comparison, calibration vs holdout per model, cumulative tracking.
RepeatTransactionLog weekly = RepeatTransactionLog.Read(logPath, log, window);
var plots = new List<(string Name, ScottPlot.Plot Plot)> { ("model-comparison", DiagnosticPlots.ModelComparison(comparison)) };
for (int m = 0; m < models.Length; m++)
{
    plots.Add(($"{models[m].Name}-calibration-holdout", DiagnosticPlots.CalibrationHoldout(buckets[m], models[m].Name)));
    plots.Add(($"{models[m].Name}-tracking-cumulative", DiagnosticPlots.TrackingCumulative(Tracking.Compute(models[m].Model, weekly), models[m].Name, "week")));
}

foreach (var (name, plot) in plots) PlotImage.Save(plot, Path.Combine(plotFolder, name + ".png"), PlotFormat.Png);
Console.WriteLine($"\n{plots.Count} plots in {plotFolder}");
