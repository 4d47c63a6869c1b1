namespace Clv.Models.Special;

/// <summary>
/// Several integrands on (0, 1) sharing one set of nodes (e.g. a density and its moments): receives the abscissa <c>v</c>
/// and <c>1 − v</c> (both to full relative accuracy) and writes one value per component.
/// </summary>
internal interface IUnitIntervalVectorIntegrand
{
    /// <summary>Number of components written by <see cref="Evaluate"/>.</summary>
    int Components { get; }

    /// <summary>Writes the integrands at <c>v</c> into <paramref name="values"/> (length <see cref="Components"/>).</summary>
    void Evaluate(double v, double oneMinusV, Span<double> values);
}

/// <summary>
/// Tanh-sinh quadrature on (0, 1) of a vector of integrands with common nodes — the scheme of <see cref="TanhSinh"/>
/// (Takahasi &amp; Mori 1974; level doubling of Bailey, Jeyabalan &amp; Li 2005) with convergence decided on component 0.
/// The nodes and weights of every level are computed once and shared (read-only) by all callers.
/// </summary>
internal static class TanhSinhVector
{
    /// <summary>
    /// Truncation of the t-range: at |t| = 4.5 the node weight is ~1e-59 and the node lies within ~1e-61 of an endpoint, far below any
    /// contribution of the bounded integrands this is used for (unlike <see cref="TanhSinh"/>, which also serves endpoint singularities).
    /// </summary>
    private const double TMax = 4.5;

    /// <summary>Finest level for which nodes are tabulated.</summary>
    public const int MaxLevel = 10;

    /// <summary>Nodes new at each level: (weight, v, 1 − v); level 0 holds t = 0 and ±k/2, level ℓ the odd multiples of 2^−(ℓ+1).</summary>
    private static readonly (double W, double V, double OneMinusV)[][] Levels = BuildLevels();

    /// <summary>
    /// Writes ∫₀¹ fₖ(v) dv into <paramref name="result"/>, halving the step from 1/2 until two successive levels of component 0
    /// agree to <paramref name="relTol"/> (from level 3 on), at most down to 2^-(<paramref name="maxLevel"/>+1).
    /// </summary>
    /// <returns>The finest level used.</returns>
    public static int Integrate<TF>(in TF f, Span<double> result, double relTol, int maxLevel) where TF : struct, IUnitIntervalVectorIntegrand
    {
        maxLevel = Math.Min(maxLevel, MaxLevel);
        int k = f.Components;
        Span<double> sum = stackalloc double[k];
        Span<double> values = stackalloc double[k];
        sum.Clear();
        double h = 0.5;
        AddLevel(in f, Levels[0], sum, values);
        double previous = h * sum[0];
        int level;
        for (level = 1; level <= maxLevel; level++)
        {
            h *= 0.5;
            AddLevel(in f, Levels[level], sum, values);
            double current = h * sum[0];
            if (level >= 3 && Math.Abs(current - previous) <= relTol * Math.Abs(current)) break;
            previous = current;
        }
        for (int c = 0; c < k; c++) result[c] = h * sum[c];
        return Math.Min(level, maxLevel);
    }

    private static void AddLevel<TF>(in TF f, (double W, double V, double OneMinusV)[] nodes, Span<double> sum, Span<double> values) where TF : struct, IUnitIntervalVectorIntegrand
    {
        foreach (var (w, v, oneMinusV) in nodes)
        {
            f.Evaluate(v, oneMinusV, values);
            for (int c = 0; c < sum.Length; c++) sum[c] += w * values[c];
        }
    }

    /// <summary>
    /// Node <c>v = 1/(1+e^(−π sinh t))</c>, <c>1 − v = 1/(1+e^(π sinh t))</c>, weight <c>dv/dt = π cosh t · e/(1+e)²</c> with
    /// <c>e = e^(−π |sinh t|)</c>, for every t of every level (nodes with weight 0 are dropped).
    /// </summary>
    private static (double, double, double)[][] BuildLevels()
    {
        var levels = new (double, double, double)[MaxLevel + 1][];
        for (int level = 0; level <= MaxLevel; level++)
        {
            var nodes = new List<(double, double, double)>();
            double h = 0.5 / (1 << level);
            void Add(double t)
            {
                double s = Math.PI * Math.Sinh(t);
                double e = Math.Exp(-Math.Abs(s));
                double onePlus = 1 + e;
                double w = Math.PI * Math.Cosh(t) * e / (onePlus * onePlus);
                if (w == 0) return;
                double small = e / onePlus, large = 1 / onePlus;
                nodes.Add(s >= 0 ? (w, large, small) : (w, small, large));
            }
            if (level == 0)
            {
                Add(0);
                for (int j = 1; j * h <= TMax; j++) { Add(j * h); Add(-j * h); }
            }
            else
            {
                for (int j = 1; j * h <= TMax; j += 2) { Add(j * h); Add(-j * h); }
            }
            levels[level] = [.. nodes];
        }
        return levels;
    }
}
