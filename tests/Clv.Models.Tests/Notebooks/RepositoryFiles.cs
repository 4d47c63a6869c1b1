namespace Clv.Models.Tests.Notebooks;

/// <summary>Files of the repository the tests were built from (the notebooks and samples are read in place, not copied).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Clv.Models.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Clv.Models.sln: run the tests from a build inside the repository");
    });

    /// <summary>The folder holding Clv.Models.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>samples/data: the bundled data sets.</summary>
    public static string SampleData => Path.Combine(Root, "samples", "data");

    /// <summary>A path below the repository root.</summary>
    public static string Under(params string[] parts) => Path.Combine([Root, .. parts]);
}
