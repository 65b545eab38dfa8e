namespace Course.Grader.Policy;

/// <summary>
/// What a submission may use: an allowlist, so an API nobody thought of is refused rather than let through.
/// A symbol is allowed when it is declared in the submission itself, or lives in an <see cref="AllowedNamespaces"/>
/// entry, or is an <see cref="AllowedTypes"/> entry (and not a <see cref="DeniedMembers"/> entry), or is one of the
/// <see cref="AllowedMembers"/>. Engine APIs forbidden on a given day come from course.json ("forbiddenEngineApis").
/// The reasons only make the refusal readable: every symbol outside the allowlist is refused, named or not.
/// </summary>
public static class PolicyRules
{
    public const string FileIo = "file IO is not allowed in submissions";
    public const string Network = "network access is not allowed in submissions";
    public const string Reflection = "reflection is not allowed in submissions";
    public const string Processes = "starting processes is not allowed in submissions";
    public const string Native = "native code, P/Invoke and unsafe code are not allowed in submissions";
    public const string ProcessControl = "ending or inspecting the grading process is not allowed in submissions";
    public const string Loading = "loading assemblies is not allowed in submissions";
    public const string Dynamic = "dynamic binding is not allowed in submissions";
    public const string Threads = "threads, tasks and timers are not allowed in submissions (the engine parallelises its own kernels)";
    public const string Inspection = "inspecting the call stack is not allowed in submissions";
    public const string NotAllowed = "not among the APIs submissions may use (maths, collections, LINQ, spans, strings and the course engine)";

    /// <summary>Namespaces whose every type may be used (sub-namespaces excluded unless listed).</summary>
    public static readonly IReadOnlySet<string> AllowedNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Linq",
        "System.Collections.Generic",
        "System.Collections.ObjectModel",
        "System.Numerics",
        "System.Numerics.Tensors",
        "System.Globalization",
        "System.Diagnostics.CodeAnalysis",
    };

    /// <summary>Engine namespaces (with their sub-namespaces) are open, minus <see cref="DeniedEngineTypes"/> and the day's forbidden APIs.</summary>
    public const string EngineNamespace = "Course.Engine";

    /// <summary>Engine types that read or write files by path: learners get data from the in-memory loaders instead.</summary>
    public static readonly IReadOnlySet<string> DeniedEngineTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Course.Engine.Data.Idx",
        "Course.Engine.Data.FashionMnist",
    };

    /// <summary>Single types from namespaces that are otherwise closed (metadata full names, generic arity dropped).</summary>
    public static readonly IReadOnlySet<string> AllowedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        // values and their helpers
        "System.Object", "System.ValueType", "System.Enum", "System.Boolean", "System.Byte", "System.SByte", "System.Char",
        "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int128",
        "System.UInt128", "System.IntPtr", "System.UIntPtr", "System.Half", "System.Single", "System.Double", "System.Decimal",
        "System.String", "System.Math", "System.MathF", "System.MidpointRounding", "System.Convert", "System.BitConverter",
        "System.HashCode", "System.Nullable", "System.Random", "System.Index", "System.Range", "System.TimeSpan",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Lazy", "System.Guid",
        // arrays, spans, tuples, delegates
        "System.Array", "System.ArraySegment", "System.Span", "System.ReadOnlySpan", "System.Memory", "System.ReadOnlyMemory",
        "System.MemoryExtensions", "System.Buffer", "System.Tuple", "System.ValueTuple", "System.Func", "System.Action",
        "System.Predicate", "System.Comparison", "System.Converter",
        // interfaces a learner's type may implement
        "System.IComparable", "System.IEquatable", "System.IDisposable", "System.IFormattable", "System.ICloneable",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        // exceptions a learner's code may throw or catch
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.NotImplementedException", "System.NotSupportedException",
        "System.IndexOutOfRangeException", "System.ArithmeticException", "System.DivideByZeroException",
        "System.OverflowException", "System.FormatException", "System.ObjectDisposedException",
        // attributes the compiler or a careful learner writes
        "System.Attribute", "System.ObsoleteAttribute", "System.FlagsAttribute", "System.AttributeUsageAttribute",
        "System.AttributeTargets", "System.SerializableAttribute",
        "System.Runtime.CompilerServices.MethodImplAttribute", "System.Runtime.CompilerServices.MethodImplOptions",
        // text and timing
        "System.Text.StringBuilder", "System.Diagnostics.Stopwatch", "System.Diagnostics.Debug",
    };

    /// <summary>Members of otherwise closed types that are safe (printing for one's own debugging).</summary>
    public static readonly IReadOnlySet<string> AllowedMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Console.Write", "System.Console.WriteLine",
        "System.Type.Name", "System.Reflection.MemberInfo.Name", "System.Type.op_Equality",
        "System.Type.op_Inequality", "System.Object.GetType",
    };

    /// <summary>
    /// Members of allowed types that are not: a stack trace names the test that called the code (public or hidden),
    /// and <c>Exception.ToString</c> includes it.
    /// </summary>
    public static readonly IReadOnlySet<string> DeniedMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Exception.StackTrace", "System.Exception.ToString", "System.Exception.TargetSite",
        "System.Exception.Source", "System.Exception.Data", "System.Exception.GetObjectData",
        "System.Delegate.Method", "System.Delegate.Target", "System.MulticastDelegate.GetInvocationList",
        "System.Delegate.DynamicInvoke", "System.Delegate.CreateDelegate",
        "System.Array.CreateInstance", "System.Array.CreateInstanceFromArrayType",
    };

    /// <summary>Types of open namespaces that are not: queryables compile expression trees at run time.</summary>
    public static readonly IReadOnlySet<string> DeniedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Linq.Queryable", "System.Linq.IQueryable", "System.Linq.IOrderedQueryable", "System.Linq.IQueryProvider",
        "System.Linq.EnumerableQuery", "System.Linq.EnumerableExecutor",
    };

    /// <summary>Readable reasons for well-known refused areas (by namespace or type prefix); everything else gets <see cref="NotAllowed"/>.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Reason)> Reasons =
    [
        ("System.Reflection", Reflection),
        ("System.Runtime.Loader", Loading),
        ("System.Runtime.InteropServices", Native),
        ("System.Runtime.CompilerServices.Unsafe", Native),
        ("System.Runtime.CompilerServices", Reflection),
        ("System.Net", Network),
        ("System.IO", FileIo),
        ("System.Xml", FileIo),
        ("System.Diagnostics.Process", Processes),
        ("System.Diagnostics.StackTrace", Inspection),
        ("System.Diagnostics.StackFrame", Inspection),
        ("System.Threading", Threads),
        ("System.Environment", ProcessControl),
        ("System.AppContext", ProcessControl),
        ("System.AppDomain", Loading),
        ("System.GC", ProcessControl),
        ("System.Activator", Reflection),
        ("System.Type", Reflection),
        ("System.Delegate", Reflection),
        ("System.Linq.Expressions", Reflection),
        ("System.Exception", Inspection),
        ("Microsoft.Win32", ProcessControl),
        ("Microsoft.CSharp.RuntimeBinder", Dynamic),
        ("Course.Engine.Data", FileIo),
    ];

    public static string ReasonFor(string api)
    {
        foreach (var (prefix, reason) in Reasons)
            if (api.StartsWith(prefix, StringComparison.Ordinal)) return reason;
        return NotAllowed;
    }
}
