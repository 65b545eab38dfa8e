using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Curriculum.Tests;

/// <summary>Every public and hidden test names an exercise of its day (read from the sources with Roslyn, no build needed).</summary>
public sealed class TestTraitTests
{
    private static List<(string File, int Line, string Value)> ExerciseTraits(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Where(a => a.Name.ToString() is "Trait" or "Xunit.Trait" && a.ArgumentList?.Arguments.Count == 2
                    && a.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "Exercise" })
                .Select(a => (Path.GetRelativePath(Repo.Root, f), a.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                    (a.ArgumentList!.Arguments[1].Expression as LiteralExpressionSyntax)?.Token.ValueText ?? "(not a literal)")))
            .ToList();

    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void Exercise_traits_name_exercises_of_the_day(int day)
    {
        var d = Repo.Manifest.Day(day);
        var ids = d.Exercises.Select(e => e.Id).ToHashSet();
        var traits = ExerciseTraits(Path.GetDirectoryName(Repo.Layout.PublicTestsProject(d))!)
            .Concat(ExerciseTraits(Path.GetDirectoryName(Repo.Layout.HiddenTestsProject(d))!)).ToList();

        traits.Should().NotBeEmpty();
        traits.Where(t => !ids.Contains(t.Value)).Select(t => $"{t.File}:{t.Line}: Exercise '{t.Value}'").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Repo.AvailableDays), MemberType = typeof(Repo))]
    public void Hidden_test_files_start_by_naming_the_mutants_they_kill(int day)
    {
        var d = Repo.Manifest.Day(day);
        var folder = Path.GetDirectoryName(Repo.Layout.HiddenTestsProject(d))!;
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && Path.GetFileName(f) != "GlobalUsings.cs"
                && (File.ReadAllText(f).Contains("[Fact") || File.ReadAllText(f).Contains("[Theory")))
            .ToList();

        files.Where(f => !File.ReadLines(f).First().StartsWith("// Kills:", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f)).Should().BeEmpty();
    }
}
