// Kills: D6-M3 clipping per element or per tensor; clipping at norm == maxNorm (> vs ≥); NaN on zero gradients;
// returning the norm after clipping; clipping a copy instead of the parameters' Grad.
namespace Course.Day06.Tests;

[Trait("Exercise", "6.2")]
public class GradientClippingTests
{
    private static Parameter P(string name, params double[] grad)
    {
        var p = new Parameter(name, Tensor.Zeros(grad.Length));
        p.Grad = Tensor.From(grad, grad.Length);
        return p;
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Grad_3_4_with_maxNorm_1_becomes_0_6_0_8_and_the_norm_5_is_returned()
    {
        var p = P("g", 3, 4);

        double norm = GradientClipping.ClipByGlobalNorm([p], 1.0);

        norm.Should().Be(5, "the return value is the norm BEFORE clipping");
        p.Grad.ToArray()[0].Should().BeApproximately(0.6, 1e-15);
        p.Grad.ToArray()[1].Should().BeApproximately(0.8, 1e-15, "scaled by maxNorm/‖g‖ = 1/5");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_norm_is_global_over_all_tensors_so_the_direction_of_the_whole_gradient_is_kept()
    {
        // Per tensor each would be clipped to norm 1 → (1, 0), (0, 1): the direction changes. Globally ‖g‖ = 5.
        var a = P("a", 3, 0);
        var b = P("b", 0, 4);

        double norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);

        norm.Should().Be(5);
        a.Grad.ToArray().Should().Equal([0.6000000000000001, 0.0], (a2, e) => Math.Abs(a2 - e) < 1e-15, "one factor 1/5 for every tensor");
        b.Grad.ToArray().Should().Equal([0.0, 0.8], (a2, e) => Math.Abs(a2 - e) < 1e-15, "one factor 1/5 for every tensor");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void After_clipping_random_gradients_of_several_tensors_the_global_norm_is_maxNorm_and_ratios_are_kept()
    {
        var rng = new Rng(3);
        var ps = new[] { new Parameter("W", Tensor.Zeros(4, 5)), new Parameter("b", Tensor.Zeros(5)), new Parameter("V", Tensor.Zeros(3, 3)) };
        foreach (var p in ps) p.Grad = rng.Normal(10.0, p.Value.ShapeArray);
        var before = ps.Select(p => p.Grad.ToArray()).ToArray();
        double expected = Math.Sqrt(before.Sum(g => g.Sum(v => v * v)));

        double norm = GradientClipping.ClipByGlobalNorm(ps, 2.5);

        norm.Should().BeApproximately(expected, 1e-10 * expected);
        Math.Sqrt(ps.Sum(p => p.Grad.ToArray().Sum(v => v * v))).Should().BeApproximately(2.5, 1e-12, "the new global norm is maxNorm");
        for (int k = 0; k < ps.Length; k++)
            for (int i = 0; i < before[k].Length; i++)
                ps[k].Grad.ToArray()[i].Should().BeApproximately(before[k][i] * 2.5 / expected, 1e-12, "every element is scaled by the same factor");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_norm_at_or_below_maxNorm_leaves_the_gradients_bitwise_unchanged()
    {
        var rng = new Rng(4);
        var p = new Parameter("W", Tensor.Zeros(3, 4));
        p.Grad = rng.Normal(0.1, 3, 4);
        var before = p.Grad.ToArray();

        GradientClipping.ClipByGlobalNorm([p], 100.0);
        p.Grad.ToArray().Should().Equal(before, "‖g‖ < maxNorm: nothing to clip");

        var q = P("q", 3, 4);
        GradientClipping.ClipByGlobalNorm([q], 5.0).Should().Be(5.0);
        q.Grad.ToArray().Should().Equal([3.0, 4.0], "‖g‖ = maxNorm exactly does not EXCEED it: leave the gradient alone");
    }

    [Fact]
    public void Zero_gradients_give_norm_0_and_no_NaN()
    {
        var p = new Parameter("W", Tensor.Zeros(2, 3));

        GradientClipping.ClipByGlobalNorm([p], 1.0).Should().Be(0);

        p.Grad.ToArray().Should().OnlyContain(v => v == 0, "0/0 must never be computed");
    }

    [Fact]
    public void A_non_positive_maxNorm_throws()
    {
        var act = () => GradientClipping.ClipByGlobalNorm([P("g", 1, 1)], 0.0);
        act.Should().Throw<ArgumentException>();
    }
}
