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

    private readonly Utf8IdTable _ids = new();
    private CustomerState[] _state = new CustomerState[1024];

    /// <summary>One customer's running state, kept together so that a transaction touches one cache line.</summary>
    private struct CustomerState
    {
        public int FirstCal, LastCal, CalDays, HoldDays, LastDay;
        public double RepeatSum, HoldSum;
    }

    /// <summary>Number of distinct customers seen.</summary>
    public int Count => _ids.Count;

    /// <summary>The identifier of customer <paramref name="c"/>.</summary>
    public string Id(int c) => _ids.String(c);

    /// <summary>Index of the customer with the UTF-8 id, adding it (in order of appearance) when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> utf8Id) => GetOrAdd(utf8Id, Utf8IdTable.Hash(utf8Id));

    /// <summary>Starts loading the id-table slot of a hash (see <see cref="Utf8IdTable.Prefetch"/>).</summary>
    public void Prefetch(uint hash) => _ids.Prefetch(hash);

    /// <summary>Starts loading the state of customer <paramref name="c"/>: a hint only.</summary>
    public unsafe void PrefetchState(int c)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported && (uint)c < (uint)_state.Length)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref _state[c]));
    }

    /// <summary><see cref="GetOrAdd(ReadOnlySpan{byte})"/> with the id's <see cref="Utf8IdTable.Hash"/> already computed.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> utf8Id, uint hash)
    {
        int before = _ids.Count;
        int c = _ids.GetOrAdd(utf8Id, hash);
        if (c == before)
        {
            if (c == _state.Length) Array.Resize(ref _state, _state.Length * 2);
            _state[c] = new CustomerState { FirstCal = NoDay, LastCal = NoDay, LastDay = NoDay };
        }
        return c;
    }

    /// <summary>
    /// Adds one transaction of a log that is sorted by date per customer. Returns false, changing nothing, when the
    /// day is earlier than one already added for the customer (the log is not sorted).
    /// </summary>
    public bool AddSorted(int c, int day, double amount, int calibrationEnd)
    {
        ref CustomerState st = ref _state[c];
        int last = st.LastDay;
        if (day < last) return false;
        if (day <= calibrationEnd)
        {
            if (st.FirstCal == NoDay)
            {
                st.FirstCal = day;
                st.CalDays = 1;
            }
            else
            {
                if (day != last) st.CalDays++;
                if (day != st.FirstCal) st.RepeatSum += amount;
            }

            st.LastCal = day;
        }
        else
        {
            if (day != last) st.HoldDays++;
            st.HoldSum += amount;
        }

        st.LastDay = day;
        return true;
    }

    /// <summary>First pass of the exact (unsorted) mode: one distinct purchase day of a customer, in any order.</summary>
    public void AddDistinctDay(int c, int day, double dayAmount, int calibrationEnd)
    {
        ref CustomerState st = ref _state[c];
        if (day <= calibrationEnd)
        {
            st.CalDays++;
            if (st.FirstCal == NoDay || day < st.FirstCal) st.FirstCal = day;
            if (day > st.LastCal) st.LastCal = day;
        }
        else
        {
            st.HoldDays++;
            st.HoldSum += dayAmount;
        }
    }

    /// <summary>Second pass of the exact (unsorted) mode: adds the amount of a calibration day unless it is the first day.</summary>
    public void AddRepeatAmount(int c, int day, double dayAmount, int calibrationEnd)
    {
        if (day <= calibrationEnd && day != _state[c].FirstCal) _state[c].RepeatSum += dayAmount;
    }

    /// <summary>Builds the summary of the customers with a calibration purchase; also returns how many had none.</summary>
    public (CustomerSummary Summary, int Excluded) Build(
        int calibrationEnd, int? observationEnd, double unitDays, bool withAmounts, string source)
    {
        int n = 0;
        for (int c = 0; c < Count; c++)
        {
            if (_state[c].FirstCal != NoDay) n++;
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
            ref readonly CustomerState st = ref _state[c];
            int first = st.FirstCal;
            if (first == NoDay) continue;
            ids[k] = _ids.String(c);
            int repeats = st.CalDays - 1;
            x[k] = repeats;
            tx[k] = (st.LastCal - first) / unitDays;
            t[k] = (calibrationEnd - first) / unitDays;
            if (m is not null) m[k] = repeats > 0 ? st.RepeatSum / repeats : 0;
            if (xh is not null) xh[k] = st.HoldDays;
            if (mh is not null) mh[k] = st.HoldDays > 0 ? st.HoldSum / st.HoldDays : 0;
            if (dh is not null) dh[k] = duration;
            k++;
        }

        return (new CustomerSummary(ids, x, tx, t, m, xh, mh, dh, source), Count - n);
    }
}
