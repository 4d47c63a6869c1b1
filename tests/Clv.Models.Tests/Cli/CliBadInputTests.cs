namespace Clv.Models.Tests.Cli;

public class CliBadInputTests
{
    private const string Model = """{"model": "bg-nbd", "parameters": {"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4}}""";

    private static void AssertFails(CliHarness cli, (int Exit, string Out, string Err) run, int exit, params string[] fragments)
    {
        Assert.Equal(exit, run.Exit);
        var err = run.Err.Trim();
        foreach (var f in fragments) Assert.Contains(f, err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        Assert.False(File.Exists(cli.PathOf("out.csv")), "no output file may be left behind");
        Assert.False(File.Exists(cli.PathOf("out.json")), "no output file may be left behind");
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.tmp"));
    }

    private static (int, string, string) Fit(CliHarness cli, string input) =>
        cli.Run("fit", "--model", "bg-nbd", "--input", input, "--output", cli.PathOf("out.json"));

    private static (int, string, string) Predict(CliHarness cli, string model, string input) =>
        cli.Run("predict", "--model", model, "--input", input, "--horizon", "39", "--output", cli.PathOf("out.csv"));

    [Theory]
    [InlineData("customer_id,frequency,recency,T\n1,2,30,38\n2,x,1,38\n", "line 3", "frequency")]
    [InlineData("customer_id,frequency,recency,T\n1,2,30,38\n2,1,NaN,38\n", "line 3", "recency")]
    [InlineData("customer_id,frequency,recency,T\n1,2,30,38\n2,1,1,Infinity\n", "line 3", "'T'")]
    [InlineData("customer_id,frequency,recency,T\n1,-1,0,38\n", "line 2", "frequency")]
    [InlineData("customer_id,frequency,recency,T\n1,1.5,3,38\n", "line 2", "frequency")]
    [InlineData("customer_id,frequency,recency,T\n1,2,40,38\n", "line 2", "recency")]
    [InlineData("customer_id,frequency,recency,T\n1,0,3,38\n", "line 2", "recency")]
    [InlineData("customer_id,frequency,recency,T\n1,0,0,38\n1,1,3,38\n", "line 3", "customer_id")]
    [InlineData("customer_id,frequency,T\n1,0,38\n", "recency", "rfm.csv")]
    [InlineData("", "rfm.csv", "empty")]
    public void Bad_summary_names_file_line_and_column(string content, string fragment1, string fragment2)
    {
        using var cli = new CliHarness();
        var input = cli.Write("rfm.csv", content);
        AssertFails(cli, Fit(cli, input), 1, "rfm.csv", fragment1, fragment2);
        var model = cli.Write("m.json", Model);
        AssertFails(cli, Predict(cli, model, input), 1, "rfm.csv", fragment1, fragment2);
    }

    [Fact]
    public void Missing_input_file()
    {
        using var cli = new CliHarness();
        AssertFails(cli, Fit(cli, cli.PathOf("nope.csv")), 1, "nope.csv");
    }

    [Theory]
    [InlineData("{not json", "m.json")]
    [InlineData("""{"parameters": {"r": 1}}""", "model")]
    [InlineData("""{"model": "bg-nbd"}""", "parameters")]
    [InlineData("""{"model": "nbd-xx", "parameters": {"r": 1}}""", "unknown model")]
    [InlineData("""{"model": "bg-nbd", "parameters": {"r": 0.24, "alpha": 4.4, "a": 0.79}}""", "parameters.b")]
    [InlineData("""{"model": "bg-nbd", "parameters": {"r": -0.24, "alpha": 4.4, "a": 0.79, "b": 2}}""", "parameters.r")]
    [InlineData("""{"model": "bg-nbd", "parameters": {"r": "x", "alpha": 4.4, "a": 0.79, "b": 2}}""", "parameters.r")]
    public void Bad_model_file_is_named(string json, string fragment)
    {
        using var cli = new CliHarness();
        var model = cli.Write("m.json", json);
        var input = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30,38\n");
        AssertFails(cli, Predict(cli, model, input), 1, "m.json", fragment);
    }

    [Fact]
    public void Bad_transaction_log_names_file_line_and_column()
    {
        using var cli = new CliHarness();
        var tx = cli.Write("tx.csv", "id,date\n1,2020-01-01\n1,2020-13-01\n");
        var run = cli.Run("summarize", "--input", tx, "--customer-column", "id", "--date-column", "date", "--output", cli.PathOf("out.csv"));
        AssertFails(cli, run, 1, "tx.csv", "line 3", "date");
        var missing = cli.Run("summarize", "--input", tx, "--customer-column", "customer", "--date-column", "date", "--output", cli.PathOf("out.csv"));
        AssertFails(cli, missing, 1, "tx.csv", "customer");
    }

    [Theory]
    [InlineData("fit", "--model", "bg-nbd")]
    [InlineData("fit", "--model", "nope", "--input", "a", "--output", "b")]
    [InlineData("predict", "--model", "m.json", "--input", "a", "--horizon", "-3", "--output", "b")]
    [InlineData("fit", "--model", "bg-nbd", "--input", "a", "--output", "b", "--colour", "red")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var cli = new CliHarness();
        var run = cli.Run(args);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith("clv: ", run.Err);
    }

    [Theory]
    [InlineData("summarize", "years, quarters, months")]
    [InlineData("simulate", "a positive number of days")]
    public void An_unknown_time_unit_is_a_usage_error_that_names_the_choices(string command, string choices)
    {
        using var cli = new CliHarness();
        var run = command == "summarize"
            ? cli.Run("summarize", "--input", TestFiles.SampleData("cdnowElog.csv"), "--customer-column", "masterid", "--date-column", "date", "--time-unit", "fortnights", "--output", cli.PathOf("out.csv"))
            : cli.Run("simulate", "--model", "bg-nbd", "--customers", "10", "--time-unit", "fortnights", "--output", cli.PathOf("out.csv"));
        AssertFails(cli, run, 2, "option --time-unit: unknown unit 'fortnights'; expected weeks, days", choices);
        Assert.DoesNotContain("Parameter", run.Err);
    }
}
