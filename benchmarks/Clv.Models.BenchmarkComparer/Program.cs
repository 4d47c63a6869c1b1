using System.Globalization;
using Clv.Models.BenchmarkComparer;

// benchmark-compare --baseline DIR|FILE --current DIR|FILE [--threshold 1.15] [--allow-missing]
// Exit 0: no regression; 1: a benchmark regressed (or is missing, unless allowed); 2: usage or input error.
return Cli.Run(args, Console.Out, Console.Error);

namespace Clv.Models.BenchmarkComparer
{
    internal static class Cli
    {
        public const string Usage = "usage: benchmark-compare --baseline DIR|FILE --current DIR|FILE [--threshold 1.15] [--allow-missing]";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            string? baseline = null, current = null;
            double threshold = 1.15;
            bool allowMissing = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--baseline" when i + 1 < args.Length: baseline = args[++i]; break;
                    case "--current" when i + 1 < args.Length: current = args[++i]; break;
                    case "--threshold" when i + 1 < args.Length:
                        if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || !(threshold > 1) || !double.IsFinite(threshold))
                        {
                            stderr.WriteLine($"benchmark-compare: --threshold expects a ratio > 1 (e.g. 1.15) but got '{args[i]}'");
                            return 2;
                        }
                        break;
                    case "--allow-missing": allowMissing = true; break;
                    default:
                        stderr.WriteLine($"benchmark-compare: unexpected argument '{args[i]}'");
                        stderr.WriteLine(Usage);
                        return 2;
                }
            }
            if (baseline is null || current is null)
            {
                stderr.WriteLine(Usage);
                return 2;
            }
            try
            {
                var rows = Comparison.Compare(BenchmarkResults.Load(baseline), BenchmarkResults.Load(current), threshold);
                stdout.Write(Comparison.Format(rows, threshold));
                bool failed = rows.Any(r => r.Verdict == Verdict.Regressed || (!allowMissing && r.Verdict == Verdict.Missing));
                return failed ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"benchmark-compare: {e.Message}");
                return 2;
            }
        }
    }
}
