using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// The products of a fully connected layer <c>Y = X·Wᵀ + b</c> on row-major data: X [batch, in], W [out, in],
/// b [out], Y [batch, out]. Every product reads its operands in stored order through the GEMM's
/// <see cref="Transpose"/> argument, so no transposed copy is ever made; outputs are overwritten.
/// </summary>
internal static class Dense
{
    /// <summary>Y = X·Wᵀ + b, [batch, out].</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Gemm.Multiply(x, w, y, batch, outputs, inputs, Transpose.B);
        RowVector.AddToRows(y, batch, outputs, b);
    }

    /// <summary>dX = dY·W, [batch, in].</summary>
    public static void InputGradient<T>(Tensor<T> dy, Tensor<T> w, Tensor<T> dx, int gemmThreads = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = dy.Dim(0), outputs = w.Dim(0), inputs = w.Dim(1);
        Gemm.Multiply<T>(dy.Span, w.Span, dx.Span, batch, inputs, outputs, Transpose.None, Gemm.Path.Auto, Threads(gemmThreads));
    }

    /// <summary>dW = dYᵀ·X [out, in] and db = Σ_batch dY [out].</summary>
    public static void WeightGradient<T>(Tensor<T> dy, Tensor<T> x, Tensor<T> dw, Tensor<T> db, int gemmThreads = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = dy.Dim(0), outputs = dy.Dim(1), inputs = x.Dim(1);
        Gemm.Multiply<T>(dy.Span, x.Span, dw.Span, outputs, inputs, batch, Transpose.A, Gemm.Path.Auto, Threads(gemmThreads));
        RowVector.SumRows<T>(dy.Span, batch, outputs, db.Span);
    }

    /// <summary>
    /// <see cref="WeightGradient{T}"/> and <see cref="InputGradient{T}"/> together. dW = dYᵀ·X and dX = dY·W are products
    /// of the same size (batch·in·out multiply-adds): with two cores each takes one whole product instead of both being
    /// split in halves that pack the same operands twice.
    /// </summary>
    public static void Backward<T>(Tensor<T> dy, Tensor<T> x, Tensor<T> w, Tensor<T> dw, Tensor<T> db, Tensor<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)dy.Dim(0) * w.Dim(0) * w.Dim(1) >= Gemm.ParallelThreshold && Environment.ProcessorCount >= 2)
        {
            CoreTeam.For(2, part =>
            {
                if (part == 0) WeightGradient(dy, x, dw, db, gemmThreads: 1);
                else InputGradient(dy, w, dx, gemmThreads: 1);
            });
            return;
        }
        WeightGradient(dy, x, dw, db);
        InputGradient(dy, w, dx);
    }

    private static int Threads(int requested) => requested > 0 ? requested : Environment.ProcessorCount;
}
