namespace Course.Day06;

/// <summary>Exercise 6.4 — one step of a vanilla RNN, hₜ = tanh(xₜ·Wxᵀ + hₜ₋₁·Whᵀ + b) (lesson §6.4).</summary>
/// <remarks>
/// x: (N, D), hₜ₋₁: (N, H). Wx: (H, D) drawn as <c>rng.Normal(√(1/D), H, D)</c>, then Wh: (H, H) as
/// <c>rng.Normal(√(1/H), H, H)</c> (Xavier), b: (H) zeros; parameters "Wx", "Wh", "b". Forward caches x, hₜ₋₁ and hₜ.
/// Backward ADDS to the parameter gradients instead of overwriting them: a time loop calls it once per step and
/// the sum over steps is the gradient of the shared weights; <see cref="ZeroGrad"/> starts a new sum.
/// </remarks>
public sealed class RnnCell
{
    public RnnCell(int inputDim, int hiddenDim, Rng rng) =>
        throw new NotImplementedException("RnnCell: draw Wx, then Wh, with the Xavier standard deviations; b starts at zero (lesson §6.4).");

    /// <summary>A cell on the given weights Wx (H, D), Wh (H, H), b (H) — the tensors are used, not copied.</summary>
    public RnnCell(Tensor wx, Tensor wh, Tensor b) =>
        throw new NotImplementedException("RnnCell: wrap the given tensors as the parameters Wx, Wh, b after checking their shapes (lesson §6.4).");

    public Parameter Wx => throw new NotImplementedException("RnnCell.Wx (lesson §6.4).");
    public Parameter Wh => throw new NotImplementedException("RnnCell.Wh (lesson §6.4).");
    public Parameter B => throw new NotImplementedException("RnnCell.B (lesson §6.4).");
    public int InputDim => throw new NotImplementedException("RnnCell.InputDim: D (lesson §6.4).");
    public int HiddenDim => throw new NotImplementedException("RnnCell.HiddenDim: H (lesson §6.4).");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("RnnCell.Parameters: Wx, Wh, b (lesson §6.4).");

    /// <summary>Sets every parameter gradient to zeros of its value's shape.</summary>
    public void ZeroGrad() => throw new NotImplementedException("RnnCell.ZeroGrad (lesson §6.4).");

    public Tensor Forward(Tensor x, Tensor hPrev) =>
        throw new NotImplementedException("RnnCell.Forward: the affine maps of x and hPrev, plus b, through tanh; keep what Backward needs (lesson §6.4).");

    /// <summary>dhₜ (N, H) → (dx = da·Wx, dhₜ₋₁ = da·Wh) with da = dhₜ ⊙ (1 − hₜ²); adds da ᵀ·x, daᵀ·hₜ₋₁ and Σ da to the gradients.</summary>
    public (Tensor DX, Tensor DHPrev) Backward(Tensor dH) =>
        throw new NotImplementedException(
            "RnnCell.Backward: go back through tanh first; the recurrent weight's gradient pairs that with the state the step READ, not the one it wrote (lesson §6.4).");
}
