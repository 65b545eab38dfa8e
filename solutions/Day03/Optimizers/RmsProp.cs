namespace Course.Day03;

/// <summary>RMSProp: <c>h ← ρh + (1 − ρ)g²; θ ← θ − η·g / (√h + ε)</c>, elementwise, h = 0 at the start (lesson §3.4).</summary>
/// <remarks>
/// An exponential moving average instead of AdaGrad's ever-growing sum, so the effective rate does not decay to 0.
/// With h starting at 0 the first step is η·g / (√(1 − ρ)·|g|) = 10η for ρ = 0.99: the bias Adam corrects.
/// </remarks>
public sealed class RmsProp : IOptimizer
{
    private double Decay { get; }
    private double Epsilon { get; }
    private readonly Dictionary<Parameter, Tensor> _meanSquare = [];

    public RmsProp(double learningRate, double decay = 0.99, double epsilon = 1e-7)
    {
        LearningRate = learningRate;
        Decay = decay;
        Epsilon = epsilon;
    }

    /// <summary>η; may be changed between steps (schedules do).</summary>
    public double LearningRate { get; set; }

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            if (p.Grad.Length != p.Value.Length)
                throw new ArgumentException($"RmsProp.Step: parameter '{p.Name}' has value {p.Value.ShapeString} but gradient {p.Grad.ShapeString}.");
            if (!_meanSquare.TryGetValue(p, out var mean))
                _meanSquare[p] = mean = Tensor.ZerosLike(p.Value);

            Span<double> theta = p.Value.Span, h = mean.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
            {
                h[i] = Decay * h[i] + (1 - Decay) * g[i] * g[i];
                theta[i] -= LearningRate * g[i] / (Math.Sqrt(h[i]) + Epsilon);
            }
        }
    }
}
