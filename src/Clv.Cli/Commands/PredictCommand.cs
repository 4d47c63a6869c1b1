using System.Globalization;
using Clv.Models;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Serialization;

namespace Clv.Cli.Commands;

/// <summary>
/// `clv predict`: per-customer predictions from a model file and a summary. A transaction model writes
/// <c>log_likelihood,p_alive,expected_purchases</c>; a Gamma-Gamma model alone writes <c>log_likelihood,expected_spend</c>
/// for the customers with a repeat purchase.
/// </summary>
internal static class PredictCommand
{
    public static void Run(CliArguments args, TextWriter stdout)
    {
        string modelPath = args.Required("model");
        string input = args.Required("input");
        double? horizon = args.OptionalDouble("horizon", min: 0);
        string output = args.Required("output");
        args.RejectUnknown();

        var document = ModelDocument.Load(modelPath);
        var model = ModelCatalog.Find(document.Model, modelPath);
        Table table;
        if (model.Purchases is { } purchases)
        {
            table = PurchaseColumns(purchases(document, modelPath), horizon ?? throw new UsageException($"missing required option --horizon (a {model.Name} model predicts purchases over a horizon)"));
        }
        else
        {
            if (horizon is not null) throw new UsageException($"option --horizon does not apply to a {model.Name} model (it predicts spend per transaction)");
            table = SpendColumns(model.Spend!(document, modelPath), input);
        }

        var summary = CustomerSummaryCsv.Read(input);
        var (rows, columns) = table(summary);
        Write(output, summary, rows, columns);
        stdout.WriteLine($"{rows.Length} customers: predictions written to {output}");
    }

    private delegate (int[] Rows, List<(string Name, double[] Values)> Columns) Table(CustomerSummary summary);

    private static Table PurchaseColumns(IPurchaseModel model, double horizon)
    {
        return summary =>
        {
            int n = summary.Count;
            var ll = new double[n];
            var alive = new double[n];
            var expected = new double[n];
            model.LogLikelihoods(summary.Frequency, summary.Recency, summary.T, ll);
            model.ProbabilityAlive(summary.Frequency, summary.Recency, summary.T, alive);
            model.ExpectedPurchases(horizon, summary.Frequency, summary.Recency, summary.T, expected);
            return (AllRows(n), [("log_likelihood", ll), ("p_alive", alive), ("expected_purchases", expected)]);
        };
    }

    private static Table SpendColumns(GammaGammaParameters p, string input) => summary =>
    {
        var repeat = RepeatCustomers.Select(summary, input);
        var ll = new double[repeat.Count];
        var spend = new double[repeat.Count];
        GammaGammaSpend.LogLikelihoods(p, repeat.Frequency, repeat.MonetaryValue, ll);
        GammaGammaSpend.ConditionalExpectedAverageSpend(p, repeat.Frequency, repeat.MonetaryValue, spend);
        return (repeat.Rows, [("log_likelihood", ll), ("expected_spend", spend)]);
    };

    private static int[] AllRows(int n) => Enumerable.Range(0, n).ToArray();

    private static void Write(string output, CustomerSummary summary, int[] rows, List<(string Name, double[] Values)> columns) =>
        AtomicFile.Write(output, w =>
        {
            w.Write("customer_id");
            foreach (var (name, _) in columns) w.Write("," + name);
            w.WriteLine();
            for (int k = 0; k < rows.Length; k++)
            {
                w.Write(CsvText.Field(summary.CustomerIds[rows[k]]));
                foreach (var (_, values) in columns)
                {
                    w.Write(',');
                    w.Write(values[k].ToString("R", CultureInfo.InvariantCulture));
                }
                w.WriteLine();
            }
        });
}
