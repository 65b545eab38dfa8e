namespace Course.Engine.Layers;

/// <summary>A chain of layers: Forward runs them in order, Backward in reverse.</summary>
/// <remarks>
/// Shapes are whatever the layers make of them ([batch, in] → … → [batch, out]). Each layer caches its own inputs;
/// Sequential caches nothing. <see cref="Parameters"/> lists every layer's parameters in layer order.
/// <see cref="BackwardParameters"/> is the training-loop variant of <see cref="Backward"/> that skips the gradient with
/// respect to the network's input (the data), as PyTorch does for inputs that do not require grad.
/// Run inside a <see cref="Workspace"/>, the layers write into the tensors of the previous step.
/// </remarks>
public sealed class Sequential<T> : IParameterBackward<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ILayer<T>[] _layers;
    private readonly Parameter<T>[] _parameters;

    public Sequential(params ILayer<T>[] layers)
    {
        _layers = (ILayer<T>[])layers.Clone();
        var ps = new List<Parameter<T>>();
        foreach (var layer in _layers) ps.AddRange(layer.Parameters);
        _parameters = [.. ps];
    }

    /// <summary>The layers, in forward order.</summary>
    public IReadOnlyList<ILayer<T>> Layers => _layers;

    /// <summary>Every layer's parameters, in layer order (the same Parameter objects the layers hold).</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        foreach (var layer in _layers) x = layer.Forward(x, training);
        return x;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        for (int i = _layers.Length - 1; i >= 0; i--) dOut = _layers[i].Backward(dOut);
        return dOut;
    }

    /// <summary>
    /// Sets every parameter gradient exactly like <see cref="Backward"/>, without computing dL/dInput: layers before the
    /// first one with parameters are not run backward at all, and that first layer runs
    /// <see cref="IParameterBackward{T}.BackwardParameters"/> when it implements it (else its ordinary Backward).
    /// </summary>
    public void BackwardParameters(Tensor<T> dOut)
    {
        int first = 0;
        while (first < _layers.Length && _layers[first].Parameters.Count == 0) first++;
        if (first == _layers.Length) return;   // nothing trainable: no gradient to set
        for (int i = _layers.Length - 1; i > first; i--) dOut = _layers[i].Backward(dOut);
        if (_layers[first] is IParameterBackward<T> layer) layer.BackwardParameters(dOut);
        else _layers[first].Backward(dOut);
    }
}
