using System.Runtime.CompilerServices;

namespace Clv.Models.Kernels;

/// <summary>
/// One double as a one-lane "vector" (<see cref="ISimdDouble{TSelf}"/>): the remainder loop of every kernel and the
/// width used when vectors are disabled. Log and Exp are <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/>.
/// </summary>
internal readonly struct Scalar : ISimdDouble<Scalar>
{
    public readonly double Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Scalar(double value) => Value = value;

    public static int Count => 1;
    public static bool IsHardwareAccelerated => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Load(double[] source, int index) => new(source[index]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Scalar value, double[] target, int index) => target[index] = value.Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Scalar value, Span<double> target) => target[0] = value.Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Broadcast(double value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar operator +(Scalar a, Scalar b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar operator -(Scalar a, Scalar b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar operator *(Scalar a, Scalar b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar operator /(Scalar a, Scalar b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar FusedMultiplyAdd(Scalar a, Scalar b, Scalar c) => new(Math.FusedMultiplyAdd(a.Value, b.Value, c.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Max(Scalar a, Scalar b) => new(Math.Max(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Min(Scalar a, Scalar b) => new(Math.Min(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Abs(Scalar a) => new(Math.Abs(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar GreaterThan(Scalar a, Scalar b) => new(a.Value > b.Value ? BitConverter.UInt64BitsToDouble(ulong.MaxValue) : 0.0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Select(Scalar mask, Scalar ifTrue, Scalar ifFalse) => BitConverter.DoubleToUInt64Bits(mask.Value) != 0 ? ifTrue : ifFalse;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Scalar mask) => BitConverter.DoubleToUInt64Bits(mask.Value) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Round(Scalar a) => new(Math.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Frexp(Scalar x, out Scalar exponent)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x.Value);
        exponent = new Scalar((int)(bits >> 52) - 1023);
        return new Scalar(BitConverter.UInt64BitsToDouble((bits & VectorMath.MantissaMask) | VectorMath.OneBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar PowerOfTwo(Scalar n) => new(BitConverter.UInt64BitsToDouble((ulong)((long)n.Value + 1023) << 52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Log(Scalar x) => new(Math.Log(x.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Exp(Scalar x) => new(Math.Exp(x.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Scalar a) => a.Value;
}
