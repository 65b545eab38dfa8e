namespace Cert.Technical;

/// <summary>T3: 1-D convolution over (N, C, L) with W (F, C, K), b (F).</summary>
/// <remarks>Zero padding <c>pad</c> on both ends, step <c>stride</c>. Backward overwrites W.Grad and B.Grad and returns dX.</remarks>
public sealed class Conv1d(Tensor w, Tensor b, int stride, int pad) : ILayer
{
    public Parameter W { get; } = new("W", w);
    public Parameter B { get; } = new("b", b);
    public int Stride { get; } = stride;
    public int Pad { get; } = pad;
    public IReadOnlyList<Parameter> Parameters => [W, B];

    public int OutputLength(int length) =>
        throw new NotImplementedException("Conv1d.OutputLength: (L + 2·pad − K) / stride + 1, rounded down.");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("Conv1d.Forward: y[n,f,t] = b[f] + Σ_c Σ_j W[f,c,j]·x[n,c, t·stride − pad + j] (zero outside); check x's shape.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("Conv1d.Backward: run the same loops and accumulate dW, dB and dX from each dOut element; overwrite W.Grad and B.Grad.");
}
