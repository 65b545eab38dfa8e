namespace Course.Day01;

/// <summary>Exercise 1.3 — forward pass of the 2-3-2-2 network with matrices (lesson §1.3).</summary>
public static class ThreeLayerNet
{
    /// <summary>
    /// a1 = W1·x + b1, z1 = σ(a1); z2 = σ(W2·z1 + b2); y = W3·z2 + b3 (identity output).
    /// </summary>
    /// <param name="net">Weights, e.g. <see cref="SeedNetwork.FromSeed003"/>.</param>
    /// <param name="x">One input [2] or a batch [N, 2]; a batch is computed row by row as X·Wᵀ + b.</param>
    /// <returns>A1 [3] or [N, 3], Z1 like A1, Z2 [2] or [N, 2], Y like Z2.</returns>
    /// <exception cref="ArgumentException">x is not [2] or [N, 2].</exception>
    public static (Tensor A1, Tensor Z1, Tensor Z2, Tensor Y) Forward(SeedNetwork net, Tensor x) =>
        throw new NotImplementedException(
            "ThreeLayerNet.Forward: treat x [2] as a batch [1, 2] (throw ArgumentException for any other width); " +
            "a1 = Ops.MatMul(X, W1, transB: true) + B1, z1 = Activations.Sigmoid(a1), z2 = σ(z1·W2ᵀ + B2), y = z2·W3ᵀ + B3; " +
            "return (a1, z1, z2, y) — [N, 3], [N, 3], [N, 2], [N, 2], or 1-D when x was 1-D (lesson §1.3).");
}
