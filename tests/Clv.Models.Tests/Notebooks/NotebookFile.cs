using System.Text.Json;

namespace Clv.Models.Tests.Notebooks;

/// <summary>One cell of a notebook: its 1-based position among all cells, its kind, its kernel and its text.</summary>
/// <param name="Number">1-based position among all cells (markdown included), as a notebook editor counts them.</param>
/// <param name="Kind">"code", "markdown" or "raw".</param>
/// <param name="Kernel">The kernel a code cell runs in ("csharp", "fsharp", ...); empty for other cells.</param>
/// <param name="Source">The cell's text.</param>
internal sealed record NotebookCell(int Number, string Kind, string Kernel, string Source);

/// <summary>
/// Reads a Polyglot Notebooks (.NET Interactive) <c>.ipynb</c>: nbformat 4 JSON whose notebook metadata names the C# kernel
/// (<c>kernelspec.name = ".net-csharp"</c>, <c>polyglot_notebook.kernelInfo.defaultKernelName = "csharp"</c>) and whose code
/// cells say their kernel in <c>metadata.polyglot_notebook.kernelName</c> (older files: <c>dotnet_interactive.language</c>).
/// A <c>#!kernel</c> magic on a cell's first line overrides the metadata, as in .NET Interactive.
/// </summary>
internal static class NotebookFile
{
    public static IReadOnlyList<NotebookCell> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Parse(document.RootElement, path);
    }

    public static IReadOnlyList<NotebookCell> Parse(JsonElement root, string source)
    {
        if (Property(root, "nbformat") is not { ValueKind: JsonValueKind.Number } format || format.GetInt32() != 4)
            throw new InvalidDataException($"{source}: not an nbformat 4 notebook (\"nbformat\": 4 missing)");
        var metadata = Property(root, "metadata");
        string? kernelSpec = Text(Property(Property(metadata, "kernelspec"), "name"));
        if (kernelSpec != ".net-csharp")
            throw new InvalidDataException($"{source}: metadata.kernelspec.name is '{kernelSpec}', expected '.net-csharp' (the .NET Interactive C# kernel)");
        string defaultKernel = Text(Property(Property(Property(metadata, "polyglot_notebook"), "kernelInfo"), "defaultKernelName"))
            ?? throw new InvalidDataException($"{source}: metadata.polyglot_notebook.kernelInfo.defaultKernelName is missing");

        if (Property(root, "cells") is not { ValueKind: JsonValueKind.Array } cells)
            throw new InvalidDataException($"{source}: no \"cells\" array");
        bool ids = Property(root, "nbformat_minor") is { ValueKind: JsonValueKind.Number } minor && minor.GetInt32() >= 5;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<NotebookCell>();
        foreach (var cell in cells.EnumerateArray())
        {
            int number = result.Count + 1;
            RequireSchema(cell, ids, seen, $"{source}, cell {number}");
            string kind = Text(Property(cell, "cell_type")) ?? throw new InvalidDataException($"{source}, cell {number}: no cell_type");
            string text = SourceText(Property(cell, "source"), source, number);
            string kernel = "";
            if (kind == "code")
            {
                var cellMetadata = Property(cell, "metadata");
                kernel = Text(Property(Property(cellMetadata, "polyglot_notebook"), "kernelName"))
                    ?? Text(Property(Property(cellMetadata, "dotnet_interactive"), "language"))
                    ?? defaultKernel;
                string firstLine = text.Split('\n', 2)[0].Trim();
                if (firstLine.StartsWith("#!", StringComparison.Ordinal) && KernelMagic(firstLine[2..]) is { } magic) kernel = magic;
            }
            else if (kind is not ("markdown" or "raw"))
            {
                throw new InvalidDataException($"{source}, cell {number}: unknown cell_type '{kind}'");
            }

            result.Add(new NotebookCell(number, kind, kernel, text));
        }

        return result;
    }

    /// <summary>
    /// The nbformat 4 schema's required keys: every cell has <c>metadata</c> and <c>source</c>, a code cell <c>outputs</c> and
    /// <c>execution_count</c>; from nbformat 4.5 every cell has a unique <c>id</c> of letters, digits, - and _.
    /// </summary>
    private static void RequireSchema(JsonElement cell, bool ids, HashSet<string> seen, string where)
    {
        string kind = Text(Property(cell, "cell_type")) ?? "";
        string[] required = kind == "code" ? ["metadata", "source", "outputs", "execution_count"] : ["metadata", "source"];
        foreach (string key in required)
            if (Property(cell, key) is null) throw new InvalidDataException($"{where}: a {kind} cell needs \"{key}\" (nbformat 4)");
        if (!ids) return;
        string id = Text(Property(cell, "id")) ?? throw new InvalidDataException($"{where}: nbformat 4.5 cells need an \"id\"");
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !seen.Add(id))
            throw new InvalidDataException($"{where}: cell id '{id}' must be unique, 1-64 letters, digits, - or _ (nbformat 4.5)");
    }

    /// <summary>The kernel a <c>#!name</c> magic selects, or null when the magic is not a kernel name (e.g. <c>#!time</c>).</summary>
    private static string? KernelMagic(string name) => name switch
    {
        "csharp" or "c#" or "C#" or "cs" => "csharp",
        "fsharp" or "f#" or "F#" or "fs" => "fsharp",
        "pwsh" or "powershell" => "pwsh",
        "javascript" or "js" => "javascript",
        "html" or "markdown" or "md" or "mermaid" or "sql" or "kql" or "value" or "http" => name,
        _ => null,
    };

    private static string SourceText(JsonElement? source, string path, int number) => source switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Array } lines => string.Concat(lines.EnumerateArray().Select(l =>
            l.ValueKind == JsonValueKind.String ? l.GetString() : throw new InvalidDataException($"{path}, cell {number}: a source line is not a string"))),
        _ => throw new InvalidDataException($"{path}, cell {number}: \"source\" must be a string or an array of strings"),
    };

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
}
