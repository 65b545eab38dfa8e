// Kills: D2-M1 dropout not scaled by 1/(1 − p) in training, or scaled at inference ·
//        D2-M2 a new mask drawn in Backward, or the mask not stored.
using Course.Engine.Layers;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.5")]
public class DropoutLayerTests
{
    [Fact]
    public void Inference_forward_is_bitwise_the_identity_and_draws_nothing()
    {
        var x = new Rng(1).Normal(1.0, 3, 7);
        var layer = new DropoutLayer(0.4, new Rng(2));
        layer.Forward(x, training: false).Span.SequenceEqual(x.Span).Should().BeTrue("inverted dropout needs no correction at inference");
        layer.Backward(Tensor.Ones(3, 7)).ToArray().Should().OnlyContain(v => v == 1.0, "after an inference Forward, Backward passes dOut through");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Kept_fraction_and_mean_are_preserved_over_200000_elements()
    {
        var x = new Rng(3).Uniform(0.5, 1.5, 400, 500);
        var layer = new DropoutLayer(0.3, new Rng(4));
        var y = layer.Forward(x, training: true);
        double kept = layer.LastMask!.ToArray().Count(m => m != 0.0) / 200_000.0;
        kept.Should().BeApproximately(0.7, 0.005, "each unit is kept with probability 1 − p = 0.7");
        (y.Mean() / x.Mean()).Should().BeApproximately(1.0, 0.01, "scaling kept units by 1/(1 − p) keeps E[y] = x (inverted dropout)");
    }

    [Fact]
    public void Backward_is_dOut_times_the_stored_mask()
    {
        var x = new Rng(5).Normal(1.0, 6, 9);
        var layer = new DropoutLayer(0.5, new Rng(6));
        layer.Forward(x, training: true);
        var mask = layer.LastMask!.Clone();
        var dOut = new Rng(7).Normal(1.0, 6, 9);
        var dOutCopy = dOut.Clone();
        var dx = layer.Backward(dOut);
        TensorAssert.Close(dx, dOutCopy * mask, 1e-15, "Backward reuses the Forward mask: dX = dOut ⊙ LastMask");
        TensorAssert.Close(dOut, dOutCopy, 0.0, "Backward must not modify dOut");
        TensorAssert.Close(layer.LastMask!, mask, 0.0, "Backward must not redraw or change the mask");
    }

    [Fact]
    public void Backward_draws_no_random_numbers()
    {
        var x = Tensor.Ones(5, 8);
        var withBackward = new DropoutLayer(0.5, new Rng(8));
        var without = new DropoutLayer(0.5, new Rng(8));
        withBackward.Forward(x);
        withBackward.Backward(Tensor.Ones(5, 8));
        withBackward.Forward(x);
        without.Forward(x);
        without.Forward(x);
        TensorAssert.Close(withBackward.LastMask!, without.LastMask!, 0.0,
            "the second mask must be the same whether or not Backward ran in between (Backward draws nothing)");
    }

    [Fact]
    public void Two_training_forwards_draw_different_masks_and_the_same_seed_repeats_them()
    {
        var x = Tensor.Ones(10, 10);
        var a = new DropoutLayer(0.5, new Rng(9));
        a.Forward(x);
        var first = a.LastMask!.Clone();
        a.Forward(x);
        first.Span.SequenceEqual(a.LastMask!.Span).Should().BeFalse("each training Forward draws a fresh mask");
        var b = new DropoutLayer(0.5, new Rng(9));
        b.Forward(x);
        TensorAssert.Close(b.LastMask!, first, 0.0, "the same seed gives the same masks");
    }

    [Fact]
    public void Zero_drop_ratio_is_the_identity_in_training()
    {
        var x = new Rng(10).Normal(1.0, 4, 4);
        new DropoutLayer(0.0, new Rng(11)).Forward(x, training: true).Span.SequenceEqual(x.Span).Should().BeTrue("p = 0 keeps every unit with scale 1");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Drop_ratio_outside_zero_to_one_throws(double p)
    {
        var act = () => new DropoutLayer(p, new Rng(1));
        act.Should().Throw<ArgumentOutOfRangeException>("0 ≤ p < 1 (p = 1 would divide by zero)");
    }

    [Fact]
    public void Gradient_check_with_the_mask_frozen()
    {
        var x = new Rng(12).Normal(1.0, 2, 3, 4, 4);
        GradAssert.LayerGradientsMatch(new DropoutLayer(0.25, new Rng(13)), x, new Rng(14), 1e-7);
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Matches_the_engine_dropout_on_the_same_stream()
    {
        // Same seed, same documented draw (one NextDouble per element, keep when u ≥ p): same mask, output and dX.
        var x = new Rng(15).Normal(1.0, 7, 11);
        DifferentialCheck.Layers(new DropoutLayer(0.35, new Rng(16)), new Dropout<double>(0.35, new Rng(16)), x, new Rng(17));
    }

    [Fact]
    public void Backward_with_a_wrongly_shaped_dOut_throws_naming_the_layer()
    {
        var layer = new DropoutLayer(0.5, new Rng(1));
        layer.Forward(Tensor.Ones(2, 3));
        var act = () => layer.Backward(Tensor.Ones(3, 2));
        act.Should().Throw<ArgumentException>().WithMessage("*Dropout*", "shape errors name the layer");
    }
}
