using ScottPlot;

namespace Clv.Models.Plotting;

/// <summary>The image formats the plots are written in.</summary>
public enum PlotFormat
{
    /// <summary>Portable Network Graphics (raster).</summary>
    Png,

    /// <summary>Scalable Vector Graphics (XML).</summary>
    Svg,
}

/// <summary>Writes a plot to an image file; rendering needs no display (SkiaSharp with its bundled native library).</summary>
public static class PlotImage
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    /// <summary>Saves <paramref name="plot"/> as <paramref name="path"/> in <paramref name="format"/>, <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static void Save(Plot plot, string path, PlotFormat format, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        switch (format)
        {
            case PlotFormat.Png: plot.SavePng(path, width, height); break;
            case PlotFormat.Svg: plot.SaveSvg(path, width, height); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "expected Png or Svg");
        }
    }

    /// <summary>The file extension of a format, with the dot (".png", ".svg").</summary>
    public static string Extension(PlotFormat format) => format == PlotFormat.Svg ? ".svg" : ".png";
}
