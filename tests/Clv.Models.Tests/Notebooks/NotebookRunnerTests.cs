using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clv.Models.Tests.Notebooks;

/// <summary>The runner itself: it runs cells as one session, and fails on everything a notebook in CI must not get away with.</summary>
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clv-notebook-runner-" + Guid.NewGuid().ToString("N"));

    public NotebookRunnerTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A notebook of C# code cells (a leading "md:" makes a markdown cell), as Polyglot Notebooks writes it.</summary>
    private string Write(params string[] cells)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray([.. cells.Select((c, i) => c.StartsWith("md:", StringComparison.Ordinal)
                ? new JsonObject { ["cell_type"] = "markdown", ["id"] = $"m{i}", ["metadata"] = new JsonObject(), ["source"] = c[3..] }
                : new JsonObject
                {
                    ["cell_type"] = "code", ["id"] = $"c{i}", ["execution_count"] = null, ["outputs"] = new JsonArray(),
                    ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                    ["source"] = new JsonArray([.. c.Split('\n').Select(l => (JsonNode)JsonValue.Create(l + "\n")!)]),
                })]),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(folder, $"n{Directory.GetFiles(folder).Length}.ipynb");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private const string References = "#r \"nuget: Clv.Models\"\n#r \"nuget: Clv.Models.Plotting, 0.1.0\"";
    private const string DataFolder = "string dataFolder = \"../data\";";

    private async Task<NotebookException> Fails(params string[] cells) =>
        await Assert.ThrowsAsync<NotebookException>(() => NotebookRunner.RunAsync(Write(cells), "/data"));

    [Fact]
    public async Task Cells_share_one_session_the_data_folder_is_replaced_and_values_and_pngs_are_recorded()
    {
        var run = await NotebookRunner.RunAsync(Write(
            "md:# title",
            References,
            DataFolder,
            "int twice = 2 * dataFolder.Length;\nvar p = new Clv.Models.BgNbd.BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);",
            "display(\"text\");\nvar plot = new ScottPlot.Plot();\nplot.Add.Scatter(new double[] { 1, 2 }, new double[] { 3, 4 });\ndisplay(HTML(plot.GetPngHtml(320, 240)));",
            "twice + 1"), "/data/folder");
        Assert.Equal("../data", run.DefaultDataFolder);
        Assert.Equal("/data/folder", run.Variable<string>("dataFolder"));
        Assert.Equal(2 * "/data/folder".Length, run.Variable<int>("twice"));
        Assert.Equal(0.2426, run.Variable<Clv.Models.BgNbd.BgNbdParameters>("p").R);
        Assert.Equal(new object?[] { "text", null, 2 * "/data/folder".Length + 1 }, run.Displayed.Select(d => d.Value is NotebookHtml ? null : d.Value));
        Assert.Equal(new[] { 5, 5, 6 }, run.Displayed.Select(d => d.Cell));
        var image = Assert.Single(run.Images);
        Assert.Equal((320, 240), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_cell_that_throws_fails_the_notebook_naming_the_cell()
    {
        var e = await Fails(References, DataFolder, "md:text", "throw new InvalidOperationException(\"boom\");");
        Assert.Contains("cell 4", e.Message);
        Assert.Contains("InvalidOperationException: boom", e.Message);
    }

    [Fact]
    public async Task A_compile_error_fails_with_the_compiler_message()
    {
        var e = await Fails(References, DataFolder, "int x = \"text\";");
        Assert.Contains("cell 3: does not compile", e.Message);
        Assert.Contains("CS0029", e.Message);
    }

    [Fact]
    public async Task The_library_is_visible_only_through_its_package_reference()
    {
        var e = await Fails(DataFolder, "var p = new Clv.Models.BgNbd.BgNbdParameters(1, 1, 1, 1);");
        Assert.Contains("cell 2: does not compile", e.Message);
    }

    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "package 'Newtonsoft.Json' is not one the runner provides")]
    [InlineData("#r \"/tmp/Some.dll\"", "is not a #r \"nuget: <package>[, <version>]\" reference")]
    [InlineData("#i \"nuget: /tmp/feed\"\n#r \"nuget: Clv.Models\"", "adds a package source")]
    [InlineData("#!time\nint x = 1;", "magic command '#!time'")]
    [InlineData("#r \"nuget: Clv.Models, 9.9.9\"", "pins Clv.Models 9.9.9, but the repository builds")]
    public async Task Directives_the_runner_cannot_satisfy_fail(string cell, string message)
    {
        var e = await Fails(cell, DataFolder);
        Assert.Contains("cell 1, line 1", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_broken_png_fails_the_cell_that_displays_it()
    {
        var e = await Fails(References, DataFolder, "display(HTML(\"<img src=\\\"data:image/png;base64,iVBORw0KGgoAAAA=\\\">\"));");
        Assert.Contains("cell 3", e.Message);
        Assert.Contains("not a PNG", e.Message);
        e = await Fails(References, DataFolder, "display(HTML(\"<img src=\\\"plot.png\\\">\"));");
        Assert.Contains("without a base64 PNG data URI", e.Message);
    }

    [Fact]
    public async Task A_notebook_without_a_data_folder_or_with_another_kernel_fails()
    {
        Assert.Contains("no cell declares 'string dataFolder'", (await Fails(References, "int x = 1;")).Message);
        Assert.Contains("runs in kernel 'fsharp'", (await Fails(References, "#!fsharp\nlet x = 1")).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_valid_csharp_notebook_is_rejected()
    {
        string path = Path.Combine(folder, "python.ipynb");
        File.WriteAllText(path, """{"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}""");
        Assert.Contains("expected '.net-csharp'", Assert.Throws<InvalidDataException>(() => NotebookFile.Read(path)).Message);
        File.WriteAllText(path, """{"cells": [], "metadata": {}, "nbformat": 3}""");
        Assert.Contains("not an nbformat 4 notebook", Assert.Throws<InvalidDataException>(() => NotebookFile.Read(path)).Message);
        const string Meta = "\"metadata\": {\"kernelspec\": {\"name\": \".net-csharp\"}, \"polyglot_notebook\": {\"kernelInfo\": {\"defaultKernelName\": \"csharp\"}}}, \"nbformat\": 4, \"nbformat_minor\": 5";
        File.WriteAllText(path, """{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "1", "execution_count": null}], """ + Meta + "}");
        Assert.Contains("a code cell needs \"outputs\"", Assert.Throws<InvalidDataException>(() => NotebookFile.Read(path)).Message);
        File.WriteAllText(path, """{"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ""}, {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ""}], """ + Meta + "}");
        Assert.Contains("cell 2: cell id 'a' must be unique", Assert.Throws<InvalidDataException>(() => NotebookFile.Read(path)).Message);
    }

    [Theory]
    [InlineData("#:package Humanizer@2.14.1\nint x = 1;", "#:project and #:property only")]
    [InlineData("#:project ../src/Nothing/Nothing.csproj\nint x = 1;", "does not exist")]
    [InlineData("#:project ../src/Clv.Cli/Clv.Cli.csproj\nint x = 1;", "does not build a package the runner provides")]
    [InlineData("int x = 1;\n#:project ../src/Clv.Models/Clv.Models.csproj", "must come first")]
    public void File_based_program_directives_the_runner_cannot_satisfy_fail(string source, string message)
    {
        var e = Assert.Throws<NotebookException>(() => ScriptDirectives.Program(source, RepositoryFiles.Under("samples", "x.cs"), RepositoryFiles.Root));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void File_based_program_directives_become_references_and_keep_line_numbers()
    {
        var (code, packages) = ScriptDirectives.Program(
            "#!/usr/bin/env dotnet\n// comment\n#:project ../src/Clv.Models/Clv.Models.csproj\n#:property PublishAot=false\nint x = 1;",
            RepositoryFiles.Under("samples", "x.cs"), RepositoryFiles.Root);
        Assert.Equal(["Clv.Models"], packages);
        Assert.Equal("\n// comment\n\n\nint x = 1;", code);
    }
}
