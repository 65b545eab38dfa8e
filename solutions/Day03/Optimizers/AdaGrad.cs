namespace Course.Day03;

/// <summary>AdaGrad: <c>h ← h + g²; θ ← θ − η·g / (√h + ε)</c>, elementwise, h = 0 at the start (lesson §3.4).</summary>
/// <remarks>ε sits outside the square root (the book's and PyTorch's form). One h per parameter, keyed by the Parameter.</remarks>
public sealed class AdaGrad : IOptimizer
{
    private double Epsilon { get; }
    private readonly Dictionary<Parameter, Tensor> _sumOfSquares = [];

    public AdaGrad(double learningRate, double epsilon = 1e-7)
    {
        LearningRate = learningRate;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            if (p.Grad.Length != p.Value.Length)
                throw new ArgumentException($"AdaGrad.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");
            if (!_sumOfSquares.TryGetValue(p, out var sum))
                _sumOfSquares[p] = sum = Tensor.ZerosLike(p.Value);

            Span<double> theta = p.Value.Span, h = sum.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                h[i] += g[i] * g[i];
                theta[i] -= LearningRate * g[i] / (Math.Sqrt(h[i]) + Epsilon);
            }
        }
    }
}
