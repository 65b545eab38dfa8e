namespace Cert.Technical;

/// <summary>
/// T4 variant birnn: a forward TimeRnn over xs and a second TimeRnn over xs reversed in time; the second's outputs are
/// reversed back so that step t of both halves describes the same position, then concatenated: (N, T, D) → (N, T, 2H).
/// </summary>
/// <remarks>Uses the engine's TimeRnn (a Day-6 building block). Parameters: the forward RNN's, then the backward RNN's.</remarks>
public sealed class BiRnn : ILayer
{
    public BiRnn(int inputDim, int hidden, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ForwardRnn = new TimeRnn<double>(inputDim, hidden, rng.Fork("forward"));
        BackwardRnn = new TimeRnn<double>(inputDim, hidden, rng.Fork("backward"));
    }

    public TimeRnn<double> ForwardRnn { get; }
    public TimeRnn<double> BackwardRnn { get; }
    public int Hidden => ForwardRnn.HiddenDim;
    public IReadOnlyList<Parameter> Parameters => [.. ForwardRnn.Parameters, .. BackwardRnn.Parameters];

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 3 || x.Dim(2) != ForwardRnn.InputDim)
            throw new ArgumentException($"BiRnn: expected input of shape (N, T, {ForwardRnn.InputDim}), got {x.ShapeString}.");
        var hf = ForwardRnn.Forward(x, training);
        var hb = Reverse(BackwardRnn.Forward(Reverse(x), training));
        return Concat(hf, hb);
    }

    public Tensor Backward(Tensor dOut)
    {
        int h = Hidden;
        if (dOut.Rank != 3 || dOut.Dim(2) != 2 * h)
            throw new ArgumentException($"BiRnn.Backward: expected dOut of shape (N, T, {2 * h}), got {dOut.ShapeString}.");
        var dForward = dOut.Slice(2, 0, h).Clone();
        var dBackward = dOut.Slice(2, h, h).Clone();
        var dx = ForwardRnn.Backward(dForward);
        dx.AddInPlace(Reverse(BackwardRnn.Backward(Reverse(dBackward))));
        return dx;
    }

    /// <summary>xs with its time axis (axis 1) in reverse order.</summary>
    public static Tensor Reverse(Tensor xs)
    {
        int n = xs.Dim(0), t = xs.Dim(1), d = xs.Dim(2);
        var r = Tensor.Zeros(n, t, d);
        var s = xs.Span;
        var o = r.Span;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < t; k++)
                s.Slice((i * t + k) * d, d).CopyTo(o.Slice((i * t + (t - 1 - k)) * d, d));
        return r;
    }

    private static Tensor Concat(Tensor a, Tensor b)
    {
        int rows = a.Dim(0) * a.Dim(1), h = a.Dim(2);
        var y = Tensor.Zeros(a.Dim(0), a.Dim(1), 2 * h);
        var sa = a.Span;
        var sb = b.Span;
        var sy = y.Span;
        for (int r = 0; r < rows; r++)
        {
            sa.Slice(r * h, h).CopyTo(sy.Slice(r * 2 * h, h));
            sb.Slice(r * h, h).CopyTo(sy.Slice(r * 2 * h + h, h));
        }
        return y;
    }
}
