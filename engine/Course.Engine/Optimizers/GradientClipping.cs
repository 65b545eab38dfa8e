using System.Numerics.Tensors;

namespace Course.Engine.Optimizers;

/// <summary>Gradient clipping by the global L2 norm over all parameters (exploding gradients in RNNs).</summary>
public static class GradientClipping
{
    /// <summary>
    /// When ‖g‖ = √(Σ over every parameter's Grad of g²) exceeds <paramref name="maxNorm"/>, scales every Grad in
    /// place by maxNorm / ‖g‖ (so the new norm is maxNorm); otherwise leaves them unchanged.
    /// </summary>
    /// <returns>The norm before clipping.</returns>
    public static double ClipByGlobalNorm<T>(IReadOnlyList<Parameter<T>> parameters, double maxNorm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), $"ClipByGlobalNorm: maxNorm must be positive, got {maxNorm}.");
        double sum = 0;
        foreach (var p in parameters) sum += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(p.Grad.Span));
        double norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            T scale = T.CreateChecked(maxNorm / norm);
            foreach (var p in parameters) TensorPrimitives.Multiply(p.Grad.Span, scale, p.Grad.Span);
        }
        return norm;
    }
}
