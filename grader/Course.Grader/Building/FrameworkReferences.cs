using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Course.Grader.Building;

/// <summary>The .NET reference assemblies a learner's day compiles against (the SDK's Microsoft.NETCore.App.Ref pack, else the running runtime's).</summary>
public static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> References => All.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();                    // …/shared/Microsoft.NETCore.App/10.0.x/
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major;
        var refDir = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs)
                .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == major)
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .Select(d => Path.Combine(d, "ref", $"net{major}.0"))
                .FirstOrDefault(Directory.Exists)
            : null;
        var files = refDir is not null
            ? Directory.EnumerateFiles(refDir, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.") || n is "mscorlib.dll" or "netstandard.dll"));
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }
}
