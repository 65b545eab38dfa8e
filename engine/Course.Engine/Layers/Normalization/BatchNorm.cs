namespace Course.Engine.Layers;

/// <summary>Batch normalisation over the batch (and spatial) axes, per feature / channel.</summary>
/// <remarks>
/// Input (N, D) — statistics per feature over N — or (N, C, H, W) — per channel over N·H·W; the output has the input's shape.
/// Training: x̂ = (x − μ_B)/√(σ²_B + ε) with the biased σ²_B (÷m), y = γ·x̂ + β, and
/// running = momentum·running + (1 − momentum)·batch for the mean and the biased variance (the book's convention;
/// PyTorch stores the unbiased variance and names 1 − momentum "momentum").
/// Inference (<c>training: false</c>): normalises with the running statistics, so a batch of one works.
/// Parameters "gamma" (init 1) and "beta" (init 0), each (D) or (C). Forward caches x̂ and 1/√(σ² + ε) per feature.
/// </remarks>
public sealed class BatchNorm<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _xHat;
    private T[] _invStd = [];
    private bool _trained;

    public BatchNorm(int features, double momentum = 0.9, double epsilon = 1e-5)
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), $"BatchNorm: features must be positive, got {features}.");
        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
        Gamma = new Parameter<T>("gamma", Tensor<T>.Ones(features));
        Beta = new Parameter<T>("beta", Tensor<T>.Zeros(features));
        RunningMean = Tensor<T>.Zeros(features);
        RunningVar = Tensor<T>.Ones(features);
        _parameters = [Gamma, Beta];
    }

    public int Features { get; }
    public double Momentum { get; }
    public double Epsilon { get; }
    public Parameter<T> Gamma { get; }
    public Parameter<T> Beta { get; }

    /// <summary>Running mean (D), updated in place by every training Forward.</summary>
    public Tensor<T> RunningMean { get; }

    /// <summary>Running biased variance (D), starts at 1, updated in place by every training Forward.</summary>
    public Tensor<T> RunningVar { get; }

    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        var (n, inner) = Layout(x);
        int d = Features, m = n * inner;
        var xs = x.Span;
        var mean = new T[d];
        var invStd = new T[d];
        T eps = T.CreateChecked(Epsilon);
        if (training)
        {
            if (m < 2) throw new ArgumentException($"BatchNorm: training needs at least 2 values per feature, got input {x.ShapeString}.");
            var variance = new T[d];
            for (int b = 0; b < n; b++)
            for (int c = 0; c < d; c++)
            {
                var seg = xs.Slice((b * d + c) * inner, inner);
                for (int p = 0; p < inner; p++) mean[c] += seg[p];
            }
            T invM = T.One / T.CreateChecked(m);
            for (int c = 0; c < d; c++) mean[c] *= invM;
            for (int b = 0; b < n; b++)
            for (int c = 0; c < d; c++)
            {
                var seg = xs.Slice((b * d + c) * inner, inner);
                for (int p = 0; p < inner; p++) { T z = seg[p] - mean[c]; variance[c] += z * z; }
            }
            T mom = T.CreateChecked(Momentum), rest = T.One - mom;
            var rm = RunningMean.Span;
            var rv = RunningVar.Span;
            for (int c = 0; c < d; c++)
            {
                variance[c] *= invM;
                invStd[c] = T.One / T.Sqrt(variance[c] + eps);
                rm[c] = mom * rm[c] + rest * mean[c];
                rv[c] = mom * rv[c] + rest * variance[c];
            }
        }
        else
        {
            for (int c = 0; c < d; c++)
            {
                mean[c] = RunningMean.Span[c];
                invStd[c] = T.One / T.Sqrt(RunningVar.Span[c] + eps);
            }
        }

        var xHat = Tensor<T>.Zeros(x.ShapeArray);
        var y = Tensor<T>.Zeros(x.ShapeArray);
        var hs = xHat.Span;
        var ys = y.Span;
        var gamma = Gamma.Value.Span;
        var beta = Beta.Value.Span;
        for (int b = 0; b < n; b++)
        for (int c = 0; c < d; c++)
        {
            int o = (b * d + c) * inner;
            for (int p = o; p < o + inner; p++)
            {
                hs[p] = (xs[p] - mean[c]) * invStd[c];
                ys[p] = gamma[c] * hs[p] + beta[c];
            }
        }
        _xHat = xHat;
        _invStd = invStd;
        _trained = training;
        return y;
    }

    /// <summary>dY (input shape) → dX; overwrites gamma.Grad = Σ dY·x̂ and beta.Grad = Σ dY.</summary>
    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var xHat = _xHat ?? throw new InvalidOperationException("BatchNorm.Backward called before Forward.");
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"BatchNorm.Backward: expected dOut of shape {xHat.ShapeString}, got {dOut.ShapeString}.");
        int d = Features, n = xHat.Dim(0), inner = xHat.Length / (n * d), m = n * inner;
        var dy = dOut.Span;
        var hs = xHat.Span;
        var dGamma = new T[d];
        var dBeta = new T[d];
        for (int b = 0; b < n; b++)
        for (int c = 0; c < d; c++)
        {
            int o = (b * d + c) * inner;
            for (int p = o; p < o + inner; p++) { dBeta[c] += dy[p]; dGamma[c] += dy[p] * hs[p]; }
        }
        var gamma = Gamma.Value.Span;
        var dx = Tensor<T>.Zeros(xHat.ShapeArray);
        var dxs = dx.Span;
        T mT = T.CreateChecked(m);
        for (int b = 0; b < n; b++)
        for (int c = 0; c < d; c++)
        {
            int o = (b * d + c) * inner;
            T k = gamma[c] * _invStd[c];
            if (_trained)
            {
                // dx = γ/(m·σ) · (m·dy − Σdy − x̂·Σ(dy·x̂))  — the three paths through x̂, μ and σ².
                T scale = k / mT;
                for (int p = o; p < o + inner; p++) dxs[p] = scale * (mT * dy[p] - dBeta[c] - hs[p] * dGamma[c]);
            }
            else
            {
                for (int p = o; p < o + inner; p++) dxs[p] = k * dy[p];    // running statistics are constants
            }
        }
        Gamma.Grad = Tensor<T>.From(dGamma, d);
        Beta.Grad = Tensor<T>.From(dBeta, d);
        return dx;
    }

    private (int N, int Inner) Layout(Tensor<T> x)
    {
        if ((x.Rank == 2 || x.Rank == 4) && x.Dim(1) == Features)
            return (x.Dim(0), x.Rank == 2 ? 1 : x.Dim(2) * x.Dim(3));
        throw new ArgumentException($"BatchNorm: expected input of shape (N, {Features}) or (N, {Features}, H, W), got {x.ShapeString}.");
    }
}
