namespace Course.Engine.Layers;

/// <summary>Fully connected layer: <c>Y = X·Wᵀ + b</c> (seed 003's W·x orientation, as in PyTorch).</summary>
/// <remarks>
/// X: [batch, in] → Y: [batch, out]; W: [out, in]; b: [out]. An input of higher rank such as [batch, C, H, W]
/// is flattened to [batch, C·H·W] and dX comes back in the input's shape. Forward caches X (a reference, not a copy).
/// Backward overwrites W.Grad = dYᵀ·X and b.Grad = Σ_batch dY and returns dX = dY·W (<see cref="Kernels.Dense"/>: no
/// transposed copy is ever made). <see cref="BackwardParameters"/> sets the same gradients without the dX product (for
/// the first layer of a network). Inside a <see cref="Workspace"/>, Y, dX and the gradients are written into the
/// tensors of the previous step.
/// </remarks>
public sealed class Affine<T> : IParameterBackward<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _x2d;
    private int[]? _xShape;

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

    /// <summary>x: [batch, in] or [batch, …] with the trailing axes multiplying to <c>in</c> → [batch, out].</summary>
    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank < 2 || Shapes.Product(x.Shape[1..]) != Inputs)
            throw new ArgumentException($"Affine: expected input of shape (N, {Inputs}) or (N, …) with {Inputs} features per row, got {x.ShapeString}.", nameof(x));
        _x2d = x.Rank == 2 ? x : x.Reshape(x.Dim(0), Inputs);
        _xShape = x.ShapeArray;
        var y = Workspace.Output<T>(this, x.Dim(0), Outputs);
        Kernels.Dense.Forward<T>(_x2d.Span, W.Value.Span, B.Value.Span, y.Span, x.Dim(0), Inputs, Outputs);   // X·Wᵀ + b
        return y;
    }

    /// <returns>dL/dX in the input's shape; sets W.Grad = dYᵀ·X [out, in] and b.Grad = Σ_batch dY [out] (overwrites).</returns>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var x = CachedInput(dOut);
        var dW = Workspace.Gradient(W);
        var db = Workspace.Gradient(B);
        var dX = Workspace.InputGradient<T>(this, x.Dim(0), Inputs);
        Kernels.Dense.Backward(dOut, x, W.Value, dW, db, dX);   // dW = dYᵀ·X, db = Σ_batch dY, dX = dY·W
        W.Grad = dW;
        B.Grad = db;
        return dX.Reshape(_xShape!);
    }

    /// <summary>Sets W.Grad = dYᵀ·X [out, in] and b.Grad = Σ_batch dY [out] (overwrites) without computing dX.</summary>
    public void BackwardParameters(Tensor<T> dOut)
    {
        var x = CachedInput(dOut);
        var dW = Workspace.Gradient(W);
        var db = Workspace.Gradient(B);
        Kernels.Dense.WeightGradient(dOut, x, dW, db);   // dW = dYᵀ·X, db = Σ_batch dY
        W.Grad = dW;
        B.Grad = db;
    }

    /// <summary>The cached X [batch, in], after checking that dOut is [batch, out].</summary>
    private Tensor<T> CachedInput(Tensor<T> dOut)
    {
        var x = _x2d ?? throw new InvalidOperationException("Affine.Backward called before Forward.");
        if (dOut.Rank != 2 || dOut.Dim(0) != x.Dim(0) || dOut.Dim(1) != Outputs)
            throw new ArgumentException($"Affine.Backward: expected dOut of shape ({x.Dim(0)}, {Outputs}), got {dOut.ShapeString}.", nameof(dOut));
        return x;
    }
}
