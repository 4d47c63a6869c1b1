using System.Text.RegularExpressions;

namespace Clv.Models.Tests.Notebooks;

/// <summary>
/// The directives of a notebook cell (<c>#r</c>, <c>#i</c>, <c>#!</c>) and of a file-based program (<c>#!</c> shebang,
/// <c>#:project</c>, <c>#:package</c>, <c>#:property</c>, <c>#:sdk</c>), turned into package references. Each handled line
/// becomes an empty line, so compiler messages keep the cell's or file's line numbers. Anything the runner cannot
/// satisfy is a <see cref="NotebookException"/>.
/// </summary>
internal static partial class ScriptDirectives
{
    /// <summary>A notebook cell: <c>#r "nuget: Id[, version]"</c> for a package the runner has; a <c>#!csharp</c> selector on line 1.</summary>
    public static (string Code, IReadOnlyList<string> Packages) Notebook(string source, string where)
    {
        var lines = Lines(source);
        var packages = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim(), at = $"{where}, line {i + 1}";
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                if (i == 0 && line is "#!csharp" or "#!c#" or "#!C#" or "#!cs") { lines[i] = ""; continue; }
                throw new NotebookException($"{at}: magic command '{line}' is not supported by the runner (only a #!csharp cell selector)");
            }

            if (line.StartsWith("#i", StringComparison.Ordinal))
                throw new NotebookException($"{at}: '{line}' adds a package source, which the runner cannot use (it references the built assemblies); " +
                    "document the local feed in a markdown cell or a comment instead");
            if (!line.StartsWith("#r", StringComparison.Ordinal)) continue;
            var nuget = NugetReference().Match(line);
            if (!nuget.Success)
                throw new NotebookException($"{at}: '{line}' is not a #r \"nuget: <package>[, <version>]\" reference; the runner provides only {string.Join(", ", ScriptReferences.Packages)}");
            string id = nuget.Groups["id"].Value;
            if (!ScriptReferences.Provides(id))
                throw new NotebookException($"{at}: package '{id}' is not one the runner provides ({string.Join(", ", ScriptReferences.Packages)})");
            string version = nuget.Groups["version"].Value.Trim();
            if (version.Length > 0 && !version.Contains('*', StringComparison.Ordinal) && version != ScriptReferences.Version(id))
                throw new NotebookException($"{at}: pins {id} {version}, but the repository builds {ScriptReferences.Version(id)}: the notebook would run against another version");
            packages.Add(id);
            lines[i] = "";
        }

        return (string.Join('\n', lines), packages);
    }

    /// <summary>
    /// A file-based program: its <c>#:project</c> directives must name projects of this repository that build a package
    /// the runner has (resolved from the program's folder, as <c>dotnet run</c> does); <c>#:property</c> is build
    /// configuration and is accepted; <c>#:package</c> and <c>#:sdk</c> fail; directives must precede the code.
    /// </summary>
    public static (string Code, IReadOnlyList<string> Packages) Program(string source, string programPath, string repositoryRoot)
    {
        var lines = Lines(source);
        var packages = new List<string>();
        string name = Path.GetFileName(programPath);
        bool code = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim(), at = $"{name}, line {i + 1}";
            if (i == 0 && line.StartsWith("#!", StringComparison.Ordinal)) { lines[i] = ""; continue; } // shebang
            if (!line.StartsWith("#:", StringComparison.Ordinal))
            {
                code |= line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal);
                continue;
            }

            if (code) throw new NotebookException($"{at}: '{line}' comes after code; #: directives must come first");
            var directive = ProgramDirective().Match(line);
            string kind = directive.Groups["kind"].Value, value = directive.Groups["value"].Value.Trim();
            switch (kind)
            {
                case "property":
                    break;
                case "project":
                    string project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(programPath)!, value));
                    if (!File.Exists(project)) throw new NotebookException($"{at}: project '{value}' does not exist (resolved to {project})");
                    packages.Add(ScriptReferences.PackageOfProject(Path.GetRelativePath(repositoryRoot, project))
                        ?? throw new NotebookException($"{at}: project '{value}' does not build a package the runner provides ({string.Join(", ", ScriptReferences.Packages)})"));
                    break;
                default:
                    throw new NotebookException($"{at}: directive '{line}' is not supported by the runner (#:project and #:property only)");
            }

            lines[i] = "";
        }

        return (string.Join('\n', lines), packages);
    }

    private static string[] Lines(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[A-Za-z0-9_.\-]+)\s*(,\s*(?<version>[^"]*))?"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^#:(?<kind>[a-z]+)(\s+(?<value>.*))?$""")]
    private static partial Regex ProgramDirective();
}
