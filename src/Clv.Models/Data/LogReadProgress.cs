namespace Clv.Models.Data;

/// <summary>
/// Counts the rows of one pass over a transaction log and reports them to <see cref="TransactionLogOptions.Progress"/> every
/// <see cref="TransactionLogOptions.ProgressInterval"/> rows and at the end, with the share of the stream read.
/// </summary>
internal sealed class LogReadProgress
{
    private readonly IProgress<SummaryProgress>? progress;
    private readonly Stream stream;
    private readonly long length;

    public LogReadProgress(Stream stream, IProgress<SummaryProgress>? progress)
    {
        this.stream = stream;
        this.progress = progress;
        length = progress is not null && stream.CanSeek ? stream.Length : -1;
    }

    /// <summary>Rows counted so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Counts one data row.</summary>
    public void Row()
    {
        if ((++Rows & (TransactionLogOptions.ProgressInterval - 1)) == 0)
            progress?.Report(new SummaryProgress(Rows, length > 0 ? Math.Min(1, (double)stream.Position / length) : double.NaN)); // the position runs ahead of the parser by a buffer
    }

    /// <summary>Reports the end of the pass: every row read, the whole stream when its length is known.</summary>
    public void End() => progress?.Report(new SummaryProgress(Rows, length >= 0 ? 1 : double.NaN));
}
