namespace Course.Engine.Optimizers;

/// <summary>Per-parameter buffers (velocities, moments) keyed by the <see cref="Parameter{T}"/> object itself.</summary>
/// <remarks>Buffers are zero-initialised on a parameter's first step and live as long as the optimiser.</remarks>
internal sealed class OptimizerState<T>(int buffersPerParameter) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<Parameter<T>, Tensor<T>[]> _buffers = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// One step of <paramref name="optimizer"/> over every parameter: checks its gradient, then applies
    /// <paramref name="update"/> to its value, gradient and buffers.
    /// </summary>
    public void Step<TUpdate>(string optimizer, IReadOnlyList<Parameter<T>> parameters, TUpdate update)
        where TUpdate : struct, IParameterUpdate<T>
    {
        foreach (var p in parameters)
        {
            RequireGradient(optimizer, p);
            update.Apply(p.Value.Span, p.Grad.Span, For(p));
        }
    }

    /// <summary>The parameter's buffers (each shaped like its value), created as zeros on first use.</summary>
    public Tensor<T>[] For(Parameter<T> p)
    {
        if (!_buffers.TryGetValue(p, out var b))
        {
            b = new Tensor<T>[buffersPerParameter];
            for (int i = 0; i < b.Length; i++) b[i] = Tensor<T>.ZerosLike(p.Value);
            _buffers[p] = b;
        }
        else if (b.Length > 0 && b[0].Length != p.Value.Length)
            throw new InvalidOperationException($"Optimizer: parameter '{p.Name}' changed size from {b[0].ShapeString} to {p.Value.ShapeString} between steps.");
        return b;
    }

    /// <summary>Throws unless Grad and Value have the same shape (names the optimiser and the parameter).</summary>
    public static void RequireGradient(string optimizer, Parameter<T> p)
    {
        if (p.Grad is null || !p.Grad.SameShape(p.Value))
            throw new ArgumentException($"{optimizer}.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad?.ShapeString ?? "null"}.");
    }
}
