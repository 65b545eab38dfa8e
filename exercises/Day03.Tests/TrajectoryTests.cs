namespace Course.Day03.Tests;

/// <summary>Exercise 3.3: optimiser paths on f(x, y) = x²/20 + y² from (−7, 2).</summary>
[Trait("Exercise", "3.3")]
public class TrajectoryTests
{
    [Fact]
    public void Sgd_path_has_steps_plus_one_points_and_zigzags_in_y()
    {
        var path = Trajectory.Run(new Sgd(0.95), (-7, 2), 30);

        path.Should().HaveCount(31, because: "Run returns the start and the point after each of the 30 updates (lesson §3.6)");
        path[0].Should().Be((-7.0, 2.0), because: "the first point is the start");
        path[1].X.Should().BeApproximately(-6.335, 1e-9, because: "x ← x − 0.95·x/10 = 0.905·x (lesson §3.6)");
        path[1].Y.Should().BeApproximately(-1.8, 1e-9, because: "y ← y − 0.95·2y = −0.9·y: the sign flips every step, the zigzag of figure 6-3");
        path[2].X.Should().BeApproximately(-5.733175, 1e-9, because: "the gradient is taken at the current point before each update");
        path[2].Y.Should().BeApproximately(1.62, 1e-9, because: "y is multiplied by −0.9 again");
    }
}
