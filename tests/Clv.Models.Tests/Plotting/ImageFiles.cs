using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;

namespace Clv.Models.Tests.Plotting;

/// <summary>Checks that a file is a well-formed image of a given size, reading only its header (PNG) or root element (SVG).</summary>
internal static class ImageFiles
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG: the 8-byte signature, then the IHDR chunk with width and height (big-endian), then an IEND chunk at the end.</summary>
    public static void AssertPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path}: {bytes.Length} bytes is too short for a PNG");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
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
