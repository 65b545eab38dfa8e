namespace Course.Grader.Policy;

/// <summary>
/// What a submission may not touch, by namespace, type or member. Engine APIs forbidden on a given day come from
/// course.json ("forbiddenEngineApis") and are added per day by <see cref="PolicyScanner"/>.
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

    /// <summary>Namespace prefixes: anything declared in them is forbidden.</summary>
    public static readonly IReadOnlyList<(string Namespace, string Reason)> Namespaces =
    [
        ("System.Reflection", Reflection),
        ("System.Runtime.Loader", Loading),
        ("System.Runtime.InteropServices", Native),
        ("System.Net", Network),
        ("System.IO.Pipes", FileIo),
        ("System.IO.MemoryMappedFiles", FileIo),
        ("System.IO.IsolatedStorage", FileIo),
        ("System.IO.Compression", FileIo),
        ("Microsoft.Win32", ProcessControl),
        ("Microsoft.CSharp.RuntimeBinder", Dynamic),
    ];

    /// <summary>Whole types (metadata full names, generic arity dropped).</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.IO.File"] = FileIo,
        ["System.IO.Directory"] = FileIo,
        ["System.IO.FileInfo"] = FileIo,
        ["System.IO.DirectoryInfo"] = FileIo,
        ["System.IO.FileSystemInfo"] = FileIo,
        ["System.IO.FileStream"] = FileIo,
        ["System.IO.DriveInfo"] = FileIo,
        ["System.IO.FileSystemWatcher"] = FileIo,
        ["System.IO.RandomAccess"] = FileIo,
        ["System.IO.StreamReader"] = FileIo,
        ["System.IO.StreamWriter"] = FileIo,
        ["System.IO.UnmanagedMemoryStream"] = Native,
        ["System.Diagnostics.Process"] = Processes,
        ["System.Diagnostics.ProcessStartInfo"] = Processes,
        ["System.Activator"] = Reflection,
        ["System.AppDomain"] = Loading,
        ["System.Runtime.CompilerServices.Unsafe"] = Native,
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = Reflection,
        ["System.Linq.Expressions.Expression"] = Reflection,
    };

    /// <summary>Single members ("Type.Member").</summary>
    public static readonly IReadOnlyDictionary<string, string> Members = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Environment.Exit"] = ProcessControl,
        ["System.Environment.FailFast"] = ProcessControl,
        ["System.Environment.GetCommandLineArgs"] = ProcessControl,
        ["System.Environment.CommandLine"] = ProcessControl,
        ["System.Environment.SetEnvironmentVariable"] = ProcessControl,
        ["System.Environment.CurrentDirectory"] = FileIo,
        ["System.Environment.ProcessPath"] = ProcessControl,
        ["System.Type.GetType"] = Reflection,
        ["System.Type.GetTypeFromHandle"] = Reflection,
        ["System.Type.InvokeMember"] = Reflection,
    };

    /// <summary>Members of System.Type that do not open the reflection API (everything else on Type does).</summary>
    public static readonly IReadOnlySet<string> HarmlessTypeMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Name", "FullName", "Namespace", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality",
        "IsAssignableFrom", "IsInstanceOfType", "IsValueType", "IsArray", "IsGenericType",
    };
}
