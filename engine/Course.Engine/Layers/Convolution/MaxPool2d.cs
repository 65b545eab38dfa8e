using Course.Engine.Kernels;

namespace Course.Engine.Layers;

/// <summary>Max pooling per channel over PH×PW windows.</summary>
/// <remarks>
/// x: (N, C, H, W) → (N, C, OH, OW), OH = (H + 2·pad − PH)/stride + 1. No parameters. Padded positions never win
/// (they count as −∞). Forward caches, for every output, the flat input index of its maximum — the first maximum in
/// row-major window order on ties — and Backward routes each dOut entry to exactly that pixel (overlapping windows add).
/// Inside a <see cref="Workspace"/>, y and dX are written into the tensors of the previous step.
/// </remarks>
public sealed class MaxPool2d<T> : Pool2d<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _argMax;    // the cache, reused across calls
    private ConvGeometry _geometry;

    /// <summary>Square windows <paramref name="pool"/>×<paramref name="pool"/>.</summary>
    public MaxPool2d(int pool, int stride, int pad = 0) : this(pool, pool, stride, pad) { }

    public MaxPool2d(int poolHeight, int poolWidth, int stride, int pad = 0) : base("MaxPool2d", poolHeight, poolWidth, stride, pad) { }

    /// <summary>Flat input index of the maximum for each output element of the last Forward, (N·C·OH·OW).</summary>
    public ReadOnlySpan<int> ArgMax => _argMax;

    public override Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var g = Geometry(x);
        var y = Workspace.Output<T>(this, g.N, g.C, g.OH, g.OW);
        var arg = ScratchBuffer.Exact(ref _argMax, y.Length);
        MaxPool.Forward<T>(x.Span, y.Span, arg, g);   // y = max over each window, arg = where it was
        _geometry = g;
        return y;
    }

    public override Tensor<T> Backward(Tensor<T> dOut)
    {
        var arg = _argMax ?? throw new InvalidOperationException("MaxPool2d.Backward called before Forward.");
        if (dOut.Length != arg.Length)
            throw new ArgumentException($"MaxPool2d.Backward: dOut has shape {dOut.ShapeString}, but the last Forward produced {arg.Length} outputs.");
        var g = _geometry;
        var dx = Workspace.InputGradient<T>(this, g.N, g.C, g.H, g.W);
        MaxPool.Backward<T>(dOut.Span, arg, dx.Span, g);   // dX[arg] = dOut, 0 elsewhere
        return dx;
    }
}
