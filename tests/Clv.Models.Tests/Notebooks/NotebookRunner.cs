using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Clv.Models.Tests.Notebooks;

/// <summary>A notebook cell or sample program that did not run: the file, the cell and why.</summary>
public sealed class NotebookException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public NotebookException() { }

    /// <summary>Creates the exception.</summary>
    public NotebookException(string message) : base(message) { }
}

/// <summary>What a notebook showed, the session's final state, and the data folder the notebook chose itself.</summary>
/// <param name="Displayed">Every displayed value and trailing expression, in order.</param>
/// <param name="State">The script session after the last cell (its variables are the notebook's).</param>
/// <param name="DefaultDataFolder">The value the notebook gave <see cref="NotebookRunner.DataFolderVariable"/> before the runner replaced it.</param>
internal sealed record NotebookRun(IReadOnlyList<DisplayedValue> Displayed, ScriptState<object> State, string DefaultDataFolder)
{
    public IReadOnlyList<PngImage> Images => [.. Displayed.SelectMany(d => d.Images)];

    /// <summary>A variable of the notebook's session.</summary>
    public T Variable<T>(string name) => State.GetVariable(name) is { Value: T value }
        ? value
        : throw new NotebookException($"the notebook has no variable '{name}' of type {typeof(T).Name}");
}

/// <summary>
/// Runs a Polyglot notebook's C# code cells in order as one Roslyn script session, the way .NET Interactive's C# kernel
/// does: variables, usings and functions of a cell are visible in the later cells, and a cell's trailing expression is
/// shown. Differences from the real kernel are deliberate and strict:
/// <list type="bullet">
/// <item><c>#r "nuget: Clv.Models[, version]"</c> and <c>#r "nuget: Clv.Models.Plotting"</c> reference the assemblies this
/// test project was built with (and their dependencies); any other <c>#r</c>, any <c>#i</c> (package source) and any magic
/// command other than a <c>#!csharp</c> cell selector fail the notebook: the runner cannot satisfy them.</item>
/// <item>Only C# cells run; a cell in another kernel fails.</item>
/// <item>The data folder: the notebook declares <c>string dataFolder</c> in a cell of its own (relative to the notebook's
/// folder, which is the working folder of a notebook in .NET Interactive); right after that cell the runner sets it to the
/// repository's <c>samples/data</c>, so the cells that read data work from any working folder.</item>
/// <item><c>display</c> and <c>HTML</c> are <see cref="NotebookGlobals"/>; every displayed PNG is decoded and checked.</item>
/// </list>
/// A compile error, an exception in any cell or a directive the runner cannot satisfy is a <see cref="NotebookException"/>
/// naming the file and the cell.
/// </summary>
internal static class NotebookRunner
{
    /// <summary>The variable holding the folder of the bundled data (samples/data).</summary>
    public const string DataFolderVariable = "dataFolder";

    public static async Task<NotebookRun> RunAsync(string path, string dataFolder)
    {
        var cells = NotebookFile.Read(path);
        var globals = new NotebookGlobals();
        ScriptState<object>? state = null;
        string? defaultDataFolder = null;
        string name = Path.GetFileName(path);
        foreach (var cell in cells.Where(c => c.Kind == "code"))
        {
            string where = $"{name}, cell {cell.Number}";
            if (cell.Kernel != "csharp") throw new NotebookException($"{where}: runs in kernel '{cell.Kernel}'; the runner runs C# cells only");
            var (code, packages) = ScriptDirectives.Notebook(cell.Source, where);
            globals.CurrentCell = cell.Number;
            state = await RunCell(state, code, packages, globals, where);
            if (state.ReturnValue is { } shown) globals.ShowResult(shown);
            if (defaultDataFolder is null && state.GetVariable(DataFolderVariable) is { } variable)
            {
                defaultDataFolder = variable.Value as string
                    ?? throw new NotebookException($"{where}: '{DataFolderVariable}' must be a non-null string (the folder of samples/data)");
                variable.Value = dataFolder;
            }
        }

        if (state is null) throw new NotebookException($"{name}: no code cells");
        if (defaultDataFolder is null)
            throw new NotebookException($"{name}: no cell declares 'string {DataFolderVariable}' (the folder of samples/data, relative to the notebook)");
        return new NotebookRun(globals.Displayed, state, defaultDataFolder);
    }

    /// <summary>Runs one submission, continuing <paramref name="state"/> when there is one.</summary>
    public static async Task<ScriptState<object>> RunCell(ScriptState<object>? state, string code, IReadOnlyList<string> packages, object globals, string where, IEnumerable<string>? imports = null)
    {
        var references = packages.SelectMany(p => ScriptReferences.Package(p)!).ToArray();
        try
        {
            return state is null
                ? await CSharpScript.RunAsync(code, ScriptReferences.Base.AddReferences(references).WithImports(imports ?? ScriptReferences.DefaultImports), globals, globals.GetType())
                : await state.ContinueWithAsync(code, state.Script.Options.AddReferences(references));
        }
        catch (CompilationErrorException e)
        {
            throw new NotebookException($"{where}: does not compile:\n  " + string.Join("\n  ", e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)), e);
        }
        catch (Exception e) when (e is not NotebookException)
        {
            throw new NotebookException($"{where}: threw {e.GetType().FullName}: {e.Message}", e);
        }
    }
}
