using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Clv.Models.Data;

/// <summary>
/// Customer identifiers as raw UTF-8 bytes, numbered 0, 1, … in order of first appearance: an open-addressing hash
/// table (linear probing, load ≤ 1/2) over one byte arena, so that millions of ids cost a few arrays rather than a
/// string and a dictionary entry each (no per-customer object for the garbage collector to trace).
/// </summary>
/// <remarks>
/// A slot holds the 32-bit hash, the id number and, for ids of at most 7 bytes (e.g. numbers below 10^7), the id itself
/// packed with its length, so that such a lookup reads one cache line; longer ids are compared against the arena.
/// <see cref="Prefetch"/> lets a caller that knows the next ids overlap their cache misses.
/// </remarks>
internal sealed class Utf8IdTable
{
    private const ulong NotInline = ulong.MaxValue;

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key;  // inline bytes | length << 56, or NotInline
        public uint Hash;
        public int Id;     // id number + 1; 0 = empty
    }

    private byte[] _arena = new byte[1 << 16];
    private int _arenaUsed;
    private int[] _start = new int[1024]; // _start[c] .. _start[c + 1]: the bytes of id c
    private Slot[] _slots;

    /// <summary>An empty table sized for about <paramref name="expectedIds"/> ids before it first grows.</summary>
    public Utf8IdTable(int expectedIds = 1024) =>
        _slots = new Slot[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(2L * expectedIds, 2048, 1 << 30))];

    /// <summary>Number of distinct ids.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of id <paramref name="c"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int c) => _arena.AsSpan(_start[c], _start[c + 1] - _start[c]);

    /// <summary>Id <paramref name="c"/> as a string.</summary>
    public string String(int c) => Encoding.UTF8.GetString(Bytes(c));

    /// <summary>The number of <paramref name="id"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> id) => GetOrAdd(id, Hash(id));

    /// <summary>The number of <paramref name="id"/> whose <see cref="Hash"/> is <paramref name="hash"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> id, uint hash)
    {
        ulong key = InlineKey(id);
        int mask = _slots.Length - 1;
        int i = (int)hash & mask;
        while (true)
        {
            ref Slot slot = ref _slots[i];
            if (slot.Id == 0) break;
            if (slot.Hash == hash && slot.Key == key && (key != NotInline || Bytes(slot.Id - 1).SequenceEqual(id))) return slot.Id - 1;
            i = (i + 1) & mask;
        }
        return Add(id, hash, key, i);
    }

    /// <summary>Asks the processor to start loading the slot where an id with this hash is looked up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(uint hash)
    {
        // A prefetch is only a hint: an address made stale by the garbage collector moving the array is harmless.
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)hash & (_slots.Length - 1)]));
    }

    private int Add(ReadOnlySpan<byte> id, uint hash, ulong key, int slot)
    {
        int c = Count;
        if (_arenaUsed + id.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + id.Length));
        if (c + 2 > _start.Length) Array.Resize(ref _start, _start.Length * 2);
        id.CopyTo(_arena.AsSpan(_arenaUsed));
        _arenaUsed += id.Length;
        _start[c + 1] = _arenaUsed;
        _slots[slot] = new Slot { Key = key, Hash = hash, Id = c + 1 };
        Count = c + 1;
        if (2 * Count > _slots.Length) Rehash();
        return c;
    }

    private void Rehash()
    {
        var slots = new Slot[_slots.Length * 2];
        int mask = slots.Length - 1;
        foreach (var s in _slots)
        {
            if (s.Id == 0) continue;
            int i = (int)s.Hash & mask;
            while (slots[i].Id != 0) i = (i + 1) & mask;
            slots[i] = s;
        }
        _slots = slots;
    }

    /// <summary>Ids of up to 7 bytes packed with their length (unique per id); <see cref="NotInline"/> for longer ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong InlineKey(ReadOnlySpan<byte> id)
    {
        if (id.Length > 7) return NotInline;
        ulong key = (ulong)id.Length << 56;
        for (int k = 0; k < id.Length; k++) key |= (ulong)id[k] << (8 * k);
        return key;
    }

    /// <summary>
    /// A 32-bit hash of the bytes: 8-byte words folded by multiply–rotate, then the SplitMix64 finaliser (Steele, Lea &amp;
    /// Flood 2014) so that sequential numeric ids spread over the table. Not randomised: ids are data, not attacker input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ReadOnlySpan<byte> bytes)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        ref byte b = ref MemoryMarshal.GetReference(bytes);
        int n = bytes.Length, i = 0;
        for (; i + 8 <= n; i += 8)
            h = BitOperations.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, i))) * 0xBF58476D1CE4E5B9UL, 29);
        if (i < n)
        {
            ulong tail = 0;
            for (int k = 0; i < n; i++, k += 8) tail |= (ulong)Unsafe.Add(ref b, i) << k;
            h = BitOperations.RotateLeft((h ^ tail) * 0xBF58476D1CE4E5B9UL, 29);
        }
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return (uint)(h ^ (h >> 31));
    }
}
