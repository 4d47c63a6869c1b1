using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace Clv.Models.Tests.Notebooks;

/// <summary>HTML to show, as .NET Interactive's <c>HTML(string)</c> returns it (there an <c>IHtmlContent</c>).</summary>
/// <param name="Html">The markup.</param>
public sealed record NotebookHtml(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}

/// <summary>What a cell showed: the value, the cell it came from, and the PNG images it holds (decoded and checked).</summary>
/// <param name="Cell">1-based cell number.</param>
/// <param name="Value">The value given to <c>display</c>, or the cell's trailing expression.</param>
/// <param name="Images">PNG images embedded in it (an HTML <c>img</c> with a base64 data URI).</param>
public sealed record DisplayedValue(int Cell, object? Value, IReadOnlyList<PngImage> Images);

/// <summary>A decoded PNG and its size from the IHDR chunk.</summary>
/// <param name="Bytes">The file bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PngImage(byte[] Bytes, int Width, int Height)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Checks the 8-byte signature, a first IHDR chunk with a positive size, and a final IEND chunk.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG.</exception>
    public static PngImage Parse(byte[] bytes, string what)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8 + 25 + 12 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException($"{what}: not a PNG ({bytes.Length} bytes, no PNG signature)");
        if (System.Text.Encoding.ASCII.GetString(bytes, 12, 4) != "IHDR")
            throw new InvalidDataException($"{what}: the first PNG chunk is not IHDR");
        int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        if (width <= 0 || height <= 0) throw new InvalidDataException($"{what}: PNG size {width} x {height}");
        if (System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4) != "IEND")
            throw new InvalidDataException($"{what}: the PNG does not end with an IEND chunk (truncated?)");
        return new PngImage(bytes, width, height);
    }
}

/// <summary>
/// The globals a notebook's C# cells see in <see cref="NotebookRunner"/>: the two .NET Interactive kernel functions the
/// notebooks use, <c>display(value)</c> and <c>HTML(markup)</c>. <c>display</c> records what is shown and checks every
/// PNG embedded in HTML (<c>&lt;img src="data:image/png;base64,..."&gt;</c>), so a broken plot fails the cell.
/// </summary>
public sealed partial class NotebookGlobals
{
    private readonly List<DisplayedValue> displayed = [];

    /// <summary>The cell now running (1-based), set by the runner.</summary>
    internal int CurrentCell { get; set; }

    /// <summary>Everything shown so far, in order.</summary>
    internal IReadOnlyList<DisplayedValue> Displayed => displayed;

    /// <summary>Shows a value below the cell, as .NET Interactive's <c>display</c> (the MIME types are ignored here).</summary>
#pragma warning disable IDE1006, CA1822 // the notebooks call .NET Interactive's lower-case kernel functions; instance members are what scripts see as globals
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var shown = Record(value);
        displayed.Add(shown);
        return shown;
    }

    /// <summary>Marks a string as HTML, as .NET Interactive's <c>HTML</c>.</summary>
    public NotebookHtml HTML(string html) => new(html ?? throw new ArgumentNullException(nameof(html)));
#pragma warning restore IDE1006, CA1822

    /// <summary>Records a cell's trailing expression, which .NET Interactive shows as if displayed.</summary>
    internal void ShowResult(object value) => displayed.Add(Record(value));

    private DisplayedValue Record(object? value)
    {
        // .NET Interactive's formatter enumerates a sequence to show it as a table: evaluate it here too.
        if (value is System.Collections.IEnumerable sequence and not string and not System.Collections.ICollection)
            value = sequence.Cast<object?>().ToList();
        var images = new List<PngImage>();
        if (value is NotebookHtml html)
        {
            var matches = PngDataUri().Matches(html.Html);
            if (html.Html.Contains("<img", StringComparison.OrdinalIgnoreCase) && matches.Count == 0)
                throw new InvalidDataException($"cell {CurrentCell}: displayed an <img> without a base64 PNG data URI");
            foreach (Match m in matches)
            {
                byte[] bytes;
                try { bytes = Convert.FromBase64String(m.Groups[1].Value); }
                catch (FormatException e) { throw new InvalidDataException($"cell {CurrentCell}: the image's base64 data is malformed: {e.Message}", e); }
                images.Add(PngImage.Parse(bytes, $"cell {CurrentCell}, image {images.Count + 1}"));
            }
        }

        return new DisplayedValue(CurrentCell, value, images);
    }

    [GeneratedRegex("""src\s*=\s*["']data:image/png;base64,([A-Za-z0-9+/=\s]*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex PngDataUri();
}
