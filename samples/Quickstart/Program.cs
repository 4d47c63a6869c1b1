// Quickstart: the CDNOW transaction log -> weekly customer summary -> BG/NBD fit -> predictions,
// checked against the 39-week holdout the model never saw.
using System.Globalization;
using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "cdnowElog.csv");

// 1. Summarise the log: weeks, calibration up to 1997-09-30, holdout up to 1998-06-30.
var log = new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", AmountColumn = "sales", DateFormat = "yyyyMMdd" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
var result = Summarizer.Summarize(path, log, window);
var summary = result.Summary;
Console.WriteLine($"CDNOW: {result.TransactionsRead:N0} transactions, {summary.Count:N0} customers, {summary.Frequency.Sum():N0} repeat purchases in calibration\n");

// 2. Fit BG/NBD.
var fit = new BgNbdModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("BG/NBD", fit.Estimate));

// 3. Predict the 39-week holdout and compare with what happened.
double horizon = summary.DurationHoldout![0];
var expected = fit.ExpectedPurchases(summary, horizon);
var alive = fit.ProbabilityAlive(summary);
Console.WriteLine($"Holdout ({horizon:F1} weeks): predicted {expected.Sum():F1} repeat purchases, actual {summary.FrequencyHoldout!.Sum():F0}");
Console.WriteLine($"A new customer is expected to make {fit.ExpectedPurchasesNewCustomer(horizon):F3} repeat purchases in {horizon:F1} weeks; P(none) = {fit.ProbabilityOfPurchases(0, horizon):F3}\n");

// 4. The ten customers expected to buy most.
Console.WriteLine($"{"customer",9} {"x",4} {"t_x",7} {"T",7} {"P(alive)",9} {"E[Y(39)]",9} {"actual",7}");
foreach (int i in Enumerable.Range(0, summary.Count).OrderByDescending(i => expected[i]).Take(10))
    Console.WriteLine($"{summary.CustomerIds[i],9} {summary.Frequency[i],4} {summary.Recency[i],7:F2} {summary.T[i],7:F2} {alive[i],9:F3} {expected[i],9:F2} {summary.FrequencyHoldout![i],7}");
