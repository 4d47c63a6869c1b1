using Microsoft.CodeAnalysis.Scripting;

namespace Clv.Models.Tests.Notebooks;

/// <summary>The globals a file-based program sees when run as a script: its command-line arguments.</summary>
/// <param name="args">The arguments (<c>args</c> of a top-level program).</param>
#pragma warning disable IDE1006, CA1819 // the program reads the lower-case 'args' of top-level statements
public sealed record ProgramGlobals(string[] args);
#pragma warning restore IDE1006, CA1819

/// <summary>
/// Runs a .NET 10 file-based program (<c>dotnet run samples/x.cs</c>) in-process as one Roslyn script: its <c>#:project</c>
/// directives become references to the assemblies of this test build (<see cref="ScriptDirectives.Program"/>), and
/// <c>args</c> is a global. It checks that the program compiles against the current library and runs to the end without
/// an exception; the real <c>dotnet run</c> (build with the repository's analyzers, the entry-point path) is checked by hand
/// (docs/notebooks.md).
/// </summary>
internal static class SampleProgramRunner
{
    public static Task<ScriptState<object>> RunAsync(string path, string repositoryRoot, params string[] args)
    {
        var (code, packages) = ScriptDirectives.Program(File.ReadAllText(path), path, repositoryRoot);
        return NotebookRunner.RunCell(null, code, packages, new ProgramGlobals(args), Path.GetFileName(path), ScriptReferences.ProgramImports);
    }
}
