// Kills: D3-M1 momentum sign error (Momentum row) · D3-M2 Adam without bias correction (Adam row) ·
//        D3-M3 ε inside the square root (AdaGrad row) · D3-M5 Nesterov as plain momentum or the book's form (Nesterov row)
namespace Course.Day03.Tests;

/// <summary>Exercise 3.3 (hidden): the pinned optimiser paths on f(x, y) = x²/20 + y² from (−7, 2), 30 updates.</summary>
[Trait("Exercise", "3.3")]
public class TrajectoryTests
{
    private static IOptimizer Create(string name) => name switch
    {
        "SGD" => new Sgd(0.95),
        "Momentum" => new Momentum(0.1),
        "Nesterov" => new Nesterov(0.1),
        "AdaGrad" => new AdaGrad(1.5),
        "RMSProp" => new RmsProp(0.1),
        "Adam" => new Adam(0.3),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // CURRICULUM Day 3, exercise 3.3 (the book's step sizes; measured in float64, reproduced by the C# reference to ≤ 1e-12).
    [Theory]
    [InlineData("SGD", -6.335, -1.8, -5.733175, 1.62, -0.350392995752, 0.084782316550, 1.3327e-2)]
    [InlineData("Momentum", -6.93, 1.6, -6.7977, 0.92, 0.896413858494, 0.088085601715, 4.7937e-2)]
    [InlineData("Nesterov", -6.867, 1.24, -6.679827, 0.4448, 0.689614901697, -0.000679905836, 2.3779e-2)]
    [InlineData("AdaGrad", -5.5000002143, 0.5000000375, -4.5732679682, 0.1361965831, -0.120162322314, 0.0, 7.2195e-4)]
    [InlineData("RMSProp", -6.0000014286, 1.0000002500, -5.3473267162, 0.5509870061, -0.697420309681, 1.48e-8, 2.4320e-2)]
    [InlineData("Adam", -6.7000000043, 1.7000000008, -6.4004143017, 1.4022453286, 0.136014617326, 0.318245388896, 1.0221e-1)]
    [Trait("Weight", "15")]
    public void Path_matches_the_pinned_table(string name, double x1, double y1, double x2, double y2, double x30, double y30, double fEnd)
    {
        var path = Trajectory.Run(Create(name), (-7, 2), 30);

        path.Should().HaveCount(31, "the start plus one point per update");
        string why = $"{name}: the path from (−7, 2) with the book's step size must match the table in lesson §3.6";
        path[1].X.Should().BeApproximately(x1, 1e-9, why + " (update 1, x)");
        path[1].Y.Should().BeApproximately(y1, 1e-9, why + " (update 1, y)");
        path[2].X.Should().BeApproximately(x2, 1e-9, why + " (update 2, x)");
        path[2].Y.Should().BeApproximately(y2, 1e-9, why + " (update 2, y)");
        path[30].X.Should().BeApproximately(x30, 1e-9, why + " (update 30, x)");
        if (name == "AdaGrad")
            Math.Abs(path[30].Y).Should().BeLessThan(1e-12, why + " (AdaGrad's y is ≈ 2.5e-17 after 30 updates)");
        else if (name == "RMSProp")
            path[30].Y.Should().BeApproximately(y30, 1e-9, why + " (update 30, y ≈ 1.48e-8)");
        else
            path[30].Y.Should().BeApproximately(y30, 1e-9, why + " (update 30, y)");
        Trajectory.F(path[30].X, path[30].Y).Should().BeApproximately(fEnd, 1e-4 * fEnd, why + " (f at the end)");
    }

    [Fact]
    public void Zero_steps_returns_only_the_start()
    {
        Trajectory.Run(new Sgd(0.95), (-7, 2), 0).Should().Equal([(-7.0, 2.0)], "0 updates give just the start point");
    }

    [Fact]
    public void Sgd_multiplies_x_by_0_905_and_y_by_minus_0_9_at_every_step()
    {
        var path = Trajectory.Run(new Sgd(0.95), (-7, 2), 30);

        for (int t = 1; t <= 30; t++)
        {
            path[t].X.Should().BeApproximately(0.905 * path[t - 1].X, 1e-12, $"x ← (1 − η/10)·x at update {t} (lesson §3.6)");
            path[t].Y.Should().BeApproximately(-0.9 * path[t - 1].Y, 1e-12, $"y ← (1 − 2η)·y = −0.9·y at update {t}: the zigzag (lesson §3.6)");
        }
    }

    /// <summary>Checks that the gradient handed over is ∇f at the current point, and moves the point along a fixed list.</summary>
    private sealed class RecordingOptimizer((double X, double Y)[] moves) : IOptimizer
    {
        public List<(double X, double Y, double Gx, double Gy)> Seen { get; } = [];

        public double LearningRate { get; set; }

        public void Step(IReadOnlyList<Parameter> parameters)
        {
            parameters.Should().HaveCount(1, "Trajectory.Run optimises one parameter holding (x, y)");
            var p = parameters[0];
            p.Value.Length.Should().Be(2, "the parameter holds (x, y)");
            p.Grad.Length.Should().Be(2, "the gradient holds (∂f/∂x, ∂f/∂y)");
            Seen.Add((p.Value[0], p.Value[1], p.Grad[0], p.Grad[1]));
            var move = moves[Seen.Count - 1];
            p.Value[0] = move.X;
            p.Value[1] = move.Y;
        }
    }

    [Fact]
    public void Gradient_is_taken_at_the_current_point_before_each_update()
    {
        (double X, double Y)[] moves = [(3, -1), (0.5, 4), (-2, 0.25)];
        var optimizer = new RecordingOptimizer(moves);

        var path = Trajectory.Run(optimizer, (-7, 2), 3);

        path.Should().Equal([(-7.0, 2.0), (3.0, -1.0), (0.5, 4.0), (-2.0, 0.25)],
            "the path is the start and then whatever point the optimiser left after each Step");
        (double X, double Y)[] points = [(-7, 2), (3, -1), (0.5, 4)];
        for (int t = 0; t < 3; t++)
        {
            optimizer.Seen[t].X.Should().Be(points[t].X, $"Step {t + 1} sees the current point");
            optimizer.Seen[t].Gx.Should().BeApproximately(points[t].X / 10, 1e-15, $"∂f/∂x = x/10 at the current point before Step {t + 1}");
            optimizer.Seen[t].Gy.Should().BeApproximately(2 * points[t].Y, 1e-15, $"∂f/∂y = 2y at the current point before Step {t + 1}");
        }
    }
}
