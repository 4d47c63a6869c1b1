// Quickstart: the CDNOW transaction log -> weekly customer summary -> BG/NBD and Pareto/NBD fits -> predictions checked
// against the 39-week holdout the models never saw -> Gamma-Gamma spend -> customer lifetime value.
using System.Globalization;
using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "cdnowElog.csv");

// 1. Summarise the log: weeks, calibration up to 1997-09-30, holdout up to 1998-06-30.
var log = new TransactionLogOptions { CustomerColumn = "masterid", DateColumn = "date", AmountColumn = "sales", DateFormat = "yyyyMMdd" };
var window = new SummaryOptions { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
var result = Summarizer.Summarize(path, log, window);
var summary = result.Summary;
Console.WriteLine($"CDNOW: {result.TransactionsRead:N0} transactions, {summary.Count:N0} customers, {summary.Frequency.Sum():N0} repeat purchases in calibration\n");

// 2. Fit BG/NBD and Pareto/NBD.
var bgnbd = new BgNbdModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("BG/NBD", bgnbd.Estimate));
var pnbd = new ParetoNbdModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("Pareto/NBD", pnbd.Estimate));

// 3. Predict the 39-week holdout and compare with what happened.
double horizon = summary.DurationHoldout![0];
double[] holdout = summary.FrequencyHoldout!;
double actual = holdout.Sum();
foreach (var (name, model) in new (string, IPurchaseModel)[] { ("BG/NBD", bgnbd), ("Pareto/NBD", pnbd) })
{
    var predicted = model.ExpectedPurchases(summary, horizon);
    double mae = predicted.Select((p, i) => Math.Abs(p - holdout[i])).Average();
    Console.WriteLine($"{name,-10} holdout ({horizon:F1} weeks): predicted {predicted.Sum():F1} repeat purchases, actual {actual:F0}; per-customer MAE {mae:F3}");
}
Console.WriteLine($"A new customer is expected to make {pnbd.ExpectedPurchasesNewCustomer(horizon):F3} repeat purchases in {horizon:F1} weeks (Pareto/NBD)\n");

// 4. Spend and customer lifetime value: 30 % margin, 15 % a year, the whole residual lifetime.
var spend = new GammaGammaModel().Fit(summary);
Console.WriteLine(EstimateTable.Format("Gamma-Gamma spend", spend.Estimate));
var value = CustomerValuation.Compute(pnbd, summary,
    new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), Margin = 0.3, PurchaseHorizon = horizon }, spend.Parameters);
var deciles = value.SegmentSummaries(10);
Console.WriteLine($"Total CLV {value.Value!.Sum():N0}; the top decile holds {deciles[0].ShareOfTotal:P0} of it, the bottom half {deciles.Skip(5).Sum(d => d.ShareOfTotal):P0}\n");

Console.WriteLine($"{"customer",9} {"x",4} {"t_x",7} {"T",7} {"P(alive)",9} {"E[Y(39)]",9} {"actual",7} {"DERT",7} {"E[spend]",9} {"CLV",8}");
foreach (int i in value.Top(10))
    Console.WriteLine($"{summary.CustomerIds[i],9} {summary.Frequency[i],4} {summary.Recency[i],7:F2} {summary.T[i],7:F2} {value.ProbabilityAlive[i],9:F3} " +
        $"{value.ExpectedPurchases![i],9:F2} {holdout[i],7} {value.DiscountedExpectedTransactions[i],7:F2} {value.ExpectedSpend![i],9:F2} {value.Value![i],8:F2}");
