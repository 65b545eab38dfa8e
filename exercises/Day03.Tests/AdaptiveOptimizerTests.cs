namespace Course.Day03.Tests;

/// <summary>Exercise 3.2: AdaGrad, RMSProp and Adam — first steps you can check by hand.</summary>
[Trait("Exercise", "3.2")]
public class AdaptiveOptimizerTests
{
    private static Parameter ParameterWith(double[] value, double[] grad) =>
        new("theta", Tensor.From(value, value.Length)) { Grad = Tensor.From(grad, grad.Length) };

    [Fact]
    public void AdaGrad_first_step_is_about_the_learning_rate_per_coordinate()
    {
        var p = ParameterWith([-7.0, 2.0], [-0.7, 4.0]);

        new AdaGrad(1.5).Step([p]);

        p.Value[0].Should().BeApproximately(-7 + 1.5 * 0.7 / (0.7 + 1e-7), 1e-12,
            because: "h = g², so θ ← θ − η·g / (√h + ε) moves by η·|g|/(|g| + ε) (lesson §3.4)");
        p.Value[1].Should().BeApproximately(2 - 1.5 * 4 / (4 + 1e-7), 1e-12, because: "the same rule per coordinate (lesson §3.4)");
    }

    [Fact]
    public void RmsProp_first_step_is_ten_learning_rates_because_h_starts_at_zero()
    {
        var p = ParameterWith([-7.0], [-0.7]);

        new RmsProp(0.1).Step([p]);

        p.Value[0].Should().BeApproximately(-7 + 0.1 * 0.7 / (0.1 * 0.7 + 1e-7), 1e-12,
            because: "h = 0.01·g², √h = 0.1·|g|, so the first step is ≈ 10η (lesson §3.4)");
    }

    [Fact]
    public void Adam_first_step_is_learning_rate_times_the_sign_of_the_gradient()
    {
        var p = ParameterWith([0.0, 0.0, 0.0], [0.001, -5.0, 200.0]);

        new Adam(0.3).Step([p]);

        p.Value.ShapeArray.Should().Equal([3], because: "Step keeps Value's shape");
        p.Value[0].Should().BeApproximately(-0.3 * 0.001 / (0.001 + 1e-8), 1e-12,
            because: "with bias correction m̂ = g and v̂ = g² at t = 1, so every coordinate moves η·g/(|g| + ε) (lesson §3.5)");
        p.Value[1].Should().BeApproximately(0.3 * 5 / (5 + 1e-8), 1e-12, because: "the step does not depend on |g| at t = 1 (lesson §3.5)");
        p.Value[2].Should().BeApproximately(-0.3 * 200 / (200 + 1e-8), 1e-12, because: "the step does not depend on |g| at t = 1 (lesson §3.5)");
    }
}
