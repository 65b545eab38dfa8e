namespace Course.Engine.Layers;

/// <summary>
/// The carried hidden state of a time-unrolled layer and the rule for where the next Forward starts:
/// from an explicitly set state (any mode, used once), from the last Forward's final state (stateful), or from zeros.
/// </summary>
internal sealed class RecurrentState<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _value;
    private bool _explicit;

    public RecurrentState(bool stateful) => Stateful = stateful;

    public bool Stateful { get; }

    /// <summary>The final state of the last Forward, or the state set for the next Forward.</summary>
    public Tensor<T>? Value
    {
        get => _value;
        set { _value = value; _explicit = value is not null; }
    }

    public void Reset() { _value = null; _explicit = false; }

    /// <summary>The (N, H) start state for a Forward with batch <paramref name="n"/>, as a fresh copy.</summary>
    public Tensor<T> Start(string layer, string name, int n, int h)
    {
        bool use = _value is not null && (Stateful || _explicit);
        _explicit = false;
        if (!use) return Tensor<T>.Zeros(n, h);
        if (_value!.Rank != 2 || _value.Dim(0) != n || _value.Dim(1) != h)
            throw new ArgumentException($"{layer}: carried {name} has shape {_value.ShapeString} but this batch needs ({n}, {h}); call ResetState() when the batch size changes.");
        return _value.Clone();
    }

    /// <summary>Records the final state after a Forward without marking it as explicitly set.</summary>
    public void Carry(Tensor<T> last) => _value = last;
}
