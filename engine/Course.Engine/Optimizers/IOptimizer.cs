namespace Course.Engine;

/// <summary>Updates parameter values from their gradients. State (velocities, moments) is keyed by the Parameter object.</summary>
/// <remarks>Step reads <see cref="Parameter{T}.Grad"/> and never changes it; it updates <see cref="Parameter{T}.Value"/> in place.</remarks>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Step size; schedules set it before each Step.</summary>
    double LearningRate { get; set; }

    /// <summary>One update of every parameter.</summary>
    void Step(IReadOnlyList<Parameter<T>> parameters);
}

/// <summary>A learning-rate schedule: the rate to use at optimisation step <c>step</c> (0-based).</summary>
public interface ILrSchedule
{
    double At(int step);
}
