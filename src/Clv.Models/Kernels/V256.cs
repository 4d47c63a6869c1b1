using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clv.Models.Kernels;

/// <summary>Four doubles in one AVX2 register (<see cref="ISimdDouble{TSelf}"/>).</summary>
internal readonly struct V256 : ISimdDouble<V256>
{
    public readonly Vector256<double> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V256(Vector256<double> value) => Value = value;

    public static int Count => Vector256<double>.Count;
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Load(double[] source, int index) => new(Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V256 value, double[] target, int index) => value.Value.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(target), (nuint)index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V256 value, Span<double> target) => value.Value.CopyTo(target);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Broadcast(double value) => new(Vector256.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 operator +(V256 a, V256 b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 operator -(V256 a, V256 b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 operator *(V256 a, V256 b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 operator /(V256 a, V256 b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 FusedMultiplyAdd(V256 a, V256 b, V256 c) => new(Vector256.FusedMultiplyAdd(a.Value, b.Value, c.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Max(V256 a, V256 b) => new(Vector256.Max(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Min(V256 a, V256 b) => new(Vector256.Min(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Abs(V256 a) => new(Vector256.Abs(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 GreaterThan(V256 a, V256 b) => new(Vector256.GreaterThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Select(V256 mask, V256 ifTrue, V256 ifFalse) => new(Vector256.ConditionalSelect(mask.Value, ifTrue.Value, ifFalse.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(V256 mask) => Vector256.EqualsAll(mask.Value.AsUInt64(), Vector256<ulong>.AllBitsSet);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Round(V256 a) => new(Vector256.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Frexp(V256 x, out V256 exponent)
    {
        var bits = x.Value.AsUInt64();
        // Biased exponent as a double via the 2^52 trick: (2^52 + e) has e in its low mantissa bits.
        var e = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(VectorMath.TwoTo52Bits)).AsDouble() - Vector256.Create(VectorMath.TwoTo52 + 1023.0);
        exponent = new V256(e);
        return new V256(((bits & Vector256.Create(VectorMath.MantissaMask)) | Vector256.Create(VectorMath.OneBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 PowerOfTwo(V256 n)
    {
        var biased = (n.Value + Vector256.Create(VectorMath.TwoTo52 + 1023.0)).AsUInt64();
        return new V256(Vector256.ShiftLeft(biased, 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Log(V256 x) => VectorMath.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Exp(V256 x) => VectorMath.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V256 a) => Vector256.Sum(a.Value);
}
