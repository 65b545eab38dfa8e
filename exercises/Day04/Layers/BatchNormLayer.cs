namespace Course.Day04;

/// <summary>Exercise 4.6 — batch normalisation for (N, D) and (N, C, H, W) inputs, with running statistics (lesson §4.7).</summary>
/// <remarks>
/// Feature axis 1: statistics of feature d run over the m = N (or N·H·W) values that share it.
/// Training: x̂ = (x − μ_B)/√(σ²_B + ε) with the biased σ²_B (÷ m), y = γ·x̂ + β, and
/// running = momentum·running + (1 − momentum)·batch for the mean and the biased variance.
/// Inference: x̂ uses RunningMean/RunningVar, so a batch of one works. Parameters "gamma" (1) and "beta" (0).
/// </remarks>
public sealed class BatchNormLayer : ILayer
{
    public BatchNormLayer(int features, double momentum = 0.9, double epsilon = 1e-5) =>
        throw new NotImplementedException(
            "BatchNormLayer(features, momentum, epsilon): create the parameters \"gamma\" (ones) and \"beta\" (zeros), a running mean of " +
            "zeros and a running variance of ones, one entry per feature; reject features < 1, momentum outside [0, 1], epsilon ≤ 0 (lesson §4.7).");

    public int Features { get; }
    public double Momentum { get; }
    public double Epsilon { get; }
    public Parameter Gamma { get; }
    public Parameter Beta { get; }

    /// <summary>Running mean (D), starts at 0, updated in place by every training Forward.</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running biased variance (D), starts at 1, updated in place by every training Forward.</summary>
    public Tensor RunningVar { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor x, bool training = true) =>
        throw new NotImplementedException(
            "BatchNormLayer.Forward: in training, take each feature's mean and biased variance over every value that shares it " +
            "(the batch, and for 4-D input also H and W), update the running averages with the momentum, normalise and apply γ, β; " +
            "at inference normalise with the running statistics instead. Cache what Backward needs (lesson §4.7).");

    public Tensor Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "BatchNormLayer.Backward: dβ and dγ are sums over the same values as the statistics; in training mode the mean and variance " +
            "also depend on x, which adds two correction terms to dx — derive them from the computation graph (lesson §4.7).");
}
