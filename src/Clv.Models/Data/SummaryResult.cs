namespace Clv.Models.Data;

/// <summary>The summary of a transaction log and what was left out of it.</summary>
/// <param name="Summary">One row per customer with a purchase in the calibration window, in order of first appearance in the log.</param>
/// <param name="TransactionsRead">Data lines (transactions) read.</param>
/// <param name="TransactionsAfterWindow">
/// Transactions dated after the last used day (ObservationEnd, or CalibrationEnd without a holdout), not used.
/// </param>
/// <param name="CustomersFirstPurchaseAfterCalibration">
/// Customers whose first purchase is after CalibrationEnd, left out of the summary.
/// </param>
/// <param name="FirstDate">Earliest transaction date in the log.</param>
/// <param name="LastDate">Latest transaction date in the log.</param>
public sealed record SummaryResult(
    CustomerSummary Summary,
    long TransactionsRead,
    long TransactionsAfterWindow,
    int CustomersFirstPurchaseAfterCalibration,
    DateOnly FirstDate,
    DateOnly LastDate);
