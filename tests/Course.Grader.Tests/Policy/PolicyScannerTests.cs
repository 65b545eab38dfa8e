using Course.Grader.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Grader.Tests.Policy;

/// <summary>The policy scan on small sources compiled in memory against the real framework and engine.</summary>
public sealed class PolicyScannerTests
{
    private static IReadOnlyList<PolicyViolation> Scan(string body, params string[] engineApis)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Course.Engine;
            namespace Course.Day01;
            public static class Submission
            {
            {{body}}
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "Day01/Submission.cs");
        var refs = Course.Grader.Building.FrameworkReferences.References
            .Append(MetadataReference.CreateFromFile(typeof(Course.Engine.Rng).Assembly.Location));
        var compilation = CSharpCompilation.Create("Course.Day01", [tree], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        return PolicyScanner.Scan(compilation, engineApis);
    }

    [Theory]
    [InlineData("public static string F() => System.IO.File.ReadAllText(\"x\");", "System.IO.File.ReadAllText", PolicyRules.FileIo)]
    [InlineData("public static object F() => new System.IO.StreamReader(\"x\");", "System.IO.StreamReader", PolicyRules.FileIo)]
    [InlineData("public static object F() => new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", PolicyRules.Network)]
    [InlineData("public static object F() => new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);", "System.Net.Sockets.Socket", PolicyRules.Network)]
    [InlineData("public static void F() => System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process.Start", PolicyRules.Processes)]
    [InlineData("public static object? F() => Type.GetType(\"X\");", "System.Type.GetType", PolicyRules.Reflection)]
    [InlineData("public static object? F() => typeof(string).GetMethods();", "System.Type.GetMethods", PolicyRules.Reflection)]
    [InlineData("public static object? F() => Activator.CreateInstance(typeof(string));", "System.Activator.CreateInstance", PolicyRules.Reflection)]
    [InlineData("public static object F() => System.Reflection.Assembly.Load(\"x\");", "System.Reflection.Assembly.Load", PolicyRules.Reflection)]
    [InlineData("public static void F() => Environment.Exit(3);", "System.Environment.Exit", PolicyRules.ProcessControl)]
    [InlineData("public static void F() => Environment.FailFast(\"x\");", "System.Environment.FailFast", PolicyRules.ProcessControl)]
    [InlineData("public static int F(dynamic d) => d.Length;", "dynamic", PolicyRules.Dynamic)]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid();", "extern", PolicyRules.Native)]
    [InlineData("public static unsafe int F(int* p) => *p;", "unsafe", PolicyRules.Native)]
    [InlineData("public static int F() { unsafe { return 0; } }", "unsafe", PolicyRules.Native)]
    public void Forbidden_apis_are_reported_with_their_reason(string body, string api, string reason)
    {
        var violations = Scan(body);

        violations.Should().Contain(v => v.Api == api && v.Reason == reason, string.Join("\n", violations));
        violations.Should().OnlyContain(v => v.File == "Day01/Submission.cs" && v.Line >= 8);
    }

    [Fact]
    public void The_message_names_file_line_api_and_reason()
    {
        var v = Scan("public static string F() =>\n    System.IO.File.ReadAllText(\"x\");").Single(v => v.Api == "System.IO.File.ReadAllText");

        v.ToString().Should().Be("Day01/Submission.cs:9: forbidden API 'System.IO.File.ReadAllText' (file IO is not allowed in submissions)");
    }

    [Fact]
    public void The_days_forbidden_engine_apis_are_reported_and_others_are_allowed()
    {
        const string body = "public static double F() { var r = new Rng(1); var g = new Course.Engine.Layers.Relu<double>(); return r.NextDouble(); }";

        Scan(body).Should().BeEmpty();
        Scan(body, "Course.Engine.Layers.Relu").Should().ContainSingle(v => v.Api == "Course.Engine.Layers.Relu" && v.Reason.Contains("reference engine"));
        Scan(body, "Course.Engine.Layers.*").Should().ContainSingle(v => v.Api == "Course.Engine.Layers.Relu");
        Scan(body, "Course.Engine.Rng.NextDouble").Should().ContainSingle(v => v.Api == "Course.Engine.Rng.NextDouble");
        Scan(body, "Course.Engine.Rng @ Submission.cs").Should().ContainSingle(v => v.Api == "Course.Engine.Rng");
        Scan(body, "Course.Engine.Rng @ NumericalGradient.cs").Should().BeEmpty("the entry is limited to another file");
    }

    [Fact]
    public void Ordinary_numeric_code_passes()
    {
        const string body = """
            public static double[] F(double[] xs)
            {
                Span<double> buffer = stackalloc double[4];
                var name = typeof(double).Name;
                Console.WriteLine($"{name} {Math.Sqrt(2)}");
                var list = new List<double>(xs.Where(x => x > 0));
                using var ms = new System.IO.MemoryStream();
                return list.Select(x => Math.Exp(-x)).ToArray();
            }
            """;

        Scan(body).Should().BeEmpty();
    }
}
