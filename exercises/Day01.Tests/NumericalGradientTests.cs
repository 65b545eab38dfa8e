namespace Course.Day01.Tests;

[Trait("Exercise", "1.5")]
public class NumericalGradientTests
{
    [Fact]
    public void Gradient_of_the_sum_of_squares_is_two_x()
    {
        var x = Tensor.From(new[,] { { 3.0, -4.0 }, { 0.5, 0.0 } });

        var g = NumericalGradient.Compute(v => (v * v).Sum(), x);

        g.Shape.ToArray().Should().Equal([2, 2], "the gradient has the shape of x");
        TensorAssert.Close(g, x * 2.0, 1e-8, "d/dx Σ x² = 2x, and the central difference is exact for a quadratic up to rounding");
    }

    [Fact]
    public void Gradient_of_x_squared_over_20_plus_y_squared_at_minus_7_2_is_minus_0_7_and_4()
    {
        var g = NumericalGradient.Compute(v => v[0] * v[0] / 20 + v[1] * v[1], Tensor.From([-7.0, 2.0]));

        g[0].Should().BeApproximately(-0.7, 1e-8, "∂/∂x (x²/20) = x/10 (the function of Day 3's optimiser race)");
        g[1].Should().BeApproximately(4.0, 1e-8, "∂/∂y y² = 2y");
    }
}
