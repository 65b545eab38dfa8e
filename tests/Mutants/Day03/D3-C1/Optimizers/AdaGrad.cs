namespace Course.Day03;

/// <summary>Stand-in: every optimiser replaced by plain SGD (the hyper-parameters are accepted and ignored).</summary>
public sealed class AdaGrad : IOptimizer
{
    public AdaGrad(double learningRate, double epsilon = 1e-7) => LearningRate = learningRate;

    public double LearningRate { get; set; }

    // BUG (D3-C1): plain SGD, θ ← θ − η·g, whatever the method's update table says.
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            Span<double> theta = p.Value.Span;
            ReadOnlySpan<double> g = p.Grad.Span;
            for (int i = 0; i < theta.Length; i++)
                theta[i] -= LearningRate * g[i];
        }
    }
}
