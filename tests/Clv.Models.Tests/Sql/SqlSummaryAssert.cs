using Clv.Models.Data;

namespace Clv.Models.Tests.Sql;

/// <summary>Compares a SQL summary (rows of customer_id, frequency, recency, T, monetary_value) with the library's.</summary>
internal static class SqlSummaryAssert
{
    /// <summary>
    /// Same customers; frequency, recency and T bit for bit (both divide the same whole number of days by the unit);
    /// monetary value to 1e-13 relative: both are sums of the same doubles, but SQL adds them in no defined order.
    /// </summary>
    public static void SameAsLibrary(CustomerSummary expected, List<object[]> rows)
    {
        var byId = new Dictionary<string, object[]>(StringComparer.Ordinal);
        foreach (object[] row in rows) Assert.True(byId.TryAdd((string)row[0], row), $"customer {row[0]} appears twice in the SQL summary");
        Assert.Equal(expected.Count, byId.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            string id = expected.CustomerIds[i];
            Assert.True(byId.TryGetValue(id, out object[]? row), $"customer {id} is missing from the SQL summary");
            Assert.Equal(expected.Frequency[i], DuckDbRunner.Number(row[1]));
            Assert.Equal(expected.Recency[i], DuckDbRunner.Number(row[2]));
            Assert.Equal(expected.T[i], DuckDbRunner.Number(row[3]));
            if (expected.MonetaryValue is { } m) SameAmount(m[i], DuckDbRunner.Number(row[4]));
        }
    }

    public static void SameAmount(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"monetary value {actual:R}, expected {expected:R}");
}
