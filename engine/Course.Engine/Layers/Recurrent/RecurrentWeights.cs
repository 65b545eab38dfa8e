namespace Course.Engine.Layers;

/// <summary>
/// The parameters of a recurrent cell or time-unrolled layer with G gate blocks (RNN 1, GRU 3, LSTM 4):
/// Wx (G·H, D), Wh (G·H, H) and one bias "b" (G·H), or two, "bx" and "bh" (the GRU's, as PyTorch's bias_ih and
/// bias_hh). Every one of those layers validates, initialises and zeroes them the same way, here.
/// </summary>
internal sealed class RecurrentWeights<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Checks the shapes (the message names <paramref name="layer"/>) and wraps the tensors, used as-is, in parameters.</summary>
    public RecurrentWeights(string layer, int gates, Tensor<T> wx, Tensor<T> wh, Tensor<T> b, Tensor<T>? bh = null)
    {
        int h = wh.Rank == 2 ? wh.Dim(1) : -1, gh = gates * h;
        if (h < 1 || wh.Dim(0) != gh || wx.Rank != 2 || wx.Dim(0) != gh || !IsBias(b, gh) || (bh is not null && !IsBias(bh, gh)))
        {
            string g = gates == 1 ? "H" : $"{gates}H";
            string biases = bh is null ? $"b ({g})" : $"bx ({g}), bh ({g})";
            string got = $"{wx.ShapeString}, {wh.ShapeString}, {b.ShapeString}" + (bh is null ? "" : $", {bh.ShapeString}");
            throw new ArgumentException($"{layer}: expected Wx ({g}, D), Wh ({g}, H), {biases}; got {got}.");
        }
        Layer = layer;
        Wx = new Parameter<T>("Wx", wx);
        Wh = new Parameter<T>("Wh", wh);
        B = new Parameter<T>(bh is null ? "b" : "bx", b);
        Bh = bh is null ? null : new Parameter<T>("bh", bh);
        Parameters = Bh is null ? [Wx, Wh, B] : [Wx, Wh, B, Bh];
    }

    /// <summary>The owning layer's name, for error messages ("TimeLstm", "GruCell", …).</summary>
    public string Layer { get; }

    public Parameter<T> Wx { get; }
    public Parameter<T> Wh { get; }

    /// <summary>"b", or the GRU's "bx".</summary>
    public Parameter<T> B { get; }

    /// <summary>The GRU's "bh"; null for one-bias layers.</summary>
    public Parameter<T>? Bh { get; }

    public Parameter<T>[] Parameters { get; }
    public int InputDim => Wx.Value.Dim(1);
    public int HiddenDim => Wh.Value.Dim(1);

    /// <summary>Xavier-style Wx (G·H, D), N(0, 1/D). Drawn before <see cref="HiddenWeights"/> from the same generator.</summary>
    public static Tensor<T> InputWeights(int gates, int inputDim, int hiddenDim, Rng rng) =>
        Init.Weights<T>(WeightInit.Xavier, inputDim, rng, 0.01, gates * hiddenDim, inputDim);

    /// <summary>Xavier-style Wh (G·H, H), N(0, 1/H).</summary>
    public static Tensor<T> HiddenWeights(int gates, int hiddenDim, Rng rng) =>
        Init.Weights<T>(WeightInit.Xavier, hiddenDim, rng, 0.01, gates * hiddenDim, hiddenDim);

    /// <summary>An LSTM bias (4H): zero but for the forget block, set to <paramref name="forgetBias"/>.</summary>
    public static Tensor<T> LstmBias(int hiddenDim, double forgetBias)
    {
        var b = Tensor<T>.Zeros(4 * hiddenDim);
        b.Span.Slice(hiddenDim, hiddenDim).Fill(T.CreateChecked(forgetBias));
        return b;
    }

    /// <summary>Sets every gradient to zero (the cells add to them once per step; a sequence starts here).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.Grad = Tensor<T>.ZerosLike(p.Value);
    }

    private static bool IsBias(Tensor<T> b, int length) => b.Rank == 1 && b.Dim(0) == length;
}
