namespace Clv.Models.Data;

/// <summary>
/// Counts the rows of one pass over a transaction log and reports them to <see cref="TransactionLogOptions.Progress"/> every
/// <see cref="TransactionLogOptions.ProgressInterval"/> rows and at the end, with the share of the input read (NaN when unknown).
/// </summary>
internal sealed class LogReadProgress(IProgress<SummaryProgress>? progress, Func<double> fraction)
{
    /// <summary>Rows counted so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Counts one data row.</summary>
    public void Row()
    {
        if ((++Rows & (TransactionLogOptions.ProgressInterval - 1)) == 0)
            progress?.Report(new SummaryProgress(Rows, fraction()));
    }

    /// <summary>Reports the end of the pass: every row read, the whole input when its size is known.</summary>
    public void End() => progress?.Report(new SummaryProgress(Rows, double.IsNaN(fraction()) ? double.NaN : 1));
}
