namespace Clv.Models.Tests.Models.ParetoNbd;

/// <summary>
/// The rows of TestData/reference/paretonbd_customer_reference.csv (written by paretonbd_customer_reference.py beside it):
/// customers with their own α_i, β_i and shared shapes r, s per group, with ln L and its gradient to 50 digits.
/// </summary>
internal sealed record ParetoNbdCustomerReference(double[] Group, double[] R, double[] S, CustomerRatesData Data,
    double[] Ll, double[] DR, double[] DS, double[] DLogAlpha, double[] DLogBeta)
{
    public int Count => Ll.Length;

    public static ParetoNbdCustomerReference Load()
    {
        var c = TestFiles.ReadNumericColumns(TestFiles.TestData("reference", "paretonbd_customer_reference.csv"));
        var data = new CustomerRatesData(c["x"], c["t_x"], c["T"], Enumerable.Repeat(1.0, c["x"].Length).ToArray(), c["alpha"], c["beta"]);
        return new(c["group"], c["r"], c["s"], data, c["ll"], c["d_r"], c["d_s"], c["d_log_alpha"], c["d_log_beta"]);
    }

    /// <summary>Rows start..end−1 as one data set, with their group's shapes.</summary>
    public (double R, double S, CustomerRatesData Data) Take(int start, int end)
    {
        var d = Data;
        return (R[start], S[start], new CustomerRatesData(d.X[start..end], d.Tx[start..end], d.T[start..end], d.W[start..end], d.Alpha[start..end], d.Beta[start..end]));
    }

    /// <summary>The [start, end) row ranges of the groups (consecutive rows of one group share r and s).</summary>
    public IEnumerable<(int Start, int End)> Groups()
    {
        for (int start = 0; start < Count;)
        {
            int end = start;
            while (end < Count && Group[end] == Group[start]) end++;
            Assert.True(R[start..end].All(r => r == R[start]) && S[start..end].All(s => s == S[start]), $"group at row {start + 2} mixes shapes");
            yield return (start, end);
            start = end;
        }
    }
}
