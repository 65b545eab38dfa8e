namespace Cert.Technical;

/// <summary>T4: multi-head self-attention on (N, T, dModel) with an optional causal mask.</summary>
/// <remarks>Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ split into heads of dModel/heads columns; per head A = softmax(Q_h K_hᵀ/√d_h)
/// (causal: position i sees j ≤ i only), O_h = A·V_h; concatenate the heads and Y = O·Woᵀ. Weights (dModel, dModel),
/// no biases. Backward overwrites the four gradients.</remarks>
public sealed class MultiHeadSelfAttention(int dModel, int heads, bool causal, Rng rng) : ILayer
{
    public int DModel { get; } = dModel;
    public int Heads { get; } = heads;
    public bool Causal { get; } = causal;
    public Parameter Wq { get; } = new("Wq", rng.Fork("Wq").Normal(Math.Sqrt(1.0 / dModel), dModel, dModel));
    public Parameter Wk { get; } = new("Wk", rng.Fork("Wk").Normal(Math.Sqrt(1.0 / dModel), dModel, dModel));
    public Parameter Wv { get; } = new("Wv", rng.Fork("Wv").Normal(Math.Sqrt(1.0 / dModel), dModel, dModel));
    public Parameter Wo { get; } = new("Wo", rng.Fork("Wo").Normal(Math.Sqrt(1.0 / dModel), dModel, dModel));
    public IReadOnlyList<Parameter> Parameters => [Wq, Wk, Wv, Wo];

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("MultiHeadSelfAttention.Forward: project, split heads, scaled scores, mask j > i when causal, softmax per row, weight V, concatenate, project with Wo.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("MultiHeadSelfAttention.Backward: back through Wo, then per head through A·V and the softmax (dS = A ⊙ (dA − Σ A⊙dA)), then the three projections.");
}
