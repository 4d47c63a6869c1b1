using System.Globalization;
using System.Xml.Linq;
using Clv.Models.Tests.Notebooks;

namespace Clv.Models.Tests.Plotting;

/// <summary>Checks that a file is a well-formed image of a given size, reading only its header (PNG) or root element (SVG).</summary>
internal static class ImageFiles
{
    /// <summary>PNG: the 8-byte signature, then the IHDR chunk with width and height (big-endian), then an IEND chunk at the end (<see cref="PngImage.Parse"/>).</summary>
    public static void AssertPng(string path, int width, int height)
    {
        var image = PngImage.Parse(File.ReadAllBytes(path), path);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    /// <summary>SVG: parses as XML with an &lt;svg&gt; root whose width and height are the given pixels; returns its text content.</summary>
    public static string AssertSvg(string path, int width, int height)
    {
        var root = XDocument.Load(path).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width, Pixels(root.Attribute("width")?.Value));
        Assert.Equal(height, Pixels(root.Attribute("height")?.Value));
        return string.Concat(root.DescendantNodes().OfType<XText>().Select(t => t.Value + " "));
    }

    private static double Pixels(string? value)
    {
        Assert.NotNull(value);
        return double.Parse(value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value, CultureInfo.InvariantCulture);
    }
}
