namespace Course.Day02.Tests;

[Trait("Exercise", "2.5")]
public class DropoutLayerTests
{
    [Fact]
    public void Inference_forward_is_the_identity()
    {
        var x = new Rng(1).Normal(1.0, 4, 5);
        var y = new DropoutLayer(0.5, new Rng(2)).Forward(x, training: false);
        y.ToArray().Should().Equal(x.ToArray(), "inverted dropout does nothing at inference: scaling happens in training (lesson §2.5)");
    }

    [Fact]
    public void Training_forward_multiplies_by_a_mask_of_zeros_and_one_over_keep()
    {
        var x = new Rng(1).Normal(1.0, 4, 5);
        var layer = new DropoutLayer(0.2, new Rng(2));
        var y = layer.Forward(x, training: true);
        layer.LastMask.Should().NotBeNull("the training Forward stores its mask for Backward (lesson §2.5)");
        layer.LastMask!.ToArray().Should().OnlyContain(m => m == 0.0 || Math.Abs(m - 1.25) < 1e-12,
            "kept units are scaled by 1/(1 − p) = 1.25, dropped ones are 0 (lesson §2.5)");
        TensorAssert.Close(y, x * layer.LastMask, 1e-12, "y = x ⊙ LastMask");
    }

    [Fact]
    public void Backward_matches_numerical_gradient_with_the_mask_frozen()
    {
        var x = new Rng(3).Normal(1.0, 3, 4);
        GradAssert.LayerGradientsMatch(new DropoutLayer(0.3, new Rng(4)), x, new Rng(5), 1e-7);
    }
}
