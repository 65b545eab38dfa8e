namespace Course.Day07;

/// <summary>Exercise 7.5 — dot-product attention of one decoder state over the encoder states (lesson §7.5).</summary>
/// <remarks>
/// query (N, H), keys = values = encoder states (N, Tₑ, H), mask (N, Tₑ) with true = padding.
/// scores[n, t] = keys[n, t]·query[n]; masked scores are −∞ (weight exactly 0); weights = softmax over Tₑ;
/// context[n] = Σₜ weights[n, t]·keys[n, t]. A row whose keys are all masked throws.
/// </remarks>
public sealed class DotAttention
{
    /// <summary>Attention weights (N, Tₑ) of the last Forward.</summary>
    public Tensor? Weights => throw new NotImplementedException("DotAttention.Weights: 直前の Forward の重み（lesson §7.5）。");

    /// <summary>Returns the context (N, H) and the weights (N, Tₑ).</summary>
    public (Tensor Context, Tensor Weights) Forward(Tensor query, Tensor keys, bool[,]? mask = null) =>
        throw new NotImplementedException(
            "DotAttention.Forward: スコアは各時刻の状態と query の内積。softmax はエンコーダの時刻方向に取り、マスク位置は重み 0（lesson §7.5）。");

    /// <summary>dContext (N, H) → (dQuery (N, H), dKeys (N, Tₑ, H)); dKeys adds the value path and the score path.</summary>
    public (Tensor DQuery, Tensor DKeys) Backward(Tensor dContext) =>
        throw new NotImplementedException(
            "DotAttention.Backward: keys は値としてもスコアとしても使われるので、二つの経路の勾配を足します。softmax の逆伝播は w ⊙ (dw − Σ w dw)（lesson §7.5）。");
}
