namespace Course.Grader.Suites;

/// <summary>Public tests ship with the exercises; hidden tests live under grader/hidden and are never shown.</summary>
public enum TestVisibility { Public, Hidden }

/// <summary>
/// One test method (all cases of a theory count as one test). <see cref="Exercise"/> is its [Trait("Exercise", …)];
/// <see cref="Weight"/> its [Trait("Weight", "N")], the shares it takes of its exercise's points on its side (default 1).
/// </summary>
public sealed record TestMethod(string Class, string Method, string? Exercise, int Weight = 1)
{
    public string FullName => $"{Class}.{Method}";
}

/// <summary>A built test project in the grader cache: its output folder, entry assembly and discovered tests.</summary>
public sealed record TestSuite(TestVisibility Visibility, string OutputDir, string EntryAssembly, IReadOnlyList<TestMethod> Tests);
