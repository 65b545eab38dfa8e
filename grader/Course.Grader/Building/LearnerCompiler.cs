using System.Collections.Immutable;
using Course.Grader.Submissions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Grader.Building;

/// <summary>
/// Compiles a submission's DayNN sources in memory with Roslyn into Course.DayNN.dll, with the same references,
/// implicit usings and assembly identity as the reference build. Only *.cs files are read: a submission's csproj,
/// props or targets are never evaluated. Two steps, so the policy scan sits between them in the pipeline:
/// <see cref="Bind"/> parses and binds (nothing runs, nothing is emitted), <see cref="Emit"/> produces the assembly.
/// Warnings are reported but do not fail the day (the learner's own build is the place for warnings-as-errors).
/// </summary>
public static class LearnerCompiler
{
    /// <summary>What &lt;ImplicitUsings&gt; adds to a Microsoft.NET.Sdk library.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>The learner's day as a Roslyn compilation; file names are relative to <paramref name="displayRoot"/>.</summary>
    public static CSharpCompilation Bind(string dayFolder, string displayRoot, CachedDay cached)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>();
        foreach (var file in Submission.SourceFilesOf(dayFolder))
        {
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(file), System.Text.Encoding.UTF8);
            trees.Add(CSharpSyntaxTree.ParseText(text, parse, Path.GetRelativePath(displayRoot, file).Replace('\\', '/')));
        }
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "<implicit usings>"));
        trees.Add(CSharpSyntaxTree.ParseText(
            $"[assembly: System.Reflection.AssemblyVersion(\"{cached.DayAssemblyVersion}\")]\n" +
            "[assembly: System.Runtime.Versioning.TargetFramework(\".NETCoreApp,Version=v10.0\")]\n", parse, "<assembly info>"));

        var references = FrameworkReferences.References
            .Concat(cached.CompileReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true,
            allowUnsafe: false);
        return CSharpCompilation.Create(cached.DayAssemblyName, trees, references, options);
    }

    /// <summary>The assembly bytes, or the compiler's errors (at most 50, each with file and line).</summary>
    public static CompileOutcome Emit(CSharpCompilation compilation)
    {
        var diagnostics = compilation.GetDiagnostics();
        var errors = Messages(diagnostics, DiagnosticSeverity.Error);
        var warnings = Messages(diagnostics, DiagnosticSeverity.Warning);
        if (errors.Count > 0) return new CompileOutcome(null, errors, warnings);

        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success) return new CompileOutcome(null, Messages(emit.Diagnostics, DiagnosticSeverity.Error), warnings);
        return new CompileOutcome(stream.ToArray(), [], warnings);
    }

    private static List<SourceMessage> Messages(ImmutableArray<Diagnostic> diagnostics, DiagnosticSeverity severity) =>
        diagnostics.Where(d => d.Severity == severity)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new SourceMessage(span.Path ?? "", span.StartLinePosition.Line + 1, $"{d.Id}: {d.GetMessage()}");
            })
            .Distinct()
            .Take(50)
            .ToList();
}
