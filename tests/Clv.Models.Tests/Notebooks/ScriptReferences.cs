using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Clv.Models.Tests.Notebooks;

/// <summary>
/// What a notebook or sample program may reference, and the script options every session starts from: the shared
/// framework, the imports .NET Interactive's C# kernel adds by default, and the packages of this repository mapped to
/// the assemblies the test project was built with (each with the assemblies it depends on, as its NuGet package brings them).
/// </summary>
internal static class ScriptReferences
{
    /// <summary>The namespaces .NET Interactive's C# kernel imports (a subset: a notebook must say <c>using</c> for anything else).</summary>
    public static readonly ImmutableArray<string> DefaultImports = ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>The implicit usings of an SDK-style console project (ImplicitUsings, as in Directory.Build.props), which a file-based program gets.</summary>
    public static readonly ImmutableArray<string> ProgramImports = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Package id → its main assembly; the runner adds its non-framework dependencies too.</summary>
    private static readonly FrozenDictionary<string, Assembly> PackageAssemblies = new Dictionary<string, Assembly>
    {
        ["Clv.Models"] = typeof(IPurchaseModel).Assembly,
        ["Clv.Models.Plotting"] = typeof(Clv.Models.Plotting.DiagnosticPlots).Assembly,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Project file (relative to the repository root, '/'-separated) → package id, for <c>#:project</c> directives.</summary>
    private static readonly FrozenDictionary<string, string> ProjectPackages = new Dictionary<string, string>
    {
        ["src/Clv.Models/Clv.Models.csproj"] = "Clv.Models",
        ["src/Clv.Models.Plotting/Clv.Models.Plotting.csproj"] = "Clv.Models.Plotting",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<ScriptOptions> LazyBase = new(() => ScriptOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithReferences(FrameworkReferences())
        .WithImports(DefaultImports)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithAllowUnsafe(false));

    /// <summary>Framework references and default imports; no package yet.</summary>
    public static ScriptOptions Base => LazyBase.Value;

    /// <summary>The package ids the runner can satisfy.</summary>
    public static IEnumerable<string> Packages => PackageAssemblies.Keys;

    /// <summary>Whether the runner can satisfy a reference to package <paramref name="id"/>.</summary>
    public static bool Provides(string id) => PackageAssemblies.ContainsKey(id);

    /// <summary>The version the repository builds package <paramref name="id"/> at (its informational version without the source revision).</summary>
    public static string Version(string id) =>
        PackageAssemblies[id].GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? PackageAssemblies[id].GetName().Version!.ToString(3);

    /// <summary>The package a project path of the repository builds, or null.</summary>
    public static string? PackageOfProject(string repositoryRelativePath) => ProjectPackages.GetValueOrDefault(repositoryRelativePath.Replace('\\', '/'));

    /// <summary>The references of package <paramref name="id"/> and its dependencies, or null when the runner does not have it.</summary>
    public static IReadOnlyList<MetadataReference>? Package(string id)
    {
        if (!PackageAssemblies.TryGetValue(id, out var main)) return null;
        var closure = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        Collect(main, closure);
        return [.. closure.Values.Select(a => MetadataReference.CreateFromFile(a.Location))];
    }

    private static void Collect(Assembly assembly, Dictionary<string, Assembly> closure)
    {
        if (IsFramework(assembly) || !closure.TryAdd(assembly.GetName().Name!, assembly)) return;
        foreach (var name in assembly.GetReferencedAssemblies())
        {
            Assembly dependency;
            try { dependency = Assembly.Load(name); }
            catch (FileNotFoundException) { continue; } // an optional dependency not deployed with the tests (not needed to compile the notebooks)
            Collect(dependency, closure);
        }
    }

    private static bool IsFramework(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) || Path.GetDirectoryName(assembly.Location) == Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());

    /// <summary>Every assembly of the shared framework the tests run on (Microsoft.NETCore.App).</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        string runtime = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("no TRUSTED_PLATFORM_ASSEMBLIES: cannot find the framework assemblies");
        return trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtime && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
