namespace Course.Engine.Layers;

/// <summary>Layer normalisation over the last axis (Transformer style): each row of D features is normalised on its own.</summary>
/// <remarks>
/// Input (…, D), e.g. (N, D) or (N, T, D); output the same shape. y = γ·(x − μ_row)/√(σ²_row + ε) + β with the biased
/// variance; identical in training and inference. Parameters "gamma" (D, init 1), "beta" (D, init 0).
/// Forward caches x̂ and 1/√(σ² + ε) per row.
/// </remarks>
public sealed class LayerNorm<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _xHat;
    private T[] _invStd = [];

    public LayerNorm(int features, double epsilon = 1e-5)
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), $"LayerNorm: features must be positive, got {features}.");
        Features = features;
        Epsilon = epsilon;
        Gamma = new Parameter<T>("gamma", Tensor<T>.Ones(features));
        Beta = new Parameter<T>("beta", Tensor<T>.Zeros(features));
        _parameters = [Gamma, Beta];
    }

    public int Features { get; }
    public double Epsilon { get; }
    public Parameter<T> Gamma { get; }
    public Parameter<T> Beta { get; }
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    public Tensor<T> Forward(Tensor<T> x, bool training = true)
    {
        if (x.Rank < 1 || x.Dim(-1) != Features)
            throw new ArgumentException($"LayerNorm: expected input of shape (…, {Features}), got {x.ShapeString}.");
        int d = Features, rows = x.Length / d;
        var xHat = Tensor<T>.Zeros(x.ShapeArray);
        var y = Tensor<T>.Zeros(x.ShapeArray);
        var invStd = new T[rows];
        var xs = x.Span;
        var hs = xHat.Span;
        var ys = y.Span;
        var gamma = Gamma.Value.Span;
        var beta = Beta.Value.Span;
        T dT = T.CreateChecked(d), eps = T.CreateChecked(Epsilon);
        for (int r = 0; r < rows; r++)
        {
            var row = xs.Slice(r * d, d);
            T mean = T.Zero;
            for (int j = 0; j < d; j++) mean += row[j];
            mean /= dT;
            T variance = T.Zero;
            for (int j = 0; j < d; j++) { T z = row[j] - mean; variance += z * z; }
            invStd[r] = T.One / T.Sqrt(variance / dT + eps);
            for (int j = 0; j < d; j++)
            {
                int i = r * d + j;
                hs[i] = (row[j] - mean) * invStd[r];
                ys[i] = gamma[j] * hs[i] + beta[j];
            }
        }
        _xHat = xHat;
        _invStd = invStd;
        return y;
    }

    public Tensor<T> Backward(Tensor<T> dOut)
    {
        var xHat = _xHat ?? throw new InvalidOperationException("LayerNorm.Backward called before Forward.");
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"LayerNorm.Backward: expected dOut of shape {xHat.ShapeString}, got {dOut.ShapeString}.");
        int d = Features, rows = xHat.Length / d;
        var dy = dOut.Span;
        var hs = xHat.Span;
        var gamma = Gamma.Value.Span;
        var dGamma = new T[d];
        var dBeta = new T[d];
        var dx = Tensor<T>.Zeros(xHat.ShapeArray);
        var dxs = dx.Span;
        T dT = T.CreateChecked(d);
        for (int r = 0; r < rows; r++)
        {
            T sum = T.Zero, dot = T.Zero;
            for (int j = 0; j < d; j++)
            {
                int i = r * d + j;
                dBeta[j] += dy[i];
                dGamma[j] += dy[i] * hs[i];
                T g = dy[i] * gamma[j];     // dL/dx̂
                sum += g;
                dot += g * hs[i];
            }
            T scale = _invStd[r] / dT;
            for (int j = 0; j < d; j++)
            {
                int i = r * d + j;
                dxs[i] = scale * (dT * dy[i] * gamma[j] - sum - hs[i] * dot);
            }
        }
        Gamma.Grad = Tensor<T>.From(dGamma, d);
        Beta.Grad = Tensor<T>.From(dBeta, d);
        return dx;
    }
}
