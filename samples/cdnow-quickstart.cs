// Quickstart as a .NET 10 file-based program: the CDNOW transaction log -> weekly customer summary -> BG/NBD fit ->
// P(alive) and expected purchases per customer, checked against the 39-week holdout -> two plots as PNG.
// Run from the repository root:  dotnet run samples/cdnow-quickstart.cs [data folder] [plot folder]
// (the same steps as samples/notebooks/01-quickstart.ipynb).
#:project ../src/Clv.Models/Clv.Models.csproj
#:project ../src/Clv.Models.Plotting/Clv.Models.Plotting.csproj

using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.Estimation;
using Clv.Models.Plotting;

// samples/data next to this file (dotnet run gives a file-based program the folder of its .cs file), unless given.
string dataFolder = args.Length > 0 ? args[0] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "samples", "data");
string plotFolder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "clv-samples");
Directory.CreateDirectory(plotFolder);

// 1. Summarise the log: weeks, calibration to 1997-09-30, holdout to 1998-06-30.
var log = new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", AmountColumn = "sales", DateFormat = "yyyyMMdd" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
SummaryResult result = Summarizer.Summarize(Path.Combine(dataFolder, "cdnowElog.csv"), log, window);
CustomerSummary summary = result.Summary;
double[] holdout = summary.FrequencyHoldout!;
Console.WriteLine($"CDNOW: {result.TransactionsRead:N0} transactions, {summary.Count:N0} customers, {summary.Frequency.Sum():N0} repeat purchases in calibration\n");

// 2. Fit BG/NBD (published: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4).
FittedBgNbd bgnbd = new BgNbdModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("BG/NBD", bgnbd.Estimate));

// 3. Per-customer predictions and the holdout check.
double[] pAlive = bgnbd.ProbabilityAlive(summary);
double[] next39Weeks = bgnbd.ExpectedPurchases(summary, t: 39);
double meanAbsoluteError = next39Weeks.Select((p, i) => Math.Abs(p - holdout[i])).Average();
Console.WriteLine($"Holdout (39 weeks): predicted {next39Weeks.Sum():F1} repeat purchases, actual {holdout.Sum():F0}; per-customer MAE {meanAbsoluteError:F3}");
Console.WriteLine($"A new customer is expected to make {bgnbd.ExpectedPurchasesNewCustomer(39):F3} repeat purchases in 39 weeks\n");

Console.WriteLine($"{"customer",9} {"x",4} {"t_x",7} {"T",7} {"P(alive)",9} {"E[Y(39)]",9} {"actual",7}");
foreach (int i in Enumerable.Range(0, summary.Count).OrderByDescending(i => next39Weeks[i]).Take(10))
    Console.WriteLine($"{summary.CustomerIds[i],9} {summary.Frequency[i],4} {summary.Recency[i],7:F2} {summary.T[i],7:F2} {pAlive[i],9:F3} {next39Weeks[i],9:F2} {holdout[i],7}");

// 4. Plots: the P(alive) matrix and the repeat-transaction histogram with its chi-square test.
var histogram = RepeatTransactionHistogram.Compute(bgnbd, summary, estimatedParameters: 4);
Console.Write("\n" + DiagnosticsText.Format(histogram));
string matrixPng = Path.Combine(plotFolder, "bg-nbd-p-alive-matrix.png"), histogramPng = Path.Combine(plotFolder, "bg-nbd-repeat-transactions.png");
PlotImage.Save(DiagnosticPlots.ProbabilityAliveMatrix(FrequencyRecencyMatrix.Compute(bgnbd, summary, horizon: 39), "BG/NBD"), matrixPng, PlotFormat.Png);
PlotImage.Save(DiagnosticPlots.RepeatTransactions(histogram, "BG/NBD"), histogramPng, PlotFormat.Png);
Console.WriteLine($"\nPlots: {matrixPng}, {histogramPng}");
