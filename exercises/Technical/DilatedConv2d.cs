namespace Cert.Technical;

/// <summary>T3: dilated convolution, stride 1 — kernel taps <c>dilation</c> pixels apart.</summary>
/// <remarks>x (N, C, H, W), W (FN, C, KH, KW), b (FN) → (N, FN, OH, OW) with zero padding <c>pad</c>. Backward overwrites
/// W.Grad and B.Grad and returns dX. Plain loops are fine: the sizes are small.</remarks>
public sealed class DilatedConv2d(Tensor w, Tensor b, int dilation, int pad) : ILayer
{
    public Parameter W { get; } = new("W", w);
    public Parameter B { get; } = new("b", b);
    public int Dilation { get; } = dilation;
    public int Pad { get; } = pad;
    public IReadOnlyList<Parameter> Parameters => [W, B];

    public int OutputSize(int size, int k) =>
        throw new NotImplementedException("DilatedConv2d.OutputSize: a kernel of k taps spaced d apart covers (k − 1)·d + 1 pixels; with stride 1 the output is size + 2·pad − that + 1.");

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException("DilatedConv2d.Forward: y[n,f,r,q] = b[f] + Σ W[f,c,u,v]·x[n,c, r − pad + u·d, q − pad + v·d] (zero outside); check x's channel count.");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException("DilatedConv2d.Backward: run the same loops and accumulate dW, dB and dX from each dOut element; overwrite W.Grad and B.Grad.");
}
