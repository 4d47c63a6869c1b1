using System.Globalization;
using System.Text;

namespace Clv.Models.Data;

/// <summary>
/// Parses the date of a UTF-8 field to a day number (<see cref="DateOnly.DayNumber"/>): fast paths for ISO-8601
/// and <c>yyyyMMdd</c>, any other exact .NET format through <see cref="DateTime.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateTime)"/>.
/// Only the date part is kept; time and offset are ignored.
/// </summary>
internal sealed class DateFieldParser
{
    private readonly string? _format;
    private readonly bool _compact;

    public DateFieldParser(string? format)
    {
        _format = string.IsNullOrEmpty(format) ? null : format;
        _compact = _format == "yyyyMMdd";
    }

    /// <summary>The expected format, as shown in error messages.</summary>
    public string Description => _format ?? "ISO-8601 yyyy-MM-dd, yyyy-MM-ddTHH:mm:ss[.fff][Z|offset] or yyyy-MM-dd HH:mm:ss";

    /// <summary>Whether the format is <c>yyyyMMdd</c>, the one an integer date column (e.g. 19970101) can be written in.</summary>
    public bool IsCompact => _compact;

    /// <summary>The error text for a date that does not parse.</summary>
    public string Problem(string text) => $"cannot parse the date '{text}'; expected {Description}";

    /// <summary>Reads an integer written as <c>yyyyMMdd</c> (only when <see cref="IsCompact"/>).</summary>
    public bool TryParseNumber(long value, out int dayNumber)
    {
        if (!_compact || value < 1_01_01 || value > 9999_12_31) return Fail(out dayNumber);
        return TryDay((int)(value / 10000), (int)(value / 100 % 100), (int)(value % 100), out dayNumber);
    }

    public bool TryParse(ReadOnlySpan<byte> s, out int dayNumber)
    {
        if (_format is null) return TryParseIso(s, out dayNumber);
        if (_compact && s.Length == 8)
        {
            return TryDigits(s[..4], out int y) & TryDigits(s.Slice(4, 2), out int m) & TryDigits(s.Slice(6, 2), out int d)
                ? TryDay(y, m, d, out dayNumber)
                : Fail(out dayNumber);
        }

        return TryParseExact(s, out dayNumber);
    }

    private bool TryParseExact(ReadOnlySpan<byte> s, out int dayNumber)
    {
        if (s.Length > 256) return Fail(out dayNumber);
        Span<char> chars = stackalloc char[s.Length];
        if (!Encoding.UTF8.TryGetChars(s, chars, out int n)) return Fail(out dayNumber);
        if (!DateTime.TryParseExact(chars[..n], _format, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime dt))
            return Fail(out dayNumber);
        dayNumber = DateOnly.FromDateTime(dt).DayNumber;
        return true;
    }

    private static bool TryParseIso(ReadOnlySpan<byte> s, out int dayNumber)
    {
        if (s.Length < 10 || s[4] != (byte)'-' || s[7] != (byte)'-'
            || !TryDigits(s[..4], out int y) || !TryDigits(s.Slice(5, 2), out int m) || !TryDigits(s.Slice(8, 2), out int d))
        {
            return Fail(out dayNumber);
        }

        if (s.Length > 10 && !IsIsoTime(s[10..])) return Fail(out dayNumber);
        return TryDay(y, m, d, out dayNumber);
    }

    /// <summary>Checks <c>[T ]HH:mm[:ss[.f+]][Z|±hh[:]mm]</c>.</summary>
    private static bool IsIsoTime(ReadOnlySpan<byte> s)
    {
        if (s.Length < 6 || (s[0] != (byte)'T' && s[0] != (byte)' ')) return false;
        if (!TryDigits(s.Slice(1, 2), out int hh) || s[3] != (byte)':' || !TryDigits(s.Slice(4, 2), out int mm) || hh > 23 || mm > 59)
            return false;
        int i = 6;
        if (i < s.Length && s[i] == (byte)':')
        {
            if (s.Length < i + 3 || !TryDigits(s.Slice(i + 1, 2), out int ss) || ss > 59) return false;
            i += 3;
            if (i < s.Length && s[i] == (byte)'.')
            {
                int start = ++i;
                while (i < s.Length && char.IsAsciiDigit((char)s[i])) i++;
                if (i == start) return false;
            }
        }

        if (i == s.Length) return true;
        if (s[i] == (byte)'Z') return i + 1 == s.Length;
        if (s[i] != (byte)'+' && s[i] != (byte)'-') return false;
        ReadOnlySpan<byte> off = s[(i + 1)..];
        return off.Length switch
        {
            2 => TryDigits(off, out _),
            4 => TryDigits(off, out _),
            5 => off[2] == (byte)':' && TryDigits(off[..2], out _) && TryDigits(off[3..], out _),
            _ => false,
        };
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (byte b in s)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return false;
            value = (value * 10) + (int)digit;
        }

        return true;
    }

    private static bool TryDay(int y, int m, int d, out int dayNumber)
    {
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return Fail(out dayNumber);
        dayNumber = new DateOnly(y, m, d).DayNumber;
        return true;
    }

    private static bool Fail(out int dayNumber)
    {
        dayNumber = 0;
        return false;
    }
}
