using System.Globalization;
using Clv.Models;

namespace Clv.Cli;

/// <summary>
/// `--name value` options of one command, and value-less switches such as `--svg` (<see cref="Flag"/>). Every option
/// must be known to the command and given once; a missing required option or an unknown one is a usage error.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2) throw new UsageException($"unexpected argument '{a}' (options are written --name value)");
            string name = a[2..];
            string? value = i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) ? null : args[++i];
            if (!values.TryAdd(name, value)) throw new UsageException($"option --{name} is given twice");
        }
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"missing required option --{name}");

    public string? Optional(string name)
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var v)) return null;
        return v ?? throw new UsageException($"option --{name} needs a value");
    }

    /// <summary>True when the switch <c>--name</c> is given (without a value).</summary>
    public bool Flag(string name)
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var v)) return false;
        return v is null ? true : throw new UsageException($"option --{name} takes no value (got '{v}')");
    }

    public double? OptionalDouble(string name, double min = double.NegativeInfinity)
    {
        var s = Optional(name);
        if (s is null) return null;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min)
            throw new UsageException($"option --{name} expects a number{(double.IsFinite(min) ? $" >= {min.ToString(CultureInfo.InvariantCulture)}" : "")} but got '{s}'");
        return v;
    }

    public int? OptionalInt(string name, int min = int.MinValue)
    {
        var s = Optional(name);
        if (s is null) return null;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
            throw new UsageException($"option --{name} expects a whole number{(min > int.MinValue ? $" >= {min.ToString(CultureInfo.InvariantCulture)}" : "")} but got '{s}'");
        return v;
    }

    public DateOnly? OptionalDate(string name)
    {
        var s = Optional(name);
        if (s is null) return null;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new UsageException($"option --{name} expects a date yyyy-MM-dd but got '{s}'");
        return d;
    }

    /// <summary>Fails on any option the command did not ask for.</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]} (this command takes --{string.Join(", --", used.Order())})");
    }
}

/// <summary>The command line itself is wrong (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
