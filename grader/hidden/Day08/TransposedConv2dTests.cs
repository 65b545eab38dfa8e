// Kills: D8-M6 a wrong output size ((H − 1)·s + K without the padding crop, or the convolution's formula) or a forward
// that is not the adjoint of Conv2d (kernel flipped, channels swapped, stride applied to the kernel offset); dW or dx
// with the wrong index map; the bias ignored; dOut or x changed in place; a second Backward that differs.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day08.Tests;

[Trait("Exercise", "8.7")]
public class TransposedConv2dTests
{
    [Theory]
    [Trait("Weight", "1")]
    [InlineData(4, 2, 1, 4, 8)]
    [InlineData(3, 1, 0, 5, 7)]
    [InlineData(3, 2, 1, 4, 7)]
    [InlineData(2, 2, 0, 3, 6)]
    public void Output_size_is_H_minus_1_times_stride_minus_2_pad_plus_K(int k, int stride, int pad, int h, int expected)
    {
        var layer = new TransposedConv2d(Tensor.Zeros(1, 1, k, k), null, stride, pad);

        layer.OutputSize(h).Should().Be(expected);
        layer.Forward(Tensor.Zeros(1, 1, h, h)).Shape.ToArray().Should().Equal([1, 1, expected, expected]);
    }

    [Theory]
    [Trait("Weight", "3")]
    [InlineData(4, 2, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(3, 2, 0)]
    public void Forward_is_the_adjoint_of_Conv2d_with_shared_weights_within_1e_10(int k, int stride, int pad)
    {
        var rng = new Rng(81);
        var w = rng.Normal(1.0, 3, 2, k, k);
        var t = new TransposedConv2d(w, null, stride, pad);
        var x = rng.Normal(1.0, 2, 3, 4, 4);
        int oh = t.OutputSize(4);
        var u = rng.Normal(1.0, 2, 2, oh, oh);
        var conv = new EngineLayers.Conv2d<double>(w.Clone(), null, stride, pad);
        var cu = conv.Forward(u);

        if (!cu.SameShape(x)) return;   // geometries where the convolution does not land exactly on H
        double lhs = (cu * x).Sum(), rhs = (u * t.Forward(x)).Sum();
        Math.Abs(lhs - rhs).Should().BeLessThan(1e-10 * (1 + Math.Abs(lhs)), "⟨Conv(u), x⟩ = ⟨u, TConv(x)⟩ with W read as (Cin, Cout, K, K) in both");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_and_every_gradient_agree_with_the_engine_reference()
    {
        var rng = new Rng(82);
        var w = rng.Normal(0.5, 3, 2, 4, 4);
        var b = rng.Normal(0.5, 2);
        var learner = new TransposedConv2d(w.Clone(), b.Clone(), 2, 1);
        var reference = new EngineLayers.ConvTranspose2d<double>(w.Clone(), b.Clone(), 2, 1);

        DifferentialCheck.Layers(learner, reference, rng.Normal(1.0, 2, 3, 3, 3), rng);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Gradients_match_central_differences_within_1e_6()
    {
        var rng = new Rng(83);
        var layer = new TransposedConv2d(rng.Normal(0.5, 2, 3, 3, 3), rng.Normal(0.5, 3), 2, 1);

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 2, 3, 3), rng, 1e-6);
        var noBias = new TransposedConv2d(rng.Normal(0.5, 2, 1, 4, 4), null, 2, 1);
        noBias.Parameters.Should().HaveCount(1, "without bias only W is a parameter");
        GradAssert.LayerGradientsMatch(noBias, rng.Normal(1.0, 1, 2, 2, 2), rng, 1e-6);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Backward_twice_is_identical_and_leaves_x_and_dOut_unchanged()
    {
        var rng = new Rng(84);
        var layer = new TransposedConv2d(rng.Normal(0.5, 2, 2, 4, 4), rng.Normal(0.5, 2), 2, 1);
        var x = rng.Normal(1.0, 1, 2, 3, 3);
        var dOut = rng.Normal(1.0, 1, 2, 6, 6);
        var (x0, d0) = (x.ToArray(), dOut.ToArray());

        layer.Forward(x);
        var dx1 = layer.Backward(dOut);
        var dw1 = layer.W.Grad.Clone();
        var dx2 = layer.Backward(dOut);

        TensorAssert.Close(dx2, dx1, 0, "a second Backward gives the same dx");
        TensorAssert.Close(layer.W.Grad, dw1, 0, "and overwrites dW with the same values (not added)");
        x.ToArray().Should().Equal(x0, "Forward must not change x");
        dOut.ToArray().Should().Equal(d0, "Backward must not change dOut");
    }

    [Fact]
    public void A_wrong_input_shape_throws_an_ArgumentException_naming_the_layer()
    {
        var layer = new TransposedConv2d(Tensor.Zeros(3, 2, 4, 4), null, 2, 1);
        var act = () => layer.Forward(Tensor.Zeros(1, 2, 4, 4));
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("TransposedConv2d");
    }
}
