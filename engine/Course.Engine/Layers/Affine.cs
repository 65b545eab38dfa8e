using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>Fully connected layer: <c>Y = X·Wᵀ + b</c> (seed 003's W·x orientation, as in PyTorch).</summary>
/// <remarks>
/// X: [batch, in] → Y: [batch, out]; W: [out, in]; b: [out]. An input of higher rank such as [batch, C, H, W]
/// is flattened to [batch, C·H·W] and dX comes back in the input's shape. Forward caches X (a reference, not a copy).
/// Backward overwrites W.Grad = dYᵀ·X and b.Grad = Σ_batch dY and returns dX = dY·W; all three products use the GEMM's
/// transpose flags (as <see cref="Ops.MatMul{T}"/> does), so no transposed copy is ever made. <see cref="BackwardParameters"/>
/// sets the same gradients without the dX product (for the first layer of a network). With
/// <see cref="ReuseBuffers"/> on, Y and dX are written into the tensors returned by the previous call.
/// </remarks>
public sealed class Affine<T> : IParameterBackward<T>, IBufferReuse where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x2d;
    private int[]? _xShape;
    private readonly ReusableTensor<T> _y = new(), _dx = new();

    /// <summary>A layer with <paramref name="inputs"/> → <paramref name="outputs"/> units, W drawn from <paramref name="rng"/>
    /// by <paramref name="init"/> (<paramref name="normalStd"/> is the std for <see cref="WeightInit.Normal"/>), b = 0.</summary>
    public Affine(int inputs, int outputs, Rng rng, WeightInit init = WeightInit.He, double normalStd = 0.01)
    {
        if (inputs <= 0 || outputs <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Affine: sizes must be positive, got inputs {inputs}, outputs {outputs}.");
        W = new Parameter<T>("W", Init.Weights<T>(init, inputs, rng, normalStd, outputs, inputs));
        B = new Parameter<T>("b", Tensor<T>.Zeros(outputs));
        Parameters = [W, B];
    }

    /// <summary>A layer with the given weights <c>w</c> [out, in] and bias <c>b</c> [out] (used as-is, not copied).</summary>
    public Affine(Tensor<T> w, Tensor<T> b)
    {
        if (w.Rank != 2) throw new ArgumentException($"Affine: W must have shape (out, in), got {w.ShapeString}.", nameof(w));
        if (b.Rank != 1 || b.Dim(0) != w.Dim(0))
            throw new ArgumentException($"Affine: b must have shape ({w.Dim(0)}) to match W {w.ShapeString}, got {b.ShapeString}.", nameof(b));
        W = new Parameter<T>("W", w);
        B = new Parameter<T>("b", b);
        Parameters = [W, B];
    }

    /// <summary>Weights, [out, in].</summary>
    public Parameter<T> W { get; }

    /// <summary>Bias, [out].</summary>
    public Parameter<T> B { get; }

    /// <summary>Number of input features (the product of every input axis after the batch axis).</summary>
    public int Inputs => W.Value.Dim(1);

    /// <summary>Number of output units.</summary>
    public int Outputs => W.Value.Dim(0);

    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public bool ReuseBuffers { get; set; }

    /// <summary>x: [batch, in] or [batch, …] with the trailing axes multiplying to <c>in</c> → [batch, out].</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank < 2 || Shapes.Product(x.Shape[1..]) != Inputs)
            throw new ArgumentException($"Affine: expected input of shape (N, {Inputs}) or (N, …) with {Inputs} features per row, got {x.ShapeString}.", nameof(x));
        var x2d = x.Rank == 2 ? x : x.Reshape(x.Dim(0), Inputs);
        _x2d = x2d;
        _xShape = x.ShapeArray;

        int batch = x2d.Dim(0), n = Outputs;
        var y = _y.Take(ReuseBuffers, batch, n);
        Kernels.Gemm.Multiply<T>(x2d.Span, W.Value.Span, y.Span, batch, n, Inputs, false, true);   // X·Wᵀ, [batch, out]
        var ys = y.Span;
        var bs = (ReadOnlySpan<T>)B.Value.Span;
        for (int o = 0; o < ys.Length; o += n)
            TensorPrimitives.Add(ys.Slice(o, n), bs, ys.Slice(o, n));
        return y;
    }

    /// <returns>dL/dX in the input's shape; sets W.Grad = dYᵀ·X [out, in] and b.Grad = Σ_batch dY [out] (overwrites).</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        ValidateDOut(dOut);
        int batch = dOut.Dim(0);
        var dx = _dx.Take(ReuseBuffers, batch, Inputs);
        // dW = dYᵀ·X and dX = dY·W are products of the same size (batch·in·out multiply-adds): with two cores each takes
        // one whole product instead of both being split in halves that pack the same operands twice.
        if ((long)batch * Inputs * Outputs >= Kernels.Gemm.ParallelThreshold && Environment.ProcessorCount >= 2)
        {
            Kernels.CoreTeam.For(2, part =>
            {
                if (part == 0) ParameterGradients(dOut, gemmThreads: 1);
                else InputGradient(dOut, dx, gemmThreads: 1);
            });
        }
        else
        {
            ParameterGradients(dOut, Environment.ProcessorCount);
            InputGradient(dOut, dx, Environment.ProcessorCount);
        }
        return dx.Reshape(_xShape!);
    }

    /// <summary>Sets W.Grad = dYᵀ·X [out, in] and b.Grad = Σ_batch dY [out] (overwrites) without computing dX.</summary>
    public void BackwardParameters(Tensor<T> dOut)
    {
        ValidateDOut(dOut);
        ParameterGradients(dOut, Environment.ProcessorCount);
    }

    private void ValidateDOut(Tensor<T> dOut)
    {
        var x = _x2d ?? throw new InvalidOperationException("Affine.Backward called before Forward.");
        if (dOut.Rank != 2 || dOut.Dim(0) != x.Dim(0) || dOut.Dim(1) != Outputs)
            throw new ArgumentException($"Affine.Backward: expected dOut of shape ({x.Dim(0)}, {Outputs}), got {dOut.ShapeString}.", nameof(dOut));
    }

    private void ParameterGradients(Tensor<T> dOut, int gemmThreads)
    {
        var x = _x2d!;
        var dW = W.GradTarget();
        Kernels.Gemm.Multiply<T>(dOut.Span, x.Span, dW.Span, Outputs, Inputs, x.Dim(0), true, false, Kernels.Gemm.Path.Auto, gemmThreads);   // dYᵀ·X, [out, in]
        W.Grad = dW;
        var db = B.GradTarget();
        Kernels.RowVector.SumRows<T>(dOut.Span, x.Dim(0), Outputs, db.Span);                            // Σ over the batch, [out]
        B.Grad = db;
    }

    private void InputGradient(Tensor<T> dOut, Tensor<T> dx, int gemmThreads) =>
        Kernels.Gemm.Multiply<T>(dOut.Span, W.Value.Span, dx.Span, dOut.Dim(0), Inputs, Outputs, false, false, Kernels.Gemm.Path.Auto, gemmThreads);   // dY·W, [batch, in]
}
