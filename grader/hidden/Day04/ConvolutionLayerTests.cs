// Kills: D4-M1 (column order vs the weight reshape), D4-M5 bias gradient not summed over N, OH and OW, D4-M6 one-sided
// padding; dW transposed or not reshaped to W's shape; gradients accumulated instead of overwritten (Backward twice);
// dOut or x mutated in place; stride or pad ignored; a wrong channel count accepted (4.4).
using EngineLayers = Course.Engine.Layers;

namespace Course.Day04.Tests;

[Trait("Exercise", "4.4")]
public class ConvolutionLayerTests
{
    [Theory]
    [Trait("Weight", "3")]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    public void Forward_equals_the_direct_loops_on_three_channels_and_four_filters(int stride, int pad)
    {
        var rng = new Rng(440 + (ulong)(stride * 2 + pad));
        var x = rng.Normal(1.0, 2, 3, 7, 7);
        var w = rng.Normal(1.0, 4, 3, 3, 3);
        var b = rng.Normal(1.0, 4);
        var expected = DirectConv.Forward(x, w, b, stride, pad);

        var y = new ConvolutionLayer(w, b, stride, pad).Forward(x);

        TensorAssert.Close(y, expected, 1e-12, $"im2col·Wᵀ + b reshaped to (N, FN, OH, OW) must equal the direct convolution (stride {stride}, pad {pad})");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Gradients_of_x_W_and_b_match_central_differences_at_stride_two_pad_one()
    {
        var rng = new Rng(445);
        var layer = new ConvolutionLayer(rng.Normal(1.0, 4, 3, 3, 3), rng.Normal(1.0, 4), stride: 2, pad: 1);

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 3, 5, 5), rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_and_every_gradient_equal_the_engines_Conv2d()
    {
        var rng = new Rng(446);
        var reference = new EngineLayers.Conv2d<double>(rng.Normal(1.0, 5, 2, 3, 3), rng.Normal(1.0, 5), stride: 1, pad: 1);
        var learner = new ConvolutionLayer(Tensor.Zeros(5, 2, 3, 3), Tensor.Zeros(5), stride: 1, pad: 1);

        DifferentialCheck.Layers(learner, reference, rng.Normal(1.0, 3, 2, 6, 6), rng.Fork("dOut"));
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Bias_gradient_is_dOut_summed_over_the_batch_and_every_output_position()
    {
        var rng = new Rng(447);
        var layer = new ConvolutionLayer(rng.Normal(1.0, 2, 1, 3, 3), Tensor.Zeros(2), 1, 1);
        layer.Forward(rng.Normal(1.0, 3, 1, 4, 4));
        var dOut = rng.Normal(1.0, 3, 2, 4, 4);

        layer.Backward(dOut);

        var expected = dOut.Permute(1, 0, 2, 3).Reshape(2, 48).Sum(axis: 1);
        TensorAssert.Close(layer.B.Grad, expected, 1e-12, "each filter's bias was added at every (n, oy, ox): db[f] = Σ_n Σ_oy Σ_ox dOut[n, f, oy, ox]");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_one_by_one_convolution_is_an_affine_map_applied_to_every_pixel()
    {
        var rng = new Rng(448);
        var w = rng.Normal(1.0, 4, 3, 1, 1);
        var b = rng.Normal(1.0, 4);
        var x = rng.Normal(1.0, 2, 3, 3, 3);

        var y = new ConvolutionLayer(w, b).Forward(x);

        var pixels = x.Permute(0, 2, 3, 1).Reshape(18, 3);   // one row per pixel, channels as features
        var affine = Ops.MatMul(pixels, w.Reshape(4, 3), transB: true) + b;
        TensorAssert.Close(y.Permute(0, 2, 3, 1).Reshape(18, 4), affine, 1e-12, "a 1×1 filter mixes channels of one pixel only");
    }

    [Fact]
    public void Backward_twice_gives_identical_results_and_leaves_dOut_and_x_unchanged()
    {
        var rng = new Rng(449);
        var layer = new ConvolutionLayer(rng.Normal(1.0, 3, 2, 3, 3), rng.Normal(1.0, 3), 2, 1);
        var x = rng.Normal(1.0, 2, 2, 5, 5);
        var x0 = x.Clone();
        layer.Forward(x);
        var dOut = rng.Normal(1.0, 2, 3, 3, 3);
        var d0 = dOut.Clone();

        var dx1 = layer.Backward(dOut).Clone();
        var (dw1, db1) = (layer.W.Grad.Clone(), layer.B.Grad.Clone());
        var dx2 = layer.Backward(dOut);

        TensorAssert.Close(dx2, dx1, 0, "a second Backward after one Forward must return the same dL/dx");
        TensorAssert.Close(layer.W.Grad, dw1, 0, "Backward overwrites W.Grad, it does not add to it");
        TensorAssert.Close(layer.B.Grad, db1, 0, "Backward overwrites b.Grad, it does not add to it");
        TensorAssert.Close(dOut, d0, 0, "dOut must not be modified in place");
        TensorAssert.Close(x, x0, 0, "x must not be modified in place");
    }

    [Fact]
    public void A_wrong_channel_count_throws_an_ArgumentException_naming_the_layer_and_both_shapes()
    {
        var layer = new ConvolutionLayer(Tensor.Zeros(4, 3, 3, 3), Tensor.Zeros(4));

        var act = () => layer.Forward(Tensor.Zeros(2, 1, 5, 5));

        act.Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains("ConvolutionLayer") && e.Message.Contains("3") && e.Message.Contains("(2, 1, 5, 5)"),
                "the message names the layer, the expected channel count and the actual shape");
    }
}
