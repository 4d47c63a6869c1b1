using Clv.Cli;
using Clv.Cli.Commands;
using Clv.Models;

return Cli.Run(args, Console.Out, Console.Error, TerminalProgress.ForConsole());

namespace Clv.Cli
{
    /// <summary>The `clv` command: a thin shell over Clv.Models.</summary>
    internal static class Cli
    {
        public const string Usage = """
            usage: clv <command> [options]

            commands:
              summarize  --input tx.csv --customer-column id --date-column date [--amount-column amount]
                         [--date-format yyyyMMdd] [--time-unit weeks|days|<days>|years|quarters|months] [--calibration-end yyyy-MM-dd]
                         [--observation-end yyyy-MM-dd] --output rfm.csv [--compressed]
                         (years|quarters|months: whole calendar periods as discrete opportunities, the bg-bb input)
                         (--compressed: frequency,recency,T,count rows, and rfm.spend.csv frequency,monetary_value,count)
                         (tx.parquet, rfm.parquet: Parquet by the extension; dates DATE, TIMESTAMP, text or yyyyMMdd integers)
              fit        --model bg-nbd|mbg-nbd|pareto-nbd|gamma-gamma|bg-bb|sbg --input rfm.csv --output model.json [--penalizer 0] [--extra-starts 0]
                         [--covariates cov.csv [--purchase-covariates a,b] [--life-covariates b,c] [--constrain-covariates c]
                          [--covariate-penalty 0 | --purchase-penalty 0 --life-penalty 0] [--categorical col] [--covariate-id-column id]]
                         (--input may be a compressed summary: a count column, detected from the header)
                         (--covariates: bg-nbd and pareto-nbd with static covariates joined on customer id; by default every
                          covariate in both processes)
                         (bg-bb: --input frequency,recency,periods[,weight], e.g. the output of summarize --time-unit years;
                          sbg: --input is survivor counts period,survivors[,cohort])
              predict    --model model.json --input rfm.csv --horizon 39 [--discount-rate 0.0027 [--value-horizon 52]]
                         [--spend-model gg.json [--margin 0.3]] --output predictions.csv
                         [--bootstrap 200 [--intervals 0.9] [--bootstrap-kind nonparametric|parametric] [--seed 0]]
                         [--covariates cov.csv [--covariate-id-column id]]   (required for a model fitted with covariates)
                         (--discount-rate adds dert, or discounted_purchases up to --value-horizon; --spend-model adds
                          expected_spend and clv = margin x expected_spend x dert)
                         (a gamma-gamma model file alone needs no --horizon and predicts expected_spend)
                         (a bg-bb model: --horizon = future opportunities, p_alive = P(alive in opportunity n+1),
                          --discount-rate d per opportunity adds dert)
              predict    --model sbg.json --horizon 12 [--input cohorts.csv [--plot survival.png|.svg]] [--discount-rate 0.1] --output projection.csv
                         (sbg: periods 0..horizon: [cohort,]period,survival,retention_rate[,expected_survivors,
                          actual_survivors with --input][,derl with --discount-rate: DERL of a customer renewed period times];
                          --plot: actual vs projected survivors of each cohort, PNG or SVG by the extension)
              evaluate   --model model.json[,model2.json] --input rfm.csv --output-dir report/ [--svg] [--horizon 39]
                         [--holdout-duration 39] [--transactions tx.csv|tx.parquet --customer-column id --date-column date
                          [--date-format yyyyMMdd] [--time-unit weeks] [--calibration-end yyyy-MM-dd] [--observation-end yyyy-MM-dd]]
                         (plots and report.md: histogram, calibration vs holdout, tracking, P(alive)/expected matrices, comparison)
              simulate   --model bg-nbd|mbg-nbd|pareto-nbd --customers 100000 [--seed 1] [--parameters r=0.243,alpha=4.414,a=0.793,b=2.426]
                         [--start 2025-01-01] [--acquisition-days 84] [--days 273] [--time-unit weeks]
                         [--spend-parameters p=6.25,q=3.74,gamma=15.44] [--summary-output rfm.csv] --output tx.csv
                         (--spend-parameters adds an amount column drawn from a Gamma-Gamma model)
              bench      [--scale 1] [--repeat 5] [--threads N] [--work-dir /tmp] [--output bench.md]
                         (times the performance table on seeded simulated data; --scale 0.1 for a quick look)
            """;

        /// <summary>Runs one command without progress output; returns the process exit code (0 ok, 1 bad input or failed fit, 2 usage).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TerminalProgress.Quiet);

        /// <summary>Runs one command; long work (summarising, fitting, bench rows) reports to <paramref name="progress"/>. Returns the exit code.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TerminalProgress progress)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            try
            {
                var options = new CliArguments(args[1..]);
                switch (args[0])
                {
                    case "summarize": SummarizeCommand.Run(options, stdout, progress); break;
                    case "fit": FitCommand.Run(options, stdout, progress); break;
                    case "predict": PredictCommand.Run(options, stdout); break;
                    case "simulate": SimulateCommand.Run(options, stdout); break;
                    case "bench": BenchCommand.Run(options, stdout, progress); break;
                    case "evaluate": EvaluateCommand.Run(options, stdout, progress); break;
                    default: throw new UsageException($"unknown command '{args[0]}' (summarize, fit, predict, simulate, bench, evaluate)");
                }
                return 0;
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"clv: {e.Message}");
                stderr.WriteLine("run 'clv --help' for usage");
                return 2;
            }
            catch (ClvDataException e)
            {
                stderr.WriteLine($"clv: error: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is ConvergenceException or Clv.Models.Uncertainty.BootstrapException)
            {
                stderr.WriteLine($"clv: error: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.WriteLine($"clv: error: {e.Message}");
                return 1;
            }
        }
    }
}
