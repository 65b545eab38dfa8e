namespace Course.Engine.Optimizers;

/// <summary>
/// One optimiser's update rule for one parameter, given its value θ (updated in place), its gradient g and its
/// buffers (velocities, moments, scratch). <see cref="OptimizerState{T}.Step{TUpdate}"/> runs it over every parameter;
/// a struct, so the loop is specialised per rule and nothing is allocated per step.
/// </summary>
internal interface IParameterUpdate<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    void Apply(Span<T> theta, ReadOnlySpan<T> g, Tensor<T>[] buffers);
}
