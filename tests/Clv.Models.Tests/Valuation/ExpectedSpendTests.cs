using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Valuation;

namespace Clv.Models.Tests.Valuation;

/// <summary><see cref="CustomerValuation.ExpectedSpend"/> against the Gamma-Gamma conditional expectation written out by hand.</summary>
public class ExpectedSpendTests
{
    [Fact]
    public void Expected_spend_is_the_gamma_gamma_conditional_mean_and_the_population_mean_for_no_repeat()
    {
        var summary = new CustomerSummary(["a", "b", "c", "d"], [0, 2, 5, 1], [0, 10, 30, 3], [40, 40, 40, 40], [0, 20, 35.5, 7.25]);
        var gg = new GammaGammaParameters(6.25, 3.74, 15.44);
        // Fader & Hardie 2013 eq. 5 (FHL 2005 eq. 5), transaction values Gamma(p, ν), ν ~ Gamma(q, γ):
        // E[M | x, m_x] = (γ + x m_x) p / (p x + q − 1); for x = 0 the population mean p γ / (q − 1).
        double[] expected =
        [
            6.25 * 15.44 / (3.74 - 1),
            (15.44 + 2 * 20) * 6.25 / (6.25 * 2 + 3.74 - 1),
            (15.44 + 5 * 35.5) * 6.25 / (6.25 * 5 + 3.74 - 1),
            (15.44 + 1 * 7.25) * 6.25 / (6.25 * 1 + 3.74 - 1),
        ];
        var spend = CustomerValuation.ExpectedSpend(gg, summary, "rfm.csv");
        Assert.Equal(4, spend.Length);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], spend[i], 1e-12 * expected[i]);
    }

    [Fact]
    public void A_summary_without_a_monetary_column_is_an_error_naming_the_file()
    {
        var summary = new CustomerSummary(["a", "b"], [0, 2], [0, 10], [40, 40]);
        var e = Assert.Throws<ClvDataException>(() => CustomerValuation.ExpectedSpend(new GammaGammaParameters(6.25, 3.74, 15.44), summary, "rfm.csv"));
        Assert.Equal("rfm.csv", e.Source);
        Assert.Equal("monetary_value", e.Column);
        Assert.Contains("monetary value column", e.Message);
    }
}
