using System.Reflection;
using Course.Engine;

namespace Course.Curriculum.Tests;

/// <summary>
/// Every <c>forbiddenEngineApis</c> entry of course.json names something the built engine has, so renaming an engine
/// type or member cannot silently switch a policy rule off.
/// </summary>
public sealed class ForbiddenEngineApisTests
{
    private static readonly Assembly Engine = typeof(Tensor<>).Assembly;

    public static TheoryData<int, string> Entries()
    {
        var data = new TheoryData<int, string>();
        foreach (var day in Repo.Manifest.Days)
            foreach (var entry in day.ForbiddenEngineApis)
                data.Add(day.Day, entry);
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_entry_resolves_against_the_engine_assembly(int day, string entry)
    {
        Resolves(entry).Should().BeTrue($"Day {day}'s forbidden API '{entry}' must name a namespace, type or member of Course.Engine");
    }

    [Theory]
    [InlineData("Course.Engine.Layers.Affine", true)]
    [InlineData("Course.Engine.Ops.Sigmoid", true)]
    [InlineData("Course.Engine.Optimizers.*", true)]
    [InlineData("Course.Engine.GradCheck @ NumericalGradient.cs", true)]
    [InlineData("Course.Engine.Layers.Afine", false)]
    [InlineData("Course.Engine.Ops.Sigmoidal", false)]
    [InlineData("Course.Engine.Optimisers.*", false)]
    public void The_resolver_tells_real_names_from_misspelt_ones(string entry, bool expected) =>
        Resolves(entry).Should().Be(expected);

    private static bool Resolves(string entry)
    {
        var name = entry.Split('@')[0].Trim();
        var types = Engine.GetExportedTypes();
        if (name.EndsWith(".*", StringComparison.Ordinal))
        {
            var ns = name[..^2];
            return types.Any(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false));
        }
        if (types.Any(t => WithoutArity(t.FullName) == name)) return true;
        var cut = name.LastIndexOf('.');
        var (typeName, member) = (name[..cut], name[(cut + 1)..]);
        return types.Where(t => WithoutArity(t.FullName) == typeName)
            .Any(t => t.GetMember(member, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0);
    }

    private static string? WithoutArity(string? fullName) =>
        fullName is null ? null : fullName.Split('`')[0].Replace('+', '.');
}
