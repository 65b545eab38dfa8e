using System.Diagnostics;
using System.Reflection;
using Course.Notebooks.Display;
using Course.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>
/// Runs C# cells one after another with Roslyn scripting, carrying state (variables, types,
/// usings) from cell to cell: each cell is a Roslyn submission continuing the previous one's state.
/// One executor is one notebook session; `course notebook run` and the Jupyter kernel both
/// drive this class. Console output is captured per cell; compile errors and exceptions are
/// turned into an error output plus a <see cref="CellFailure"/> located in the cell's lines.
/// Cells run one at a time (Console is process-wide).
/// </summary>
public sealed class CellExecutor
{
    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    private readonly NotebookGlobals globals = new();
    private readonly ExecutorOptions options;
    private ScriptOptions scriptOptions;
    private ScriptState<object>? state;
    private int executionCount;
    private CancellationTokenSource? running;

    public CellExecutor(ExecutorOptions options)
    {
        this.options = options;
        var references = new List<MetadataReference>
        {
            MetadataReference.CreateFromFile(typeof(Course.Engine.Rng).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(CellExecutor).Assembly.Location),
        };
        references.AddRange(PlatformReferences());
        references.AddRange(options.References.Select(path => MetadataReference.CreateFromFile(path)));
        scriptOptions = ScriptOptions.Default
            .AddReferences(references)
            .AddImports(AvailableDefaultImports().Concat(options.Imports))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(false);
    }

    /// <summary>How many cells ran so far (Jupyter's execution_count of the last one).</summary>
    public int ExecutionCount => executionCount;

    /// <summary>
    /// Runs one cell. <paramref name="cellNumber"/> is only used to locate failures
    /// ("cell 4, line 2"). <paramref name="collector"/> lets a caller (the kernel) watch outputs live.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(string code, int cellNumber, OutputCollector? collector = null, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        // The prelude's usings ride on the first cell's line 1 (saves a whole cold compilation);
        // cells with #r/#load directives, which must come first, get the prelude as its own submission.
        var prefix = "";
        if (state is null)
        {
            if (HasDirectives(code)) state = await RunPreludeAsync(cancellation);
            else prefix = ExecutorOptions.Prelude.ReplaceLineEndings(" ");
        }
        executionCount++;
        collector ??= new OutputCollector();
        var cellPath = CellPath(cellNumber);
        var cellOptions = scriptOptions.WithFilePath(cellPath);
        CellFailure? failure = null;

        await ConsoleGate.WaitAsync(cancellation);
        var (stdout, stderr, directory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        try
        {
            Console.SetOut(collector.StandardOutput);
            Console.SetError(collector.StandardError);
            if (options.WorkingDirectory is { } wd) Environment.CurrentDirectory = wd;
            globals.Output = collector;
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            running = interrupt;
            CellInterrupt.Set(interrupt);
            var source = prefix + InterruptibleLoops.Instrument(NeutraliseMagics(code));
            ScriptState<object> next;
            try
            {
                // A stream (not a string) so the source has an encoding: needed to emit debug info,
                // which is what gives exceptions their line numbers.
                if (state is null)
                {
                    var first = CSharpScript.Create<object>(Utf8(source), cellOptions, typeof(NotebookGlobals));
                    next = await first.RunAsync(globals, catchException: _ => true, cancellation);
                }
                else
                {
                    var script = state.Script.ContinueWith<object>(Utf8(source), cellOptions);
                    next = await script.RunFromAsync(state, catchException: _ => true, cancellation);
                }
            }
            catch (CompilationErrorException e)
            {
                failure = FromDiagnostics(cellNumber, e.Diagnostics);
                collector.Add(ErrorFor(failure, e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => Located(cellNumber, d, prefix.Length))));
                return new CellResult(collector.Complete(), failure, watch.Elapsed);
            }

            if (next.Exception is { } exception)
            {
                var inner = Unwrap(exception);
                failure = inner is OperationCanceledException && interrupt.IsCancellationRequested
                    ? new CellFailure(cellNumber, LineInCell(inner, cellPath), "Interrupted", "the cell was interrupted")
                    : new CellFailure(cellNumber, LineInCell(inner, cellPath), inner.GetType().Name, OneLine(inner.Message));
                collector.Add(ErrorFor(failure, Traceback(inner, cellPath, cellNumber)));
                // Continue from the failed submission: Roslyn keeps what it assigned before the throw, as Jupyter kernels do.
                state = next;
                return new CellResult(collector.Complete(), failure, watch.Elapsed);
            }

            state = next;
            if (next.ReturnValue is not null && EndsWithExpression(source))
            {
                collector.Add(new ExecuteResultOutput(executionCount, DisplayFormatter.Format(next.ReturnValue), new()));
            }

            return new CellResult(collector.Complete(), null, watch.Elapsed);
        }
        finally
        {
            globals.Output = null;
            running = null;
            CellInterrupt.Set(null);
            Console.Out.Flush();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.CurrentDirectory = directory;
            ConsoleGate.Release();
        }
    }

    /// <summary>Interrupts the running cell at its next loop iteration (no effect when idle).</summary>
    public void Interrupt()
    {
        try
        {
            running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell finished between the check and the cancel: nothing to interrupt.
        }
    }

    /// <summary>Completion candidates at a cursor position in a cell, given the session so far.</summary>
    public IReadOnlyList<string> Complete(string code, int cursor, out int replaceStart)
    {
        replaceStart = cursor;
        while (replaceStart > 0 && (char.IsLetterOrDigit(code[replaceStart - 1]) || code[replaceStart - 1] == '_')) replaceStart--;
        var prefix = code[replaceStart..cursor];
        var before = code[..replaceStart];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (before.EndsWith('.'))
        {
            var target = ExpressionBefore(before[..^1]);
            foreach (var name in MembersOf(target)) names.Add(name);
        }
        else
        {
            if (state is not null)
            {
                foreach (var v in state.Variables) names.Add(v.Name);
            }

            foreach (var name in KnownTypeNames()) names.Add(name);
            names.Add("display");
        }

        return names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Default imports minus engine namespaces this engine build does not have yet (an import of a
    /// missing namespace would fail every cell with CS0234).
    /// </summary>
    private static IEnumerable<string> AvailableDefaultImports()
    {
        var present = new[] { typeof(Course.Engine.Rng).Assembly, typeof(CellExecutor).Assembly }
            .SelectMany(SafeTypes).Select(t => t.Namespace).OfType<string>().ToHashSet();
        return ExecutorOptions.DefaultImports.Where(ns => !ns.StartsWith("Course.", StringComparison.Ordinal) || present.Contains(ns));
    }

    /// <summary>The framework assemblies cells may use, taken from the running runtime (what the engine was built against).</summary>
    private static IEnumerable<MetadataReference> PlatformReferences()
    {
        string[] names =
        [
            "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Linq", "System.Console",
            "System.Memory", "System.Runtime.Numerics", "System.Numerics.Vectors", "System.Text.RegularExpressions",
            "System.Collections.Concurrent", "System.Threading", "System.Threading.Tasks", "System.Runtime.Intrinsics",
            "System.Linq.Expressions", "System.ComponentModel.Primitives", "System.ObjectModel",
        ];
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        return trusted.Where(path => names.Contains(Path.GetFileNameWithoutExtension(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    /// <summary>What the identifier under the cursor is (a session variable's type and value, or a type's full name); null when unknown.</summary>
    public string? Describe(string code, int cursor)
    {
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var end = cursor;
        while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_')) end++;
        var name = code[start..end];
        if (name.Length == 0) return null;
        if (state?.Variables.LastOrDefault(v => v.Name == name) is { } variable)
        {
            var value = HtmlTable.Format(variable.Value);
            return $"{name}: {variable.Type.FullName}\n{(value.Length > 500 ? value[..500] + "…" : value)}";
        }

        var types = KnownTypes().Where(t => t.Name.Split('`')[0] == name).Select(t => t.FullName).Distinct().ToList();
        return types.Count == 0 ? null : string.Join("\n", types);
    }

    private async Task<ScriptState<object>> RunPreludeAsync(CancellationToken cancellation)
    {
        var prelude = CSharpScript.Create<object>(Utf8(ExecutorOptions.Prelude), scriptOptions.WithFilePath("prelude"), typeof(NotebookGlobals));
        return await prelude.RunAsync(globals, cancellationToken: cancellation);
    }

    private static bool HasDirectives(string code) =>
        code.Split('\n').Any(line => line.TrimStart().StartsWith("#r ", StringComparison.Ordinal) || line.TrimStart().StartsWith("#load ", StringComparison.Ordinal));

    private static MemoryStream Utf8(string code) => new(System.Text.Encoding.UTF8.GetBytes(code));

    private static string CellPath(int cellNumber) => $"cell{cellNumber}.csx";

    /// <summary>
    /// Polyglot magics (#!csharp, #!time) are not C#; blank them but keep the line so line
    /// numbers in errors still match what the learner sees.
    /// </summary>
    private static string NeutraliseMagics(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? "" : line));

    /// <summary>A cell "has a value" when its last statement is an expression without ';' (Jupyter's rule).</summary>
    private static bool EndsWithExpression(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetCompilationUnitRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
               && statement.SemicolonToken.IsMissing;
    }

    private static CellFailure FromDiagnostics(int cellNumber, IEnumerable<Diagnostic> diagnostics)
    {
        var first = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        var span = first.Location.GetLineSpan();
        int? line = span.IsValid && first.Location.IsInSource ? span.StartLinePosition.Line + 1 : null;
        return new CellFailure(cellNumber, line, first.Id, first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Located(int cellNumber, Diagnostic d, int firstLineShift)
    {
        var span = d.Location.GetLineSpan();
        var where = span.IsValid && d.Location.IsInSource
            ? $"cell {cellNumber}, line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1 - (span.StartLinePosition.Line == 0 ? firstLineShift : 0)}"
            : $"cell {cellNumber}";
        return $"{where}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static ErrorOutput ErrorFor(CellFailure failure, IEnumerable<string> traceback) =>
        new(failure.Kind, failure.Message, [failure.ToString(), .. traceback.Skip(0)]);

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is not null) e = e.InnerException!;
        return e;
    }

    /// <summary>The innermost stack frame that lies in this cell's code: where the learner's line is.</summary>
    private static int? LineInCell(Exception e, string cellPath)
    {
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            if (frame.GetFileName() is { } file && file.EndsWith(cellPath, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
            {
                return frame.GetFileLineNumber();
            }
        }

        return null;
    }

    /// <summary>Stack frames up to the cell (the script machinery below it is noise to a learner).</summary>
    private static IEnumerable<string> Traceback(Exception e, string cellPath, int cellNumber)
    {
        var lines = new List<string>();
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var file = frame.GetFileName();
            if (file is not null && file.EndsWith(cellPath, StringComparison.Ordinal))
            {
                lines.Add($"   in cell {cellNumber}, line {frame.GetFileLineNumber()}");
                break;
            }

            if (method is null) continue;
            var where = file is null ? "" : $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}";
            lines.Add($"   at {method.DeclaringType?.FullName}.{method.Name}{where}");
        }

        return lines;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static string ExpressionBefore(string text)
    {
        var i = text.Length;
        while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '.')) i--;
        return text[i..];
    }

    private IEnumerable<string> MembersOf(string expression)
    {
        Type? type = null;
        if (state?.Variables.LastOrDefault(v => v.Name == expression) is { } variable)
        {
            type = variable.Value?.GetType() ?? variable.Type;
        }
        else
        {
            type = KnownTypes().FirstOrDefault(t => t.Name.Split('`')[0] == expression || t.FullName == expression);
            if (type is not null)
            {
                return type.GetMembers(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Where(n => !n.Contains('_') && !n.StartsWith('.'));
            }
        }

        return type?.GetMembers(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).Where(n => !n.Contains('_') && !n.StartsWith('.'))
               ?? [];
    }

    private IEnumerable<Type> KnownTypes()
    {
        var imports = AvailableDefaultImports().Concat(options.Imports).ToHashSet();
        var assemblies = new[] { typeof(Course.Engine.Rng).Assembly, typeof(CellExecutor).Assembly, typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Console).Assembly }
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("Course.Day", StringComparison.Ordinal) == true));
        return assemblies.Distinct().SelectMany(SafeTypes).Where(t => t.IsPublic && t.Namespace is not null && imports.Contains(t.Namespace));
    }

    private IEnumerable<string> KnownTypeNames() => KnownTypes().Select(t => t.Name.Split('`')[0]).Append("Tensor");

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
