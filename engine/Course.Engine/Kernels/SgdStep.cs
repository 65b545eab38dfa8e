using System.Numerics.Tensors;
using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// The plain SGD update θ ← θ − η(g + λθ) in place, split over the cores for long parameters
/// (<see cref="ElementwiseSplit"/>): the loop is bound by memory traffic, and one core alone does not reach the
/// bandwidth two can (measured in engine/Course.Engine.Benchmarks).
/// </summary>
internal static class SgdStep
{
    /// <summary>θ ← (1 − ηλ)θ − ηg; the decay multiply runs only when <paramref name="weightDecay"/> is not 0.</summary>
    public static void Apply<T>(Tensor<T> theta, Tensor<T> grad, double learningRate, double weightDecay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lr = T.CreateChecked(learningRate);
        T keep = T.One - lr * T.CreateChecked(weightDecay);
        ElementwiseSplit.For(theta.Length, (start, count) =>
        {
            var t = theta.Span.Slice(start, count);
            if (weightDecay != 0) TensorPrimitives.Multiply(t, keep, t);                          // θ − ηλθ
            TensorPrimitives.MultiplyAdd(grad.Span.Slice(start, count), -lr, t, t);               // − ηg
        });
    }
}
