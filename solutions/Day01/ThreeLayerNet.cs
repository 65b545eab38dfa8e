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
    public static (Tensor A1, Tensor Z1, Tensor Z2, Tensor Y) Forward(SeedNetwork net, Tensor x)
    {
        int inputs = net.W1.Dim(1);
        bool single = x.Rank == 1;
        if (x.Rank is not (1 or 2) || x.Dim(-1) != inputs)
            throw new ArgumentException($"ThreeLayerNet.Forward: x must be ({inputs}) or (N, {inputs}), got {x.ShapeString}.", nameof(x));

        // A single vector is a batch of one: the same code serves both, and the batch axis is dropped at the end.
        var batch = single ? x.Reshape(1, inputs) : x;
        var a1 = Ops.MatMul(batch, net.W1, transB: true) + net.B1;   // [N, 3]
        var z1 = Activations.Sigmoid(a1);
        var a2 = Ops.MatMul(z1, net.W2, transB: true) + net.B2;      // [N, 2]
        var z2 = Activations.Sigmoid(a2);
        var y = Ops.MatMul(z2, net.W3, transB: true) + net.B3;       // [N, 2], identity output

        return single
            ? (a1.Reshape(-1), z1.Reshape(-1), z2.Reshape(-1), y.Reshape(-1))
            : (a1, z1, z2, y);
    }
}
