namespace Clv.Models.Data;

/// <summary>How far the summariser (or the tracking log reader) has read a transaction log (<see cref="TransactionLogOptions.Progress"/>).</summary>
/// <param name="TransactionsRead">Data rows read so far in this pass.</param>
/// <param name="Fraction">Share of the input's bytes read, 0..1, or NaN when the input's length is unknown (a non-seekable stream).</param>
/// <remarks>A log that is not sorted by date per customer is read a second time (the exact mode): that pass reports from 0 again.</remarks>
public readonly record struct SummaryProgress(long TransactionsRead, double Fraction);
