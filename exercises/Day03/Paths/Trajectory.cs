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
    public static IReadOnlyList<(double X, double Y)> Run(IOptimizer optimizer, (double X, double Y) start, int steps) =>
        throw new NotImplementedException(
            "Trajectory.Run: put (x, y) in one Parameter of shape [2]; repeat `steps` times: set its Grad to (x/10, 2y) at the " +
            "current point, call optimizer.Step, record the new point. Return steps + 1 points, the start first (lesson §3.6).");
}
