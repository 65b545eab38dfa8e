namespace Course.Day03.Tests;

/// <summary>Exercise 3.6: the second-order model of f(x, y) = x²/20 + y² at (−7, 2).</summary>
[Trait("Exercise", "3.6")]
public class SecondOrderTests
{
    private static readonly Tensor G = Tensor.From([-0.7, 4.0], 2);                        // ∇f(−7, 2)
    private static readonly Tensor H = Tensor.From(new double[,] { { 0.1, 0 }, { 0, 2 } });  // ∇²f

    [Fact]
    public void Optimal_step_along_the_gradient_is_g_dot_g_over_g_H_g()
    {
        SecondOrder.OptimalStepAlongGradient(G, H).Should().BeApproximately(0.514524634154, 1e-12,
            because: "η* = gᵀg / gᵀHg = 16.49 / 32.049 (lesson §3.9)");
    }

    [Fact]
    public void Newton_step_jumps_to_the_minimum_of_a_quadratic()
    {
        var d = SecondOrder.NewtonStep(G, H);

        d.ShapeArray.Should().Equal([2], because: "d = −H⁻¹g has g's shape");
        d[0].Should().BeApproximately(7, 1e-12, because: "−0.7 / 0.1 with the minus sign gives +7 (lesson §3.10)");
        d[1].Should().BeApproximately(-2, 1e-12, because: "−4 / 2 = −2, so (−7, 2) + d = (0, 0) (lesson §3.10)");
    }
}
