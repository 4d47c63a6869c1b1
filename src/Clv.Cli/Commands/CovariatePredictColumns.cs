using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;

namespace Clv.Cli.Commands;

/// <summary>
/// The columns of `clv predict` for a model with static covariates: the same names as for a plain model
/// (<see cref="PredictCommand.PurchaseColumns"/>), each customer predicted with its own parameters; bootstrap intervals of
/// every prediction column, with the spend model bootstrapped jointly when there is one.
/// </summary>
internal static class CovariatePredictColumns
{
    public static PredictCommand.Table Create(CovariatePredictions model, CovariateTable covariates, double horizon, ValuationOptions? valuation,
        GammaGammaParameters? spend, string input, BootstrapOptions? bootstrap) => summary =>
    {
        var aligned = covariates.AlignTo(summary, input);
        int n = summary.Count;
        List<(string, double[])> columns =
        [
            ("log_likelihood", model.LogLikelihoods(summary, aligned)),
            ("p_alive", model.ProbabilityAlive(summary, aligned)),
            ("expected_purchases", model.ExpectedPurchases(summary, aligned, horizon)),
        ];
        if (valuation is not null)
        {
            var det = model.DiscountedTransactions(summary, aligned, valuation.DiscountRate, valuation.Horizon);
            columns.Add((double.IsFinite(valuation.Horizon) ? "discounted_purchases" : "dert", det));
            if (spend is { } gg)
            {
                var expectedSpend = CustomerValuation.ExpectedSpend(gg, summary, input);
                var value = new double[n];
                CustomerValuation.Value(valuation.Margin, expectedSpend, det, value);
                columns.AddRange([("expected_spend", expectedSpend), ("clv", value)]);
            }
        }
        var table = (Enumerable.Range(0, n).ToArray(), columns);
        return PredictCommand.WithIntervals(table, bootstrap,
            () => PredictCommand.IntervalColumns(model.Bootstrap(summary, covariates, bootstrap!, valuation is null ? null : spend).Predict(summary, aligned, horizon, valuation)));
    };
}
