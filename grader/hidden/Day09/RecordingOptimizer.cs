namespace Course.Day09.Tests;

/// <summary>An optimizer that copies the gradients it is handed and optionally applies plain SGD.</summary>
internal sealed class RecordingOptimizer(double learningRate = 0.0) : IOptimizer
{
    public double LearningRate { get; set; } = learningRate;
    public List<double[][]> Grads { get; } = [];

    public void Step(IReadOnlyList<Parameter> parameters)
    {
        Grads.Add([.. parameters.Select(p => p.Grad.ToArray())]);
        foreach (var p in parameters)
        {
            var v = p.Value.Span;
            var g = p.Grad.Span;
            for (int i = 0; i < v.Length; i++) v[i] -= LearningRate * g[i];
        }
    }
}
