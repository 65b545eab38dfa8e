namespace Course.Day03;

/// <summary>
/// Adam: <c>m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − η·m̂ / (√v̂ + ε)</c>
/// (lesson §3.5).
/// </summary>
/// <remarks>
/// m and v start at 0 and are kept per parameter; t counts calls to <see cref="Step"/> (not parameters), starting at 1.
/// Bias correction makes the first step η·g/(|g| + ε) ≈ η·sign(g). Without it the zero start makes the steps larger,
/// not smaller: with a constant gradient the first step is 0.1/√0.001 ≈ 3.16η, the second ≈ 4.25η (peak ≈ 6.57η at t = 12).
/// </remarks>
public sealed class Adam : IOptimizer
{
    private double Beta1 { get; }
    private double Beta2 { get; }
    private double Epsilon { get; }
    private readonly Dictionary<Parameter, (Tensor M, Tensor V)> _moments = [];
    private int _t;

    public Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        _t++;
        double correction1 = 1 - Math.Pow(Beta1, _t);
        double correction2 = 1 - Math.Pow(Beta2, _t);

        foreach (var p in parameters)
        {
            if (p.Grad.Length != p.Value.Length)
                throw new ArgumentException($"Adam.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");
            if (!_moments.TryGetValue(p, out var moments))
                _moments[p] = moments = (Tensor.ZerosLike(p.Value), Tensor.ZerosLike(p.Value));

            Span<double> theta = p.Value.Span, m = moments.M.Span, v = moments.V.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                double mHat = m[i] / correction1;
                double vHat = v[i] / correction2;
                theta[i] -= LearningRate * mHat / (Math.Sqrt(vHat) + Epsilon);
            }
        }
    }
}
