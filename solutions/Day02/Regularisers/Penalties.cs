namespace Course.Day02;

/// <summary>Parameter-norm penalties (lesson §2.3): L2 weight decay ½λΣW² and L1 λΣ|W|, with their gradient terms.</summary>
/// <remarks>
/// The penalty is added to the data loss, so its gradient is added to each weight's <see cref="Parameter{T}.Grad"/>
/// after Backward and before the optimiser step. Biases (and BatchNorm's γ/β) are usually not decayed:
/// pass <see cref="WeightsOnly"/>'s result.
/// </remarks>
public static class Penalties
{
    /// <summary>½ λ Σ W² over every element of every parameter.</summary>
    public static double L2(IEnumerable<Parameter> weights, double lambda)
    {
        double sum = 0.0;
        foreach (var p in weights)
            foreach (double w in p.Value.Span) sum += w * w;
        return 0.5 * lambda * sum;
    }

    /// <summary>Grad += λ W for every parameter (the derivative of ½λW²); Value is not touched.</summary>
    public static void AddL2Gradient(IEnumerable<Parameter> weights, double lambda)
    {
        foreach (var p in weights)
        {
            var g = p.Grad.Span;
            var w = (ReadOnlySpan<double>)p.Value.Span;
            RequireSameLength(p, g.Length, w.Length, "AddL2Gradient");
            for (int i = 0; i < g.Length; i++) g[i] += lambda * w[i];
        }
    }

    /// <summary>λ Σ |W| over every element of every parameter.</summary>
    public static double L1(IEnumerable<Parameter> weights, double lambda)
    {
        double sum = 0.0;
        foreach (var p in weights)
            foreach (double w in p.Value.Span) sum += Math.Abs(w);
        return lambda * sum;
    }

    /// <summary>Grad += λ sign(W), with sign(0) = 0 (the subgradient that leaves exact zeros alone).</summary>
    public static void AddL1Gradient(IEnumerable<Parameter> weights, double lambda)
    {
        foreach (var p in weights)
        {
            var g = p.Grad.Span;
            var w = (ReadOnlySpan<double>)p.Value.Span;
            RequireSameLength(p, g.Length, w.Length, "AddL1Gradient");
            for (int i = 0; i < g.Length; i++) g[i] += lambda * Math.Sign(w[i]);
        }
    }

    /// <summary>The parameters whose name starts with "W" (weights); biases "b" and BatchNorm's γ/β are left out.</summary>
    public static IEnumerable<Parameter> WeightsOnly(IEnumerable<Parameter> ps) =>
        ps.Where(p => p.Name.StartsWith('W')).ToList();

    private static void RequireSameLength(Parameter p, int grad, int value, string operation)
    {
        if (grad != value)
            throw new ArgumentException(
                $"Penalties.{operation}: parameter {p.Name} has Value {p.Value.ShapeString} but Grad {p.Grad.ShapeString}.");
    }
}
