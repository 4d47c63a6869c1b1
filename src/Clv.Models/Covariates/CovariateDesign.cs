using Clv.Models.Data;

namespace Clv.Models.Covariates;

/// <summary>One coefficient of a covariate model: the covariate, its process and its L2 penalty weight.</summary>
internal readonly record struct CovariateTerm(string Covariate, CovariateProcess Process, double Penalty)
{
    public string Name => CovariateSpec.CoefficientName(Process, Covariate);

    public bool InPurchase => Process is CovariateProcess.Purchase or CovariateProcess.Both;

    public bool InLife => Process is CovariateProcess.Life or CovariateProcess.Both;
}

/// <summary>
/// The covariate part of a model for one set of customers: the coefficients (<see cref="CovariateTerm"/>) and the customers'
/// covariate columns, with the linear predictors η_i = Σ_k γ_k z_ik of each process and the chain rule back from per-customer
/// derivatives ∂ℓ/∂η_i to the coefficients. Work is split into fixed chunks summed in order, so results do not depend on the
/// number of threads.
/// </summary>
internal sealed class CovariateDesign
{
    private const int Chunk = 16_384;
    private readonly double[][] purchaseColumns, lifeColumns;
    private readonly int[] purchaseCoefficient, lifeCoefficient;

    private CovariateDesign(IReadOnlyList<CovariateTerm> terms, CustomerCovariates covariates)
    {
        Terms = terms;
        Count = covariates.Count;
        double[] Column(CovariateTerm t) => covariates.IndexOf(t.Covariate) is var k and >= 0
            ? covariates.ColumnArray(k)
            : throw new ClvDataException(covariates.Table.Source, 1, t.Covariate, $"missing covariate '{t.Covariate}' (the model has the coefficient {t.Name})");
        var purchase = terms.Select((t, c) => (t, c)).Where(p => p.t.InPurchase).ToList();
        var life = terms.Select((t, c) => (t, c)).Where(p => p.t.InLife).ToList();
        purchaseColumns = [.. purchase.Select(p => Column(p.t))];
        purchaseCoefficient = [.. purchase.Select(p => p.c)];
        lifeColumns = [.. life.Select(p => Column(p.t))];
        lifeCoefficient = [.. life.Select(p => p.c)];
    }

    /// <summary>The coefficients in parameter order (after the model's base parameters).</summary>
    public IReadOnlyList<CovariateTerm> Terms { get; }

    /// <summary>Number of customers.</summary>
    public int Count { get; }

    /// <summary>The design of <paramref name="terms"/> over <paramref name="covariates"/>.</summary>
    /// <exception cref="ClvDataException">A term's covariate is not among the customers' covariates.</exception>
    public static CovariateDesign Create(IReadOnlyList<CovariateTerm> terms, CustomerCovariates covariates) => new(terms, covariates);

    /// <summary>
    /// The coefficients of <paramref name="spec"/>: purchase-only covariates, then life-only, then constrained (CLVTools' order of
    /// <c>trans</c>, <c>life</c>, <c>constr</c> groups, each in the order given), categorical names expanded to their dummies.
    /// </summary>
    /// <exception cref="ClvDataException">A name is not in the table.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A penalty is negative or not finite.</exception>
    public static IReadOnlyList<CovariateTerm> Resolve(CovariateSpec spec, CovariateTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Resolve(spec, table.Expand);
    }

    /// <summary>The coefficients of <paramref name="spec"/> with names expanded by <paramref name="expand"/> (a categorical column to its dummies).</summary>
    public static IReadOnlyList<CovariateTerm> Resolve(CovariateSpec spec, Func<string, IReadOnlyList<string>> expand)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!(spec.PurchasePenalty >= 0 && double.IsFinite(spec.PurchasePenalty))) throw new ArgumentOutOfRangeException(nameof(spec), spec.PurchasePenalty, "PurchasePenalty must be finite and >= 0");
        if (!(spec.LifePenalty >= 0 && double.IsFinite(spec.LifePenalty))) throw new ArgumentOutOfRangeException(nameof(spec), spec.LifePenalty, "LifePenalty must be finite and >= 0");
        List<string> Expand(IReadOnlyList<string> names) => [.. names.SelectMany(expand).Distinct(StringComparer.Ordinal)];
        var constrained = Expand(spec.Constrained);
        var terms = new List<CovariateTerm>();
        terms.AddRange(Expand(spec.Purchase).Except(constrained).Select(c => new CovariateTerm(c, CovariateProcess.Purchase, spec.PurchasePenalty)));
        terms.AddRange(Expand(spec.Life).Except(constrained).Select(c => new CovariateTerm(c, CovariateProcess.Life, spec.LifePenalty)));
        terms.AddRange(constrained.Select(c => new CovariateTerm(c, CovariateProcess.Both, spec.PurchasePenalty + spec.LifePenalty)));
        return terms;
    }

    /// <summary>η_i of the purchase and the lifetime process for coefficients <paramref name="gamma"/>.</summary>
    public void LinearPredictors(ReadOnlySpan<double> gamma, double[] purchase, double[] life, int threads)
    {
        var g = gamma.ToArray();
        ForChunks(threads, (start, end, _) =>
        {
            Fill(purchaseColumns, purchaseCoefficient, g, purchase.AsSpan(start, end - start), start);
            Fill(lifeColumns, lifeCoefficient, g, life.AsSpan(start, end - start), start);
        });
    }

    /// <summary>η of customers start … start + purchase.Length − 1 only, into spans indexed from 0 (one thread).</summary>
    public void LinearPredictors(ReadOnlySpan<double> gamma, int start, Span<double> purchase, Span<double> life)
    {
        Fill(purchaseColumns, purchaseCoefficient, gamma, purchase, start);
        Fill(lifeColumns, lifeCoefficient, gamma, life, start);
    }

    /// <summary>eta[j] = Σ_k γ_k z_k[start + j].</summary>
    private static void Fill(double[][] columns, int[] coefficient, ReadOnlySpan<double> gamma, Span<double> eta, int start)
    {
        eta.Clear();
        for (int k = 0; k < columns.Length; k++)
        {
            double gk = gamma[coefficient[k]];
            var z = columns[k].AsSpan(start, eta.Length);
            for (int j = 0; j < eta.Length; j++) eta[j] += gk * z[j];
        }
    }

    /// <summary>Writes ∂ℓ/∂γ_c = Σ_i z_ik ∂ℓ/∂η_i (summed over both processes for a constrained coefficient).</summary>
    public void CoefficientGradient(double[] dPurchase, double[] dLife, Span<double> gradient, int threads)
    {
        int k = Terms.Count, chunks = ChunkCount;
        var partial = new double[chunks * k];
        ForChunks(threads, (start, end, chunk) =>
        {
            var sums = partial.AsSpan(chunk * k, k);
            Accumulate(purchaseColumns, purchaseCoefficient, dPurchase, sums, start, end);
            Accumulate(lifeColumns, lifeCoefficient, dLife, sums, start, end);
        });
        gradient.Clear();
        for (int c = 0; c < chunks; c++)
            for (int j = 0; j < k; j++) gradient[j] += partial[c * k + j];
    }

    private static void Accumulate(double[][] columns, int[] coefficient, double[] d, Span<double> sums, int start, int end)
    {
        for (int k = 0; k < columns.Length; k++)
        {
            var z = columns[k];
            double s = 0;
            for (int i = start; i < end; i++) s += z[i] * d[i];
            sums[coefficient[k]] += s;
        }
    }

    /// <summary>Σ_c λ_c γ_c², the penalty per customer (the objective is −ℓ/N + this).</summary>
    public double Penalty(ReadOnlySpan<double> gamma)
    {
        double p = 0;
        for (int c = 0; c < Terms.Count; c++) p += Terms[c].Penalty * gamma[c] * gamma[c];
        return p;
    }

    private int ChunkCount => ChunksOf(Count);

    /// <summary>
    /// The per-customer rates the kernels accept: finite, and within [1e-300, 1e300] so that their logarithms, quotients and
    /// vector log/exp (which assume positive normal inputs) stay exact. A line search may try coefficients whose e^(γz) leaves
    /// this range; the adapters then report a NaN log-likelihood, which the optimiser treats as "no better" and backs off from.
    /// </summary>
    internal static bool InKernelRange(double rate) => rate >= 1e-300 && rate <= 1e300;

    /// <summary>Number of fixed chunks <see cref="ForChunks(int, int, Action{int, int, int})"/> cuts <paramref name="count"/> rows into.</summary>
    internal static int ChunksOf(int count) => Math.Max(1, (count + Chunk - 1) / Chunk);

    /// <summary>Runs <paramref name="body"/>(start, end, chunk) over fixed chunks of the customers.</summary>
    public void ForChunks(int threads, Action<int, int, int> body) => ForChunks(Count, threads, body);

    /// <summary>Runs <paramref name="body"/>(start, end, chunk) over fixed chunks of <paramref name="count"/> rows, in parallel.</summary>
    internal static void ForChunks(int count, int threads, Action<int, int, int> body)
    {
        int chunks = ChunksOf(count);
        if (threads == 1 || chunks == 1)
        {
            for (int c = 0; c < chunks; c++) body(c * Chunk, Math.Min(count, (c + 1) * Chunk), c);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c => body(c * Chunk, Math.Min(count, (c + 1) * Chunk), c));
    }
}
