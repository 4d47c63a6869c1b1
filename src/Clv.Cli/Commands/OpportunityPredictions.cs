using System.Globalization;
using Clv.Models.BgBb;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv predict` for a model of discrete opportunities (BG/BB): reads <c>frequency,recency,periods[,weight]</c> and writes
/// <c>log_likelihood,p_alive,expected_purchases</c> (p_alive = P(alive in opportunity n + 1), the paper's convention;
/// expected_purchases over the next --horizon opportunities), and <c>dert</c> with --discount-rate (d per opportunity).
/// Each row is keyed by <c>customer_id</c> when the input has one, otherwise by its <c>frequency,recency,periods</c> (and <c>weight</c>).
/// </summary>
internal static class OpportunityPredictions
{
    public static void Run(BgBbParameters p, double? horizon, double? discountRate, string input, string output, TextWriter stdout)
    {
        if (horizon is not { } h) throw new UsageException("missing required option --horizon (the number of future opportunities)");
        if (h != Math.Floor(h)) throw new UsageException($"option --horizon of a bg-bb model is a number of opportunities, a whole number, but got {h.ToString(CultureInfo.InvariantCulture)}");
        if (discountRate is 0) throw new UsageException("--discount-rate of a bg-bb model must be > 0 (d per opportunity; undiscounted residual transactions may be infinite)");

        var data = OpportunitySummaryCsv.Read(input);
        var ll = new double[data.Count];
        var alive = new double[data.Count];
        var expected = new double[data.Count];
        BgBbLikelihood.LogLikelihood(p, data.Frequency, data.Recency, data.Periods, ll);
        BgBbPredictions.ProbabilityAlive(p, 1, data.Frequency, data.Recency, data.Periods, alive);
        BgBbPredictions.ExpectedTransactions(p, (long)h, data.Frequency, data.Recency, data.Periods, expected);
        List<(string Name, double[] Values)> columns = [("log_likelihood", ll), ("p_alive", alive), ("expected_purchases", expected)];
        if (discountRate is { } d)
        {
            var dert = new double[data.Count];
            BgBbPredictions.DiscountedExpectedResidualTransactions(p, d, data.Frequency, data.Recency, data.Periods, dert);
            columns.Add(("dert", dert));
        }
        AtomicFile.Write(output, w => Write(w, data, columns));
        stdout.WriteLine($"{data.Count} rows: predictions written to {output}");
    }

    private static void Write(TextWriter w, OpportunitySummary data, List<(string Name, double[] Values)> columns)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(data.CustomerIds is null ? "frequency,recency,periods" + (data.HasWeights ? ",weight" : "") : "customer_id");
        foreach (var (name, _) in columns) w.Write("," + name);
        w.WriteLine();
        for (int i = 0; i < data.Count; i++)
        {
            if (data.CustomerIds is { } ids) w.Write(CsvText.Field(ids[i]));
            else
            {
                w.Write(string.Create(c, $"{data.Frequency[i]},{data.Recency[i]},{data.Periods[i]}"));
                if (data.HasWeights) w.Write("," + data.Weight(i).ToString("R", c));
            }
            foreach (var (_, values) in columns) w.Write("," + values[i].ToString("R", c));
            w.WriteLine();
        }
    }
}
