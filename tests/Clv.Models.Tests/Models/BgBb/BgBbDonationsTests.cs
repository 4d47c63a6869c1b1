using Clv.Models.BgBb;

namespace Clv.Models.Tests.Models.BgBb;

/// <summary>The published donations figures (Fader, Hardie &amp; Shang 2010; lifetimes 0.11.3 on donations.csv).</summary>
public class BgBbDonationsTests
{
    [Fact]
    public void Donations_fit_matches_the_published_estimates()
    {
        var fit = DonationsFixture.Fit;
        Assert.Equal(22, DonationsFixture.Data.Count);
        Assert.Equal(11104, DonationsFixture.Data.TotalWeight);
        Assert.Equal(1.2035, fit.Parameters.Alpha, 5e-4);
        Assert.Equal(0.7497, fit.Parameters.Beta, 5e-4);
        Assert.Equal(0.6567, fit.Parameters.Gamma, 5e-4);
        Assert.Equal(2.7834, fit.Parameters.Delta, 5e-4);
        Assert.Equal(-33225.58, fit.LogLikelihood, 0.005);
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.Equal(8 + 2 * 33225.58, fit.Estimate.Aic, 0.01);
        Assert.Equal(4 * Math.Log(11104) + 2 * 33225.58, fit.Estimate.Bic, 0.01);
        foreach (var p in fit.Estimate.Parameters)
        {
            Assert.True(p.StandardError > 0 && p.StandardError < p.Value, $"{p.Name}: se {p.StandardError}");
            Assert.InRange(p.Value, p.Lower, p.Upper);
        }
    }

    [Fact]
    public void New_donor_expected_transactions_over_1_to_11_opportunities_match_the_published_values()
    {
        double[] published = [0.4985, 0.9233, 1.2969, 1.6323, 1.9381, 2.2202, 2.4826, 2.7285, 2.9603, 3.1798, 3.3887];
        for (int n = 1; n <= 11; n++)
            Assert.Equal(published[n - 1], DonationsFixture.Fit.ExpectedTransactionsNewCustomer(n), 6e-5);
    }

    [Fact]
    public void Donor_with_3_transactions_last_in_5_of_6_matches_the_published_predictions()
    {
        var p = DonationsFixture.Fit.Parameters;
        Assert.Equal(3.2253, BgBbPredictions.ExpectedTransactions(p, 10, 3, 5, 6), 6e-5);
        Assert.Equal(0.82416, BgBbPredictions.ProbabilityAlive(p, 0, 3, 5, 6), 6e-6);
        Assert.Equal(0.76683, BgBbPredictions.ProbabilityAlive(p, 1, 3, 5, 6), 6e-6);
    }

    [Fact]
    public void Holdout_yearly_transactions_2002_to_2006_are_tracked()
    {
        // Actual repeat transactions per year 1996..2006 (6 calibration years, then the 5 holdout years 2002..2006).
        var annual = TestFiles.ReadNumericColumns(TestFiles.SampleData("donationsSummary_annual_trans.csv"))["value"];
        var holdout = TestFiles.ReadNumericColumns(TestFiles.SampleData("donationsSummary_rf_matrix_holdout.csv"));
        var data = DonationsFixture.Data;
        var fit = DonationsFixture.Fit;

        // The calibration years add up to the data's transactions, the holdout years to the holdout patterns'.
        double calibration = 0;
        for (int i = 0; i < data.Count; i++) calibration += data.Weight(i) * data.Frequency[i];
        Assert.Equal(annual.Take(6).Sum(), calibration);
        double holdoutTotal = holdout["x.star"].Zip(holdout["custs"], (x, c) => x * c).Sum();
        Assert.Equal(annual.Skip(6).Sum(), holdoutTotal);
        Assert.Equal(data.TotalWeight, holdout["custs"].Sum());

        // Predicted (sum over donors of the conditional expectations) against actual, per holdout year. The model predicts a
        // smooth decline, 2893, 2711, 2556, 2421, 2303 at the published estimates: 5-8% under in 2002-2005, and 19% over in
        // 2006, when actual donations drop sharply (3110, 2938, 2703, 2573, 1936); over the five years 3% under.
        double[] low = [0.90, 0.90, 0.92, 0.92, 1.15], high = [0.95, 0.95, 0.97, 0.97, 1.22];
        double previous = 0;
        for (int year = 1; year <= 5; year++)
        {
            double cumulative = fit.ExpectedTransactions(data, year).Select((e, i) => e * data.Weight(i)).Sum();
            double predicted = cumulative - previous;
            previous = cumulative;
            Assert.InRange(predicted / annual[5 + year], low[year - 1], high[year - 1]);
        }
        Assert.InRange(previous / holdoutTotal, 0.96, 0.98);
    }

    [Fact]
    public void Probabilities_of_the_first_six_years_sum_to_one_and_give_the_mean()
    {
        var fit = DonationsFixture.Fit;
        double total = 0, mean = 0;
        for (int x = 0; x <= 6; x++)
        {
            double q = fit.ProbabilityOfTransactions(x, 6);
            total += q;
            mean += x * q;
        }
        Assert.Equal(1.0, total, 1e-13);
        Assert.Equal(fit.ExpectedTransactionsNewCustomer(6), mean, 1e-13);
        Assert.Equal(0.0, fit.ProbabilityOfTransactions(7, 6));
    }

    [Fact]
    public void Predicted_calibration_histogram_is_close_to_the_observed_counts()
    {
        // FHS (2010) figure 3: P(X(6) = x) times the number of donors against the observed number with x repeat donations.
        var data = DonationsFixture.Data;
        var observed = new double[7];
        for (int i = 0; i < data.Count; i++) observed[data.Frequency[i]] += data.Weight(i);
        for (int x = 0; x <= 6; x++)
        {
            double expected = data.TotalWeight * DonationsFixture.Fit.ProbabilityOfTransactions(x, 6);
            Assert.InRange(expected / observed[x], 0.85, 1.15);
        }
    }
}
