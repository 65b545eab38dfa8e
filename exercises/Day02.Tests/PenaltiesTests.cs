using Course.Engine.Layers;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.1")]
public class PenaltiesTests
{
    private static Parameter Weights() => new("W", Tensor.From([1.0, -2.0, 3.0, 0.0], 2, 2));

    [Fact]
    public void L2_is_half_lambda_times_the_sum_of_squares()
    {
        // ½ · 0.1 · (1 + 4 + 9 + 0) = 0.7
        Penalties.L2([Weights()], 0.1).Should().BeApproximately(0.7, 1e-12,
            because: "L2 = ½·λ·ΣW² (lesson §2.3) — the ½ makes the gradient exactly λW");
    }

    [Fact]
    public void L1_is_lambda_times_the_sum_of_absolute_values()
    {
        Penalties.L1([Weights()], 0.1).Should().BeApproximately(0.6, 1e-12, because: "L1 = λ·Σ|W| = 0.1·6 (lesson §2.3)");
    }

    [Fact]
    public void Gradient_terms_are_added_to_the_existing_gradient()
    {
        var w = Weights();
        w.Grad = Tensor.Full(1.0, 2, 2);
        Penalties.AddL2Gradient([w], 0.1);
        w.Grad.ToArray().Should().Equal([1.1, 0.8, 1.3, 1.0], (a, e) => Math.Abs(a - e) < 1e-12,
            "AddL2Gradient adds λW to Grad (1 + 0.1·W), it does not replace it (lesson §2.3)");

        var v = Weights();
        v.Grad = Tensor.Zeros(2, 2);
        Penalties.AddL1Gradient([v], 0.1);
        v.Grad.ToArray().Should().Equal([0.1, -0.1, 0.1, 0.0], (a, e) => Math.Abs(a - e) < 1e-12,
            "AddL1Gradient adds λ·sign(W) with sign(0) = 0 (lesson §2.3)");
    }

    [Fact]
    public void WeightsOnly_drops_the_biases_of_an_affine_layer()
    {
        var layer = new Affine<double>(3, 2, new Rng(1));
        Penalties.WeightsOnly(layer.Parameters).Select(p => p.Name).Should().Equal(["W"],
            "weight decay is applied to weights, not biases: keep names starting with \"W\" (lesson §2.3)");
    }
}
