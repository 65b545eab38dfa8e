using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// The activation layers' kernels, forward and backward, on data of any shape (the spans are the flat elements).
/// ReLU's loops are split over the cores once they are long (<see cref="ElementwiseSplit"/>): they are bound by memory
/// traffic, and a convolution's activations are megabytes. The backward passes of σ and tanh are one fused pass each
/// (<see cref="IBinaryOperator{T}"/>) with the same operations, in the same order, as the formulas.
/// </summary>
internal static class Activations
{
    /// <summary>y = max(0, x).</summary>
    public static void Relu<T>(Tensor<T> x, Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T> =>
        ElementwiseSplit.For(x.Length, (start, count) =>
            TensorPrimitives.Max(x.Span.Slice(start, count), T.Zero, y.Span.Slice(start, count)));

    /// <summary>dX = dOut where x &gt; 0, else 0.</summary>
    public static void ReluBackward<T>(Tensor<T> x, Tensor<T> dOut, Tensor<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        ElementwiseSplit.For(x.Length, (start, count) =>
            Masks.SelectWherePositive(x.Span.Slice(start, count), dOut.Span.Slice(start, count), dx.Span.Slice(start, count)));

    /// <summary>y = 1 / (1 + e^(−x)).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Sigmoid(x, y);

    /// <summary>dX = dOut ⊙ y ⊙ (1 − y), from the output y.</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dOut, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        Elementwise.Binary<T, SigmoidGradient<T>>(y, dOut, dx);

    /// <summary>y = tanh(x).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Tanh(x, y);

    /// <summary>dX = dOut ⊙ (1 − y²), from the output y.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dOut, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T> =>
        Elementwise.Binary<T, TanhGradient<T>>(y, dOut, dx);

    /// <summary>(y, dOut) ↦ ((1 − y)·y)·dOut.</summary>
    private readonly struct SigmoidGradient<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T y, T dOut) => (T.One - y) * y * dOut;
        public static Vector256<T> Invoke(Vector256<T> y, Vector256<T> dOut) => (Vector256<T>.One - y) * y * dOut;
        public static Vector512<T> Invoke(Vector512<T> y, Vector512<T> dOut) => (Vector512<T>.One - y) * y * dOut;
    }

    /// <summary>(y, dOut) ↦ (1 − y·y)·dOut.</summary>
    private readonly struct TanhGradient<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Invoke(T y, T dOut) => (T.One - y * y) * dOut;
        public static Vector256<T> Invoke(Vector256<T> y, Vector256<T> dOut) => (Vector256<T>.One - y * y) * dOut;
        public static Vector512<T> Invoke(Vector512<T> y, Vector512<T> dOut) => (Vector512<T>.One - y * y) * dOut;
    }
}
