// Compiled by the grader into every cached test build (Running/Verdicts/VerdictReporterInjection.cs); it is not part
// of the course's own test projects. It runs in the same process as learner code, before that code is loaded.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit.Runner.Common;
using Xunit.Sdk;

[assembly: RegisterRunnerReporter(typeof(CourseGrading.SignedVerdictReporter))]

namespace CourseGrading;

/// <summary>
/// <c>-reporter verdict</c>: reads "&lt;hex key&gt; &lt;file&gt;" from stdin when the run starts, then appends one
/// HMAC-SHA256-signed JSON line per test result and a closing line with the count to that file. Learner code never
/// sees the key (stdin is consumed and replaced before any test runs), so it cannot write a line the grader accepts.
/// </summary>
internal sealed class SignedVerdictReporter : IRunnerReporter
{
    public bool CanBeEnvironmentallyEnabled => false;
    public string Description => "course grader: signed verdicts";
    public bool ForceNoLogo => true;
    public bool IsEnvironmentallyEnabled => false;
    public string? RunnerSwitch => "verdict";

    public ValueTask<IRunnerReporterMessageHandler> CreateMessageHandler(IRunnerLogger logger, IMessageSink? diagnosticMessageSink)
    {
        var line = Console.In.ReadLine() ?? throw new InvalidOperationException("the verdict reporter needs '<key> <file>' on stdin");
        Console.SetIn(TextReader.Null);
        var space = line.IndexOf(' ');
        return new(new SignedVerdictHandler(Convert.FromHexString(line[..space]), line[(space + 1)..]));
    }
}

internal sealed class SignedVerdictHandler(byte[] key, string path) : IRunnerReporterMessageHandler
{
    private readonly Dictionary<string, string> classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, string Method, string Name)> tests = new(StringComparer.Ordinal);
    private readonly StreamWriter file = new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    private readonly HMACSHA256 hmac = new(key);
    private readonly object gate = new();
    private long sequence;

    public bool OnMessage(IMessageSinkMessage message)
    {
        lock (gate)
        {
            switch (message)
            {
                case ITestClassStarting c: classes[c.TestClassUniqueID ?? ""] = c.TestClassName; break;
                case ITestMethodStarting m: methods[m.TestMethodUniqueID ?? ""] = m.MethodName; break;
                case ITestStarting t:
                    tests[t.TestUniqueID] = (classes.GetValueOrDefault(t.TestClassUniqueID ?? "", ""), methods.GetValueOrDefault(t.TestMethodUniqueID ?? "", ""), t.TestDisplayName);
                    break;
                case ITestPassed p: Result(p, "Pass", null, null, p.ExecutionTime, p.Output); break;
                case ITestFailed f: Result(f, "Fail", Describe(f), f.StackTraces.FirstOrDefault(), f.ExecutionTime); break;
                case ITestSkipped s: Result(s, "Skip", s.Reason, null, s.ExecutionTime); break;
                case ITestNotRun n: Result(n, "NotRun", null, null, n.ExecutionTime); break;
                case ITestAssemblyFinished a:
                    Sign(new Dictionary<string, object?> { ["seq"] = sequence, ["end"] = true, ["count"] = sequence, ["time"] = (double)a.ExecutionTime });
                    break;
            }
        }
        return true;
    }

    /// <summary>A passed test's <c>ITestOutputHelper</c> lines travel too (capped): a test may report a measured figure,
    /// such as a model's held-out accuracy, that its pass or fail alone does not carry.</summary>
    private void Result(ITestMessage test, string result, string? message, string? stack, decimal time, string? output = null)
    {
        var (type, method, name) = tests.GetValueOrDefault(test.TestUniqueID, ("", "", ""));
        Sign(new Dictionary<string, object?>
        {
            ["seq"] = sequence, ["type"] = type, ["method"] = method, ["name"] = name, ["result"] = result,
            ["message"] = message, ["stack"] = stack, ["time"] = (double)time,
            ["output"] = string.IsNullOrEmpty(output) ? null : output.Length <= 1000 ? output : output[..1000],
        });
    }

    /// <summary>"Type : message", inner exceptions after "----", as xunit's own reports print them.</summary>
    private static string Describe(IErrorMetadata error) =>
        string.Join("\n---- ", error.ExceptionTypes.Zip(error.Messages, (t, m) => $"{t} : {m}"));

    private void Sign(Dictionary<string, object?> record)
    {
        var json = JsonSerializer.Serialize(record);
        var mac = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(json)));
        file.Write(json);
        file.Write('\t');
        file.Write(mac);
        file.Write('\n');
        file.Flush();
        sequence++;
    }

    public ValueTask DisposeAsync()
    {
        lock (gate)
        {
            file.Dispose();
            hmac.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
