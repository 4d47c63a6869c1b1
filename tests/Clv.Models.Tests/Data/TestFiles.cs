using System.Text;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Bundled sample files and temporary files for the data tests.</summary>
internal static class TestFiles
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples-data", name);

    /// <summary>Writes <paramref name="content"/> (as is, UTF-8 without BOM) to a new temporary file named <paramref name="name"/>.</summary>
    public static string Temp(string name, string content)
    {
        string dir = Path.Combine(Path.GetTempPath(), "clv-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Asserts that the error names the file, the line and the column.</summary>
    public static ClvDataException AssertNames(ClvDataException e, string path, long line, string column)
    {
        Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"column '{column}'", e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Row);
        Assert.Equal(column, e.Column);
        return e;
    }
}

/// <summary>A read-only stream that cannot seek, like a network or pipe stream.</summary>
internal sealed class NonSeekableStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
