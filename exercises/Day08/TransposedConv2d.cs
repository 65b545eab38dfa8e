namespace Course.Day08;

/// <summary>Exercise 8.7 — transposed convolution: every input pixel stamps a weighted copy of the kernel onto the output (lesson §8.7).</summary>
/// <remarks>
/// x (N, Cin, H, W) → y (N, Cout, OH, OW) with OH = (H − 1)·stride − 2·pad + K (and OW likewise). W: (Cin, Cout, K, K),
/// b: (Cout) or none; parameters "W" and "b". Input pixel (i, j) adds x[n, ci, i, j]·W[ci, co, ki, kj] to output
/// (i·stride − pad + ki, j·stride − pad + kj) when that lies inside the output. This is the adjoint of Conv2d with the
/// same weights read as (FN = Cin, C = Cout, K, K): ⟨Conv(u), x⟩ = ⟨u, TConv(x)⟩ without bias. Forward caches x.
/// Backward: dx gathers dY through the same index map (a plain convolution of dY), dW pairs x with dY, db = Σ dY.
/// </remarks>
public sealed class TransposedConv2d : ILayer
{
    /// <summary>A layer on the given weights (Cin, Cout, K, K) and bias (Cout) or null — the tensors are used, not copied.</summary>
    public TransposedConv2d(Tensor w, Tensor? b, int stride, int pad) =>
        throw new NotImplementedException("TransposedConv2d: check the shapes and wrap the tensors as the parameters W and b (lesson §8.7).");

    public Parameter W => throw new NotImplementedException("TransposedConv2d.W (lesson §8.7).");

    /// <summary>Bias (Cout), or null for a layer without bias (before BatchNorm).</summary>
    public Parameter? B => throw new NotImplementedException("TransposedConv2d.B (lesson §8.7).");
    public int Stride => throw new NotImplementedException("TransposedConv2d.Stride (lesson §8.7).");
    public int Pad => throw new NotImplementedException("TransposedConv2d.Pad (lesson §8.7).");
    public int InChannels => throw new NotImplementedException("TransposedConv2d.InChannels: W's first axis (lesson §8.7).");
    public int OutChannels => throw new NotImplementedException("TransposedConv2d.OutChannels: W's second axis (lesson §8.7).");
    public int Kernel => throw new NotImplementedException("TransposedConv2d.Kernel (lesson §8.7).");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("TransposedConv2d.Parameters: W, then b if there is one (lesson §8.7).");

    /// <summary>(input − 1)·stride − 2·pad + K.</summary>
    public int OutputSize(int input) =>
        throw new NotImplementedException("TransposedConv2d.OutputSize: invert the convolution's size formula — stride multiplies, padding crops (lesson §8.7).");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "TransposedConv2d.Forward: scatter — each input pixel adds its value times the kernel into the output at stride-spaced positions, shifted by the padding (lesson §8.7).");

    /// <summary>dY (N, Cout, OH, OW) → dx (N, Cin, H, W); overwrites W.Grad and b.Grad.</summary>
    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "TransposedConv2d.Backward: walk the same index map backwards — gather dY for dx, pair x with dY for dW (lesson §8.7).");
}
