namespace Course.Notebooks.Execution;

/// <summary>
/// What a notebook's cells compile against: extra assemblies (the chosen DayNN implementation)
/// and namespaces imported into every cell.
/// </summary>
public sealed record ExecutorOptions
{
    /// <summary>Namespaces every cell imports (besides the script defaults).</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Text",
        "Course.Engine", "Course.Engine.Data", "Course.Engine.Layers", "Course.Engine.Optimizers",
        "Course.Notebooks.Plotting",
    ];

    /// <summary>
    /// Run silently before the first cell: learner code is float64 throughout, so the same
    /// aliases the exercise projects use (exercises/DayNN/GlobalUsings.cs) hold in cells.
    /// </summary>
    public const string Prelude =
        "using Tensor = Course.Engine.Tensor<double>;\n" +
        "using Parameter = Course.Engine.Parameter<double>;\n" +
        "using ILayer = Course.Engine.ILayer<double>;\n" +
        "using ILossLayer = Course.Engine.ILossLayer<double>;\n" +
        "using IOptimizer = Course.Engine.IOptimizer<double>;\n";

    /// <summary>Paths of assemblies to reference (e.g. .../Course.Day01.dll).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Namespaces imported in addition to <see cref="DefaultImports"/> (e.g. Course.Day01).</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>Directory cells run in (relative paths in cells resolve against the notebook's folder).</summary>
    public string? WorkingDirectory { get; init; }
}
