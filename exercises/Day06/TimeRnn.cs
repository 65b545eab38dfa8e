namespace Course.Day06;

/// <summary>Exercise 6.5 — a vanilla RNN unrolled over T steps with backpropagation through time inside each call (lesson §6.5).</summary>
/// <remarks>
/// xs: (N, T, D) → hs: (N, T, H). Weights as <see cref="RnnCell"/> (Wx then Wh drawn from rng, b zeros), shared by
/// every step; parameters "Wx", "Wh", "b". When <see cref="Stateful"/>, Forward starts from <see cref="State"/> (the
/// previous call's h_T) if there is one, else from zeros; otherwise it always starts from zeros. Either way State
/// holds h_T afterwards. Backward runs t = T−1 … 0, adding dh from step t+1 to dOut[:, t], and overwrites the
/// gradients with the sums over the steps. Nothing flows into the previous call (truncated BPTT).
/// </remarks>
public sealed class TimeRnn : ILayer
{
    public TimeRnn(int inputDim, int hiddenDim, Rng rng, bool stateful = false) =>
        throw new NotImplementedException("TimeRnn: one set of weights drawn like RnnCell's, shared by every time step (lesson §6.5).");

    public Parameter Wx => throw new NotImplementedException("TimeRnn.Wx (lesson §6.5).");
    public Parameter Wh => throw new NotImplementedException("TimeRnn.Wh (lesson §6.5).");
    public Parameter B => throw new NotImplementedException("TimeRnn.B (lesson §6.5).");
    public int InputDim => throw new NotImplementedException("TimeRnn.InputDim (lesson §6.5).");
    public int HiddenDim => throw new NotImplementedException("TimeRnn.HiddenDim (lesson §6.5).");
    public bool Stateful => throw new NotImplementedException("TimeRnn.Stateful (lesson §6.5).");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("TimeRnn.Parameters: Wx, Wh, b (lesson §6.5).");

    /// <summary>Hidden state (N, H): the last Forward's h_T; a stateful layer starts its next Forward from it.</summary>
    public Tensor? State
    {
        get => throw new NotImplementedException("TimeRnn.State (lesson §6.5).");
        set => throw new NotImplementedException("TimeRnn.State (lesson §6.5).");
    }

    /// <summary>Forgets the state: the next Forward starts from zeros.</summary>
    public void ResetState() => throw new NotImplementedException("TimeRnn.ResetState (lesson §6.5).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "TimeRnn.Forward: choose the start state (carried or zeros), then one cell step per time slice, keeping every step's cache; remember h_T (lesson §6.5).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "TimeRnn.Backward: walk the steps backwards; each step receives its own dOut slice PLUS the gradient coming back from the step after it; sum the weight gradients (lesson §6.5).");
}
