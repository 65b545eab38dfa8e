namespace Course.Engine.Layers;

/// <summary>
/// What every recurrent cell and time layer has: input weights Wx (G·H, D), hidden weights Wh (G·H, H), the bias(es)
/// and their gradients, for G gates (1 RNN, 3 GRU, 4 LSTM). The subclass names its biases (<c>B</c>, or the GRU's
/// <c>Bx</c>/<c>Bh</c>) and holds its own forward cache.
/// </summary>
public abstract class RecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected RecurrentLayer(RecurrentWeights<T> weights) => Weights = weights;

    private protected RecurrentWeights<T> Weights { get; }

    /// <summary>Input weights, (G·H, D).</summary>
    public Parameter<T> Wx => Weights.Wx;

    /// <summary>Hidden weights, (G·H, H).</summary>
    public Parameter<T> Wh => Weights.Wh;

    public int InputDim => Weights.InputDim;
    public int HiddenDim => Weights.HiddenDim;
    public IReadOnlyList<Parameter<T>> Parameters => Weights.Parameters;

    /// <summary>Sets every parameter gradient to zero (start of a sequence).</summary>
    public void ZeroGrad() => Weights.ZeroGrad();
}
