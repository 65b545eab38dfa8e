namespace Course.Day03.Tests;

/// <summary>Exercise 3.1: SGD, Momentum and Nesterov on a one-parameter example you can follow by hand.</summary>
[Trait("Exercise", "3.1")]
public class FirstOrderOptimizerTests
{
    private static Parameter ParameterWith(double[] value, double[] grad) =>
        new("theta", Tensor.From(value, value.Length)) { Grad = Tensor.From(grad, grad.Length) };

    [Fact]
    public void Sgd_moves_against_the_gradient_by_learning_rate_times_gradient()
    {
        var p = ParameterWith([1.0, 2.0], [0.5, -1.0]);

        new Sgd(0.1).Step([p]);

        p.Value.ShapeArray.Should().Equal([2], because: "Step updates Value in place and keeps its shape");
        p.Value[0].Should().BeApproximately(0.95, 1e-14, because: "θ ← θ − η·g = 1 − 0.1·0.5 (lesson §3.1)");
        p.Value[1].Should().BeApproximately(2.1, 1e-14, because: "θ ← θ − η·g = 2 − 0.1·(−1) (lesson §3.1)");
    }

    [Fact]
    public void Momentum_accumulates_velocity_over_two_steps()
    {
        var p = ParameterWith([1.0], [0.5]);
        var momentum = new Momentum(0.1, 0.9);

        momentum.Step([p]);
        p.Value[0].Should().BeApproximately(0.95, 1e-14, because: "v = 0.9·0 − 0.1·0.5 = −0.05 and θ ← θ + v (lesson §3.2)");
        p.Grad = Tensor.From([-1.0], 1);
        momentum.Step([p]);
        p.Value[0].Should().BeApproximately(1.005, 1e-14,
            because: "v = 0.9·(−0.05) − 0.1·(−1) = 0.055 is added to 0.95; the velocity must persist between steps (lesson §3.2)");
    }

    [Fact]
    public void Nesterov_first_step_on_the_quadratic_matches_the_pinned_value()
    {
        // f(x, y) = x²/20 + y² at (−7, 2): g = (−0.7, 4); v = −η·g = (0.07, −0.4); θ ← θ + αv − η·g.
        var p = ParameterWith([-7.0, 2.0], [-0.7, 4.0]);

        new Nesterov(0.1, 0.9).Step([p]);

        p.Value[0].Should().BeApproximately(-6.867, 1e-12, because: "θ ← θ + αv − η·g with the new v = (0.07, −0.4) (lesson §3.3)");
        p.Value[1].Should().BeApproximately(1.24, 1e-12, because: "2 + 0.9·(−0.4) − 0.4 = 1.24 (lesson §3.3)");
    }
}
