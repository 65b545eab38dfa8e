using System.Reflection;
using Course.Model;

namespace Course.Curriculum.Tests;

/// <summary>The repository under test (baked in at build time) and its manifest.</summary>
public static class Repo
{
    public static string Root { get; } = Path.GetFullPath(typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CourseRoot").Value!);

    public static CourseLayout Layout => new(Root);

    public static CourseManifest Manifest => CourseManifest.Load(Layout.ManifestPath);

    public static TheoryData<int> AvailableDays() => new(Manifest.GradableDays.Select(d => d.Day));
}
