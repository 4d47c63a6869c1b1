// Customer lifetime value and value segments on CDNOW as a .NET 10 file-based program: Pareto/NBD (transactions) and
// Gamma-Gamma (spend) -> CLV per customer -> top customers, deciles checked against the holdout revenue -> a plot.
// Run from the repository root:  dotnet run samples/clv-segments.cs [data folder] [plot folder]
// (the same steps as samples/notebooks/03-clv-segmentation.ipynb; docs/valuation.md has the formulas).
#:project ../src/Clv.Models/Clv.Models.csproj
#:project ../src/Clv.Models.Plotting/Clv.Models.Plotting.csproj

using Clv.Models;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Plotting;
using Clv.Models.Valuation;

string dataFolder = args.Length > 0 ? args[0] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "samples", "data");
string plotFolder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "clv-samples");
Directory.CreateDirectory(plotFolder);

var log = new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", AmountColumn = "sales", DateFormat = "yyyyMMdd" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
CustomerSummary summary = Summarizer.Summarize(Path.Combine(dataFolder, "cdnowElog.csv"), log, window).Summary;

// 1. Transactions (Pareto/NBD) and spend per transaction (Gamma-Gamma, on the customers with repeat purchases).
FittedParetoNbd purchases = new ParetoNbdModel().Fit(summary);
FittedGammaGamma spend = new GammaGammaModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("Pareto/NBD", purchases.Estimate));
Console.WriteLine(EstimateTable.Format("Gamma-Gamma", spend.Estimate));
Console.WriteLine($"Population mean spend per transaction {spend.PopulationMeanSpend:F2}; frequency-spend correlation {spend.FrequencySpendCorrelation:F3}\n");

// 2. CLV = 30 % margin x expected spend x DERT at 15 % a year (continuous weekly rate), discounted to the end of calibration.
var options = new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), Margin = 0.3, PurchaseHorizon = 39 };
CustomerValueTable value = CustomerValuation.Compute(purchases, summary, options, spend.Parameters);
double[] clv = value.Value!;
Console.WriteLine($"Total residual value {clv.Sum():N0}; mean per customer {clv.Average():F2}\n");
Console.WriteLine($"{"customer",9} {"x",4} {"t_x",7} {"T",7} {"P(alive)",9} {"DERT",7} {"E[spend]",9} {"CLV",8}");
foreach (int i in value.Top(10))
    Console.WriteLine($"{summary.CustomerIds[i],9} {summary.Frequency[i],4} {summary.Recency[i],7:F2} {summary.T[i],7:F2} {value.ProbabilityAlive[i],9:F3} " +
        $"{value.DiscountedExpectedTransactions[i],7:F2} {value.ExpectedSpend![i],9:F2} {clv[i],8:F2}");

// 3. Deciles by CLV: share of the predicted value and of the revenue actually spent in the 39-week holdout.
int[] decile = value.Deciles();
double[] holdoutRevenue = [.. Enumerable.Range(0, summary.Count).Select(i => summary.FrequencyHoldout![i] * summary.MonetaryValueHoldout![i])];
IReadOnlyList<SegmentSummary> predicted = value.SegmentSummaries(10);
IReadOnlyList<SegmentSummary> actual = CustomerRanking.Summarize(decile, holdoutRevenue, 10);
Console.WriteLine($"\n{"decile",6} {"customers",9} {"mean CLV",9} {"share of CLV",12} {"holdout revenue",15} {"share",6}");
for (int k = 0; k < 10; k++)
    Console.WriteLine($"{predicted[k].Segment,6} {predicted[k].Customers,9} {predicted[k].Mean,9:F2} {predicted[k].ShareOfTotal,12:P1} {actual[k].Total,15:N0} {actual[k].ShareOfTotal,6:P1}");

// 4. The deciles as a bar chart: the actual share of holdout revenue next to the predicted share of value.
string png = Path.Combine(plotFolder, "clv-deciles.png");
PlotImage.Save(DiagnosticPlots.SegmentShares(predicted, actual, "predicted CLV", "actual holdout revenue"), png, PlotFormat.Png);
Console.WriteLine($"\nPlot: {png}");
