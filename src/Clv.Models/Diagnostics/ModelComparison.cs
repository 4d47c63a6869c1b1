using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>A model to compare: its name, its predictions and how many parameters were estimated.</summary>
/// <param name="Name">Name shown in tables and plots, e.g. "bg-nbd".</param>
/// <param name="Model">The fitted model.</param>
/// <param name="ParameterCount">Number of estimated parameters k (for AIC and BIC).</param>
public sealed record ComparedModel(string Name, IPurchaseModel Model, int ParameterCount);

/// <summary>How well a model predicts the holdout purchases, customer by customer.</summary>
/// <param name="MeanAbsoluteError">MAE = (1/N) Σ |x*_i − ŷ_i|.</param>
/// <param name="RootMeanSquaredError">RMSE = √((1/N) Σ (x*_i − ŷ_i)²).</param>
/// <param name="Correlation">Pearson correlation of x* and ŷ (NaN when either is constant).</param>
/// <param name="ActualTotal">Σ x*_i.</param>
/// <param name="PredictedTotal">Σ ŷ_i.</param>
public sealed record HoldoutError(double MeanAbsoluteError, double RootMeanSquaredError, double Correlation, double ActualTotal, double PredictedTotal)
{
    /// <summary>The errors of predictions <paramref name="predicted"/> of <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ or are 0.</exception>
    public static HoldoutError Of(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length || actual.Length == 0) throw new ArgumentException($"actual and predicted must have the same, non-zero length (got {actual.Length}, {predicted.Length})");
        int n = actual.Length;
        double abs = 0, sq = 0, sa = 0, sp = 0;
        for (int i = 0; i < n; i++)
        {
            double d = actual[i] - predicted[i];
            abs += Math.Abs(d);
            sq += d * d;
            sa += actual[i];
            sp += predicted[i];
        }

        double ma = sa / n, mp = sp / n, cov = 0, va = 0, vp = 0;
        for (int i = 0; i < n; i++)
        {
            double da = actual[i] - ma, dp = predicted[i] - mp;
            cov += da * dp;
            va += da * da;
            vp += dp * dp;
        }

        double correlation = va > 0 && vp > 0 ? cov / Math.Sqrt(va * vp) : double.NaN;
        return new HoldoutError(abs / n, Math.Sqrt(sq / n), correlation, sa, sp);
    }
}

/// <summary>One model's scores on the comparison data set.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="ParameterCount">Estimated parameters k.</param>
/// <param name="LogLikelihood">ℓ = Σ_i ln L(θ | x_i, t_x,i, T_i) on the calibration columns.</param>
/// <param name="Aic">2k − 2ℓ.</param>
/// <param name="Bic">k·ln N − 2ℓ.</param>
/// <param name="Holdout">Holdout errors, when the summary has holdout columns.</param>
public sealed record ModelScore(string Name, int ParameterCount, double LogLikelihood, double Aic, double Bic, HoldoutError? Holdout);

/// <summary>Several models scored on one data set: log-likelihood, AIC, BIC and, with holdout columns, the holdout errors.</summary>
/// <param name="Customers">Number of customers N.</param>
/// <param name="Scores">One score per model, in the order given.</param>
public sealed record ModelComparison(int Customers, IReadOnlyList<ModelScore> Scores)
{
    /// <summary>Scores every model on <paramref name="summary"/>.</summary>
    /// <param name="models">The models, fitted on the calibration columns of <paramref name="summary"/>.</param>
    /// <param name="summary">The data set; holdout columns add the holdout errors.</param>
    /// <param name="holdoutDuration">Holdout length when the summary has <c>frequency_holdout</c> but no <c>duration_holdout</c>.</param>
    /// <exception cref="ClvDataException">The summary has holdout purchases but no holdout length is known.</exception>
    public static ModelComparison Compute(IReadOnlyList<ComparedModel> models, CustomerSummary summary, double? holdoutDuration = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(summary);
        int n = summary.Count;
        var scores = models.Select(m =>
        {
            double ll = m.Model.LogLikelihoods(summary).Sum();
            HoldoutError? holdout = null;
            if (summary.FrequencyHoldout is not null)
            {
                var (actual, predicted) = HoldoutData.Predict(m.Model, summary, holdoutDuration);
                holdout = HoldoutError.Of(actual, predicted);
            }

            return new ModelScore(m.Name, m.ParameterCount, ll, 2.0 * m.ParameterCount - 2 * ll, m.ParameterCount * Math.Log(n) - 2 * ll, holdout);
        }).ToArray();
        return new ModelComparison(n, scores);
    }
}
