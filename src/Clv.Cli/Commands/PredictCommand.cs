using System.Globalization;
using Clv.Models.Data;
using Clv.Models.Serialization;

namespace Clv.Cli.Commands;

/// <summary>`clv predict`: per-customer predictions from a model file and a summary.</summary>
internal static class PredictCommand
{
    public static void Run(CliArguments args, TextWriter stdout)
    {
        string modelPath = args.Required("model");
        string input = args.Required("input");
        double horizon = args.OptionalDouble("horizon", min: 0) ?? throw new UsageException("missing required option --horizon");
        string output = args.Required("output");
        args.RejectUnknown();

        var document = ModelDocument.Load(modelPath);
        var model = ModelCatalog.Find(document.Model, modelPath);
        var summary = CustomerSummaryCsv.Read(input);
        var columns = model.Predict(document, modelPath, summary, horizon).Columns;

        AtomicFile.Write(output, w =>
        {
            w.Write("customer_id");
            foreach (var (name, _) in columns) w.Write("," + name);
            w.WriteLine();
            for (int i = 0; i < summary.Count; i++)
            {
                w.Write(CsvText.Field(summary.CustomerIds[i]));
                foreach (var (_, values) in columns)
                {
                    w.Write(',');
                    w.Write(values[i].ToString("R", CultureInfo.InvariantCulture));
                }
                w.WriteLine();
            }
        });
        stdout.WriteLine($"{summary.Count} customers, horizon {horizon.ToString(CultureInfo.InvariantCulture)}: predictions written to {output}");
    }
}
