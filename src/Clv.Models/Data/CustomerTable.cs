using System.Text;

namespace Clv.Models.Data;

/// <summary>
/// Per-customer running state of the summariser, as growable columns indexed by the order of first appearance:
/// first and last calibration day, number of distinct calibration days, sum of the repeat-day amounts, holdout
/// days and amounts, and the last day seen (to merge same-day purchases and to detect unsorted input).
/// Memory is proportional to the number of customers.
/// </summary>
internal sealed class CustomerTable
{
    /// <summary>Marks "no day yet".</summary>
    public const int NoDay = int.MinValue;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[256];
    private string[] _ids = new string[1024];
    private int[] _firstCal = new int[1024];
    private int[] _lastCal = new int[1024];
    private int[] _calDays = new int[1024];
    private int[] _holdDays = new int[1024];
    private int[] _lastDay = new int[1024];
    private double[] _repeatSum = new double[1024];
    private double[] _holdSum = new double[1024];

    public CustomerTable() => _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of distinct customers seen.</summary>
    public int Count { get; private set; }

    /// <summary>The identifier of customer <paramref name="c"/>.</summary>
    public string Id(int c) => _ids[c];

    /// <summary>Index of the customer with the UTF-8 id, adding it (in order of appearance) when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> utf8Id)
    {
        if (_chars.Length < utf8Id.Length) _chars = new char[Math.Max(utf8Id.Length, _chars.Length * 2)];
        int n = Encoding.UTF8.GetChars(utf8Id, _chars);
        ReadOnlySpan<char> id = _chars.AsSpan(0, n);
        if (_lookup.TryGetValue(id, out int c)) return c;
        c = Count;
        if (c == _ids.Length) Grow();
        string s = id.ToString();
        _index.Add(s, c);
        _ids[c] = s;
        _firstCal[c] = NoDay;
        _lastCal[c] = NoDay;
        _lastDay[c] = NoDay;
        Count = c + 1;
        return c;
    }

    /// <summary>
    /// Adds one transaction of a log that is sorted by date per customer. Returns false, changing nothing, when the
    /// day is earlier than one already added for the customer (the log is not sorted).
    /// </summary>
    public bool AddSorted(int c, int day, double amount, int calibrationEnd)
    {
        int last = _lastDay[c];
        if (day < last) return false;
        if (day <= calibrationEnd)
        {
            if (_firstCal[c] == NoDay)
            {
                _firstCal[c] = day;
                _calDays[c] = 1;
            }
            else
            {
                if (day != last) _calDays[c]++;
                if (day != _firstCal[c]) _repeatSum[c] += amount;
            }

            _lastCal[c] = day;
        }
        else
        {
            if (day != last) _holdDays[c]++;
            _holdSum[c] += amount;
        }

        _lastDay[c] = day;
        return true;
    }

    /// <summary>First pass of the exact (unsorted) mode: one distinct purchase day of a customer, in any order.</summary>
    public void AddDistinctDay(int c, int day, double dayAmount, int calibrationEnd)
    {
        if (day <= calibrationEnd)
        {
            _calDays[c]++;
            if (_firstCal[c] == NoDay || day < _firstCal[c]) _firstCal[c] = day;
            if (day > _lastCal[c]) _lastCal[c] = day;
        }
        else
        {
            _holdDays[c]++;
            _holdSum[c] += dayAmount;
        }
    }

    /// <summary>Second pass of the exact (unsorted) mode: adds the amount of a calibration day unless it is the first day.</summary>
    public void AddRepeatAmount(int c, int day, double dayAmount, int calibrationEnd)
    {
        if (day <= calibrationEnd && day != _firstCal[c]) _repeatSum[c] += dayAmount;
    }

    /// <summary>Builds the summary of the customers with a calibration purchase; also returns how many had none.</summary>
    public (CustomerSummary Summary, int Excluded) Build(
        int calibrationEnd, int? observationEnd, double unitDays, bool withAmounts, string source)
    {
        int n = 0;
        for (int c = 0; c < Count; c++)
        {
            if (_firstCal[c] != NoDay) n++;
        }

        var ids = new string[n];
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        double[]? m = withAmounts ? new double[n] : null;
        double[]? xh = observationEnd is null ? null : new double[n];
        double[]? mh = observationEnd is not null && withAmounts ? new double[n] : null;
        double[]? dh = observationEnd is null ? null : new double[n];
        double duration = observationEnd is { } obs ? (obs - calibrationEnd) / unitDays : 0;
        int k = 0;
        for (int c = 0; c < Count; c++)
        {
            int first = _firstCal[c];
            if (first == NoDay) continue;
            ids[k] = _ids[c];
            int repeats = _calDays[c] - 1;
            x[k] = repeats;
            tx[k] = (_lastCal[c] - first) / unitDays;
            t[k] = (calibrationEnd - first) / unitDays;
            if (m is not null) m[k] = repeats > 0 ? _repeatSum[c] / repeats : 0;
            if (xh is not null) xh[k] = _holdDays[c];
            if (mh is not null) mh[k] = _holdDays[c] > 0 ? _holdSum[c] / _holdDays[c] : 0;
            if (dh is not null) dh[k] = duration;
            k++;
        }

        return (new CustomerSummary(ids, x, tx, t, m, xh, mh, dh, source), Count - n);
    }

    private void Grow()
    {
        int size = _ids.Length * 2;
        Array.Resize(ref _ids, size);
        Array.Resize(ref _firstCal, size);
        Array.Resize(ref _lastCal, size);
        Array.Resize(ref _calDays, size);
        Array.Resize(ref _holdDays, size);
        Array.Resize(ref _lastDay, size);
        Array.Resize(ref _repeatSum, size);
        Array.Resize(ref _holdSum, size);
    }
}
