namespace Clv.Models.Kernels;

/// <summary>
/// A vector of doubles that the likelihood kernels are written against once, in the style of the BCL's internal
/// <c>ISimdVector</c> used by <c>TensorPrimitives</c>: <see cref="V512"/> (AVX-512), <see cref="V256"/> (AVX2) and
/// <see cref="Scalar"/> (one lane, <see cref="Math"/>; the remainder loop and the reference). A kernel instantiated
/// over a struct implementing this interface is specialised and inlined by the JIT, so the same source runs at every
/// width. Masks are vectors whose lanes are all-ones (true) or all-zeros (false).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ISimdDouble<TSelf> where TSelf : struct, ISimdDouble<TSelf>
{
    /// <summary>Number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>True when this width runs in hardware on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Loads <see cref="Count"/> values from <paramref name="source"/> starting at <paramref name="index"/> (no bounds check beyond the caller's loop).</summary>
    static abstract TSelf Load(double[] source, int index);

    /// <summary>Stores the lanes to <paramref name="target"/> starting at <paramref name="index"/>.</summary>
    static abstract void Store(TSelf value, double[] target, int index);

    /// <summary>Stores the lanes to the first <see cref="Count"/> elements of <paramref name="target"/>.</summary>
    static abstract void Store(TSelf value, Span<double> target);

    /// <summary>Every lane = <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);

    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>Lane-wise maximum.</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>Lane-wise minimum.</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>Lane-wise |a|.</summary>
    static abstract TSelf Abs(TSelf a);

    /// <summary>Mask of a &gt; b.</summary>
    static abstract TSelf GreaterThan(TSelf a, TSelf b);

    /// <summary>Lanes of <paramref name="ifTrue"/> where <paramref name="mask"/> is set, else of <paramref name="ifFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary>True when every lane of <paramref name="mask"/> is set.</summary>
    static abstract bool All(TSelf mask);

    /// <summary>Round to the nearest integer (ties to even).</summary>
    static abstract TSelf Round(TSelf a);

    /// <summary>
    /// Splits a positive finite normal x into x = m·2^e with m ∈ [1, 2); returns m and writes e (as a double).
    /// </summary>
    static abstract TSelf Frexp(TSelf x, out TSelf exponent);

    /// <summary>2^n for integer-valued n ∈ [−1022, 1023].</summary>
    static abstract TSelf PowerOfTwo(TSelf n);

    /// <summary>Natural logarithm of positive finite normal lanes (<see cref="VectorMath.Log"/> for vectors).</summary>
    static abstract TSelf Log(TSelf x);

    /// <summary>e^x (<see cref="VectorMath.Exp"/> for vectors).</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>Sum of the lanes, in a fixed order.</summary>
    static abstract double Sum(TSelf a);
}
