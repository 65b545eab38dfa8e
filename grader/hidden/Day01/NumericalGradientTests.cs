// Kills: D1-M7 forward difference instead of central difference, or x not restored after perturbing it.
namespace Course.Day01.Tests;

[Trait("Exercise", "1.5")]
public class NumericalGradientTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Gradient_of_the_sum_of_squares_is_two_x_within_1e_8()
    {
        var x = new Rng(51).Normal(2.0, 3, 4);

        var g = NumericalGradient.Compute(v => (v * v).Sum(), x);

        TensorAssert.Close(g, x * 2.0, 1e-8, "the central difference of x² is exactly 2x up to rounding; a forward difference is off by h = 1e-4");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Gradient_of_the_day_3_function_at_minus_7_2_is_minus_0_7_and_4()
    {
        var x = Tensor.From([-7.0, 2.0]);

        var g = NumericalGradient.Compute(v => v[0] * v[0] / 20 + v[1] * v[1], x);

        TensorAssert.Close(g, Tensor.From([-0.7, 4.0]), 1e-8, "∇(x²/20 + y²) = (x/10, 2y)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Gradient_of_x_cubed_at_2_has_the_central_differences_h_squared_error()
    {
        var x = Tensor.From([2.0]);

        var g = NumericalGradient.Compute(v => v[0] * v[0] * v[0], x);

        // ((x + h)³ − (x − h)³) / 2h = 3x² + h²: 12.00000001. A forward difference gives 3x² + 3xh + h² ≈ 12.0006.
        g[0].Should().BeApproximately(12.0 + 1e-8, 1e-9, "the central difference's error is h² = 1e-8, not O(h) ≈ 6e-4");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_step_h_passed_in_is_used()
    {
        var x = Tensor.From([2.0]);

        var g = NumericalGradient.Compute(v => v[0] * v[0] * v[0], x, h: 0.01);

        g[0].Should().BeApproximately(12.0 + 1e-4, 1e-9, "with h = 0.01 the central difference of x³ is 3x² + h² = 12.0001");
    }

    [Fact]
    public void X_is_bitwise_unchanged_afterwards()
    {
        // Values as small as h itself: there (v − h) + h ≠ v in floating point, so only restoring the saved value passes.
        var x = Ops.Concat(0, new Rng(52).Normal(3.0, 20), new Rng(53).Normal(1e-4, 30), Tensor.From([1e-5, -3.3e-6, 1.2345e-7]));
        var before = x.ToArray();

        NumericalGradient.Compute(v => (v * v * v).Sum(), x);

        x.ToArray().Should().Equal(before, "every element must be restored to its saved value, not recomputed as (v + h) − h");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void It_sees_the_perturbation_through_the_argument_for_every_element()
    {
        var x = Tensor.From([1.0, 2.0, 3.0]);
        var seen = new List<double>();

        NumericalGradient.Compute(v => { seen.Add(v.Sum()); return v.Sum(); }, x);

        seen.Should().HaveCount(6, "two evaluations (x + h·e_i and x − h·e_i) per element");
        seen.Should().OnlyContain(s => Math.Abs(s - 6.0) > 5e-5 && Math.Abs(s - 6.0) < 2e-4, "each evaluation sees one element moved by ±h");
    }

    [Fact]
    public void A_three_dimensional_tensor_gets_a_gradient_of_its_own_shape()
    {
        var rng = new Rng(53);
        var w = rng.Normal(1.0, 2, 3, 4);
        var x = rng.Normal(1.0, 2, 3, 4);

        var g = NumericalGradient.Compute(v => (v * w).Sum(), x);

        g.ShapeString.Should().Be("(2, 3, 4)", "the gradient has x's shape");
        TensorAssert.Close(g, w, 1e-9, "d/dx Σ w ⊙ x = w, element by element in x's own layout");
    }
}
