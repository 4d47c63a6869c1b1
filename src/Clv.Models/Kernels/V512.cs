using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clv.Models.Kernels;

/// <summary>Eight doubles in one AVX-512 register (<see cref="ISimdDouble{TSelf}"/>).</summary>
internal readonly struct V512 : ISimdDouble<V512>
{
    public readonly Vector512<double> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V512(Vector512<double> value) => Value = value;

    public static int Count => Vector512<double>.Count;
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Load(double[] source, int index) => new(Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V512 value, double[] target, int index) => value.Value.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(target), (nuint)index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V512 value, Span<double> target) => value.Value.CopyTo(target);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Broadcast(double value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 operator +(V512 a, V512 b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 operator -(V512 a, V512 b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 operator *(V512 a, V512 b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 operator /(V512 a, V512 b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 FusedMultiplyAdd(V512 a, V512 b, V512 c) => new(Vector512.FusedMultiplyAdd(a.Value, b.Value, c.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Max(V512 a, V512 b) => new(Vector512.Max(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Min(V512 a, V512 b) => new(Vector512.Min(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Abs(V512 a) => new(Vector512.Abs(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 GreaterThan(V512 a, V512 b) => new(Vector512.GreaterThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Select(V512 mask, V512 ifTrue, V512 ifFalse) => new(Vector512.ConditionalSelect(mask.Value, ifTrue.Value, ifFalse.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(V512 mask) => Vector512.EqualsAll(mask.Value.AsUInt64(), Vector512<ulong>.AllBitsSet);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Round(V512 a) => new(Vector512.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Frexp(V512 x, out V512 exponent)
    {
        var bits = x.Value.AsUInt64();
        // Biased exponent as a double via the 2^52 trick: (2^52 + e) has e in its low mantissa bits.
        var e = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(VectorMath.TwoTo52Bits)).AsDouble() - Vector512.Create(VectorMath.TwoTo52 + 1023.0);
        exponent = new V512(e);
        return new V512(((bits & Vector512.Create(VectorMath.MantissaMask)) | Vector512.Create(VectorMath.OneBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 PowerOfTwo(V512 n)
    {
        var biased = (n.Value + Vector512.Create(VectorMath.TwoTo52 + 1023.0)).AsUInt64();
        return new V512(Vector512.ShiftLeft(biased, 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Log(V512 x) => VectorMath.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Exp(V512 x) => VectorMath.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V512 a) => Vector512.Sum(a.Value);
}
