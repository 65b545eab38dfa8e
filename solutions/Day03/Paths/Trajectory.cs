namespace Course.Day03;

/// <summary>Runs an optimiser on f(x, y) = x²/20 + y², the function of the book's figures 6-1…6-7 (lesson §3.6).</summary>
public static class Trajectory
{
    /// <summary>f(x, y) = x²/20 + y².</summary>
    public static double F(double x, double y) => x * x / 20 + y * y;

    /// <summary>
    /// steps + 1 points: the start and the point after each update. Before each update the gradient
    /// ∇f = (x/10, 2y) is taken at the current point and handed to <paramref name="optimizer"/> as the Grad of a
    /// single parameter of shape [2] holding (x, y).
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> Run(IOptimizer optimizer, (double X, double Y) start, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);

        var point = new Parameter("xy", Tensor.From([start.X, start.Y], 2));
        var path = new List<(double X, double Y)>(steps + 1) { start };
        for (int t = 0; t < steps; t++)
        {
            double x = point.Value[0], y = point.Value[1];
            point.Grad = Tensor.From([x / 10, 2 * y], 2);
            optimizer.Step([point]);
            path.Add((point.Value[0], point.Value[1]));
        }
        return path;
    }
}
