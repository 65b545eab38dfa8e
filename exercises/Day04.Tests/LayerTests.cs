namespace Course.Day04.Tests;

public class LayerTests
{
    [Fact]
    [Trait("Exercise", "4.4")]
    public void Convolution_layer_equals_the_direct_loops_and_passes_a_gradient_check()
    {
        var rng = new Rng(41);
        var w = rng.Normal(1.0, 2, 2, 3, 3);
        var b = rng.Normal(1.0, 2);
        var x = rng.Normal(1.0, 2, 2, 4, 4);
        var layer = new ConvolutionLayer(w, b, stride: 1, pad: 1);

        var y = layer.Forward(x);
        y.ShapeString.Should().Be("(2, 2, 4, 4)", "pad 1 keeps a 3×3 convolution's size (lesson §4.5)");
        TensorAssert.Close(y, DirectConv.Forward(x, w, b, 1, 1), 1e-12, "im2col·Wᵀ + b must equal the direct loops (lesson §4.5)");
        GradAssert.LayerGradientsMatch(layer, x, rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    [Trait("Exercise", "4.5")]
    public void Max_pooling_takes_each_windows_maximum_and_average_pooling_its_mean()
    {
        var x = Tensor.From([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16.0], 1, 1, 4, 4);

        new MaxPoolingLayer(2, 2, 2).Forward(x).ToArray().Should().Equal([6, 8, 14, 16.0], "the maximum of each 2×2 window (lesson §4.6)");
        new AvgPoolingLayer(2, 2, 2).Forward(x).ToArray().Should().Equal([3.5, 5.5, 11.5, 13.5], "the mean of each 2×2 window (lesson §4.6)");
        var pool = new MaxPoolingLayer(2, 2, 2);
        pool.Forward(x);
        pool.Backward(Tensor.Ones(1, 1, 2, 2)).ToArray().Count(v => v != 0).Should().Be(4, "only each window's maximum receives a gradient (lesson §4.6)");
    }

    [Fact]
    [Trait("Exercise", "4.6")]
    public void Batch_norm_standardises_each_feature_in_training_and_passes_a_gradient_check()
    {
        var bn = new BatchNormLayer(1);
        var y = bn.Forward(Tensor.From([1.0, 3.0], 2, 1), training: true);

        y[0, 0].Should().BeApproximately(-1 / Math.Sqrt(1 + 1e-5), 1e-12, "mean 2, biased variance 1: x̂ = (1 − 2)/√(1 + ε) (lesson §4.7)");
        bn.RunningMean.ToScalar().Should().BeApproximately(0.2, 1e-12, "running mean = 0.9·0 + 0.1·2 (lesson §4.7)");
        var rng = new Rng(42);
        GradAssert.LayerGradientsMatch(new BatchNormLayer(3), rng.Normal(1.0, 4, 3), rng.Fork("check"), tolerance: 1e-6);
    }
}
