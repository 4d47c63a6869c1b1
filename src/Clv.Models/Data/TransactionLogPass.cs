namespace Clv.Models.Data;

/// <summary>
/// The summariser's accumulation over one pass of a transaction log, whatever its format (<see cref="TransactionRows"/>).
/// In the default (sorted) mode it keeps O(1) state per customer and stops at the first purchase that is earlier than one
/// already seen for its customer; in the exact mode it keeps the distinct (customer, day) pairs, so any order is summarised
/// correctly.
/// </summary>
internal sealed class TransactionLogPass : ITransactionSink
{
    private readonly SummaryOptions _options;
    private readonly CustomerTable _table = new();
    private readonly Dictionary<long, double>? _days;
    private readonly int _calibrationEnd;
    private readonly int _windowEnd;
    private readonly bool _periods;
    private readonly Batch _batch = new();
    private TransactionRows? _rows;
    private long _read;
    private long _afterWindow;
    private int _minDay = int.MaxValue;
    private int _maxDay = int.MinValue;
    private long _minDayPosition;

    public TransactionLogPass(SummaryOptions options, bool exact)
    {
        _options = options;
        _days = exact ? new Dictionary<long, double>() : null;
        _periods = options.Opportunities != CalendarPeriod.None;
        _calibrationEnd = options.CalibrationEnd is { } cal ? options.TimeIndex(cal.DayNumber) : int.MaxValue;
        _windowEnd = options.ObservationEnd is { } obs ? options.TimeIndex(obs.DayNumber) : _calibrationEnd;
    }

    /// <summary>Where the sorted mode found the log unsorted, as the error to throw when no exact pass is possible.</summary>
    public ClvDataException? UnsortedError { get; private set; }

    /// <summary>Reads the whole log; false when the sorted mode met an out-of-order purchase.</summary>
    public bool Run(TransactionRows rows)
    {
        _rows = rows;
        return rows.ReadAll(this) && Flush(_batch);
    }

    /// <inheritdoc />
    public bool Add(ReadOnlySpan<byte> id, int day, double amount, long position)
    {
        _read++;
        return !_batch.Add(id, day, amount, position) || Flush(_batch);
    }

    /// <summary>
    /// Applies the buffered transactions in order. The customer lookups of the whole batch are hashed and their table slots
    /// prefetched first, so that their cache misses overlap instead of following one another (one random access per
    /// transaction is what bounds a large log's speed).
    /// </summary>
    private bool Flush(Batch batch)
    {
        int n = batch.Count;
        for (int k = 0; k < n; k++) _table.Prefetch(batch.Hash[k] = Utf8IdTable.Hash(batch.Id(k)));
        for (int k = 0; k < n; k++) _table.PrefetchState(batch.Customer[k] = _table.GetOrAdd(batch.Id(k), batch.Hash[k]));
        batch.Clear();
        for (int k = 0; k < n; k++)
        {
            int c = batch.Customer[k], day = batch.Day[k];
            double amount = batch.Amount[k];
            if (day < _minDay)
            {
                _minDay = day;
                _minDayPosition = batch.Line[k];
            }

            if (day > _maxDay) _maxDay = day;
            int time = _periods ? _options.TimeIndex(day) : day; // the table's time axis: days, or calendar periods
            if (time > _windowEnd)
            {
                _afterWindow++;
                continue;
            }

            if (_days is not null)
            {
                long key = ((long)c << 32) | (uint)time;
                _days[key] = _days.GetValueOrDefault(key) + amount;
            }
            else if (!_table.AddSorted(c, time, amount, _calibrationEnd))
            {
                UnsortedError = _rows!.Error(batch.Line[k], _rows.DateColumn,
                    $"the log must be sorted by date per customer: customer '{_table.Id(c)}' has a purchase on "
                    + $"{DateOnly.FromDayNumber(day):yyyy-MM-dd} after a later one; sort the log, or pass a file path or a "
                    + "seekable stream so that it can be read again in the exact (unsorted) mode");
                return false;
            }
        }

        return true;
    }

    /// <summary>Up to <see cref="Size"/> parsed transactions waiting for their customer lookups; ids copied into one buffer.</summary>
    private sealed class Batch
    {
        public const int Size = 256;
        private byte[] _bytes = new byte[Size * 16];
        private readonly int[] _start = new int[Size + 1];

        public int Count { get; private set; }
        public int[] Day { get; } = new int[Size];
        public double[] Amount { get; } = new double[Size];
        public long[] Line { get; } = new long[Size];
        public uint[] Hash { get; } = new uint[Size];
        public int[] Customer { get; } = new int[Size];

        public ReadOnlySpan<byte> Id(int k) => _bytes.AsSpan(_start[k], _start[k + 1] - _start[k]);

        /// <summary>Buffers one transaction; true when the batch is full.</summary>
        public bool Add(ReadOnlySpan<byte> id, int day, double amount, long line)
        {
            int at = _start[Count];
            if (at + id.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, at + id.Length));
            id.CopyTo(_bytes.AsSpan(at));
            Day[Count] = day;
            Amount[Count] = amount;
            Line[Count] = line;
            _start[++Count] = at + id.Length;
            return Count == Size;
        }

        /// <summary>Empties the id buffer; the per-row arrays stay readable until the next <see cref="Add"/>.</summary>
        public void Clear() => Count = 0;
    }

    /// <summary>Checks the window against the data and builds the result.</summary>
    public SummaryResult Finish()
    {
        TransactionRows rows = _rows ?? throw new InvalidOperationException("Run first");
        if (_read == 0) throw rows.NoRows();
        if (_options.CalibrationEnd is { } cal && cal.DayNumber < _minDay)
            throw rows.CalibrationBeforeFirst(_minDayPosition, cal, _minDay);

        if (_days is not null)
        {
            foreach (var (key, amount) in _days) _table.AddDistinctDay((int)(key >> 32), (int)key, amount, _calibrationEnd);
            foreach (var (key, amount) in _days) _table.AddRepeatAmount((int)(key >> 32), (int)key, amount, _calibrationEnd);
        }

        int calibrationEnd = _options.TimeIndex(_options.CalibrationEnd?.DayNumber ?? _maxDay);
        int? observationEnd = _options.ObservationEnd is { } obs ? _options.TimeIndex(obs.DayNumber) : null;
        var (summary, excluded) = _table.Build(calibrationEnd, observationEnd, _options.IndexUnit, rows.AmountColumn is not null, rows.Source);
        return new SummaryResult(summary, _read, _afterWindow, excluded, DateOnly.FromDayNumber(_minDay), DateOnly.FromDayNumber(_maxDay));
    }
}
