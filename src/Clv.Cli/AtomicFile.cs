using System.Text;

namespace Clv.Cli;

/// <summary>Writes an output file through a temporary file in the same folder, moved into place only on success.</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write) => Save(path, temp =>
    {
        using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        write(writer);
    });

    /// <summary>Lets <paramref name="save"/> write a temporary file in the folder of <paramref name="path"/>, then moves it into place.</summary>
    public static void Save(string path, Action<string> save)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new Clv.Models.ClvDataException(path, null, null, $"output folder '{dir}' does not exist");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            save(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
