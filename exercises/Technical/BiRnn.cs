namespace Cert.Technical;

/// <summary>T4: bidirectional RNN — (N, T, D) → (N, T, 2H): [forward RNN outputs, backward RNN outputs] per step.</summary>
/// <remarks>The backward RNN reads xs reversed in time. You may use the engine's TimeRnn. Parameters: the forward RNN's,
/// then the backward RNN's.</remarks>
public sealed class BiRnn(int inputDim, int hidden, Rng rng) : ILayer
{
    public TimeRnn<double> ForwardRnn { get; } = new(inputDim, hidden, rng.Fork("forward"));
    public TimeRnn<double> BackwardRnn { get; } = new(inputDim, hidden, rng.Fork("backward"));
    public int Hidden => ForwardRnn.HiddenDim;
    public IReadOnlyList<Parameter> Parameters => [.. ForwardRnn.Parameters, .. BackwardRnn.Parameters];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("BiRnn.Forward: ForwardRnn on xs; BackwardRnn on xs reversed in time, its outputs reversed back so step t means position t; concatenate along the last axis.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("BiRnn.Backward: split dOut into the two halves; the second half goes through the same reversals as in Forward; add the two dX.");

    public static Tensor Reverse(Tensor xs) =>
        throw new NotImplementedException("BiRnn.Reverse: a copy of (N, T, D) with step t moved to T − 1 − t.");
}
