namespace Clv.Models.Uncertainty;

/// <summary>
/// The random stream of one bootstrap replicate: xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number
/// generators") seeded by SplitMix64 from (seed, replicate). Each replicate has its own stream, a pure function of the seed and
/// its index, so the output does not depend on which thread runs which replicate, nor on the .NET version (unlike a seeded
/// <see cref="Random"/>). Derives from <see cref="Random"/> so the model simulators can draw from it.
/// </summary>
internal sealed class ReplicateRandom : Random
{
    private ulong s0, s1, s2, s3;

    public ReplicateRandom(long seed, int replicate)
    {
        ulong state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)replicate << 32 | 0x5851F42DUL));
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();

    /// <summary>Uniform on {0, …, n − 1} (Lemire's multiply-shift with rejection, unbiased).</summary>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBelow((ulong)maxValue);
    }

    /// <inheritdoc/>
    public override int Next() => Next(int.MaxValue);

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBelow((ulong)((long)maxValue - minValue)));
    }

    private ulong NextBelow(ulong n)
    {
        if (n <= 1) return 0;
        ulong threshold = (0UL - n) % n;
        while (true)
        {
            ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
            if (low >= threshold) return high;
        }
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
