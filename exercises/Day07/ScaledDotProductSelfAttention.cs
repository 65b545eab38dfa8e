namespace Course.Day07;

/// <summary>Exercise 7.5 — single-head scaled dot-product self-attention (lesson §7.5).</summary>
/// <remarks>
/// X (N, T, dModel) → (N, T, dₖ). Wq, Wk, Wv (dₖ, dModel) drawn in that order, N(0, 1/dModel) (Xavier); parameters
/// "Wq", "Wk", "Wv". Q = X·Wqᵀ, K = X·Wkᵀ, V = X·Wvᵀ; A = softmax(Q·Kᵀ/√dₖ) over the keys, with keys after the query
/// hidden when <c>causal</c>; out = A·V. Backward overwrites the three gradients.
/// </remarks>
public sealed class ScaledDotProductSelfAttention : ILayer
{
    public ScaledDotProductSelfAttention(int dModel, int dK, Rng rng, bool causal = false) =>
        throw new NotImplementedException("ScaledDotProductSelfAttention: Wq、Wk、Wv の順に Xavier で引きます（lesson §7.5）。");

    public Parameter Wq => throw new NotImplementedException("ScaledDotProductSelfAttention.Wq（lesson §7.5）。");
    public Parameter Wk => throw new NotImplementedException("ScaledDotProductSelfAttention.Wk（lesson §7.5）。");
    public Parameter Wv => throw new NotImplementedException("ScaledDotProductSelfAttention.Wv（lesson §7.5）。");
    public bool Causal => throw new NotImplementedException("ScaledDotProductSelfAttention.Causal（lesson §7.5）。");
    public int DModel => throw new NotImplementedException("ScaledDotProductSelfAttention.DModel（lesson §7.5）。");
    public int DK => throw new NotImplementedException("ScaledDotProductSelfAttention.DK（lesson §7.5）。");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("ScaledDotProductSelfAttention.Parameters: Wq, Wk, Wv（lesson §7.5）。");

    /// <summary>Attention weights A (N, T, T) of the last Forward.</summary>
    public Tensor? Weights => throw new NotImplementedException("ScaledDotProductSelfAttention.Weights（lesson §7.5）。");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "ScaledDotProductSelfAttention.Forward: スコアを √dₖ で割ってから softmax。causal なら自分より後ろのキーを隠します（lesson §7.5）。");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "ScaledDotProductSelfAttention.Backward: A·V、softmax、QKᵀ/√dₖ の順に戻り、最後に三つの射影の勾配と dX を作ります（lesson §7.5）。");
}
