using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class BatchNormTests
{
    [Fact]
    public void Training_output_has_zero_mean_and_unit_std_per_feature()
    {
        var rng = new Rng(40);
        var x = rng.Normal(3.0, 16, 4) + 5.0;
        var y = new BatchNorm<double>(4).Forward(x);
        var mean = y.Mean(0);
        var variance = (y * y).Mean(0) - mean * mean;
        for (int j = 0; j < 4; j++)
        {
            mean[j].Should().BeApproximately(0, 1e-12);
            variance[j].Should().BeApproximately(1, 1e-5);     // ε = 1e-5 shrinks it by σ²/(σ² + ε)
        }
    }

    [Fact]
    public void Running_statistics_follow_the_momentum_rule_over_three_batches()
    {
        // Feature values per batch: [0, 2] → μ 1, σ² 1; [1, 5] → μ 3, σ² 4; [2, 2] → μ 2, σ² 0.
        var bn = new BatchNorm<double>(1, momentum: 0.9);
        bn.Forward(Tensor<double>.From([0.0, 2], 2, 1));
        bn.Forward(Tensor<double>.From([1.0, 5], 2, 1));
        bn.Forward(Tensor<double>.From([2.0, 2], 2, 1));
        double mean = 0.0, variance = 1.0;
        foreach (var (m, v) in new[] { (1.0, 1.0), (3.0, 4.0), (2.0, 0.0) })
        {
            mean = 0.9 * mean + 0.1 * m;
            variance = 0.9 * variance + 0.1 * v;
        }
        bn.RunningMean[0].Should().BeApproximately(mean, 1e-15);     // 0.523
        bn.RunningVar[0].Should().BeApproximately(variance, 1e-15);  // 1.1539
    }

    [Fact]
    public void Inference_uses_the_running_statistics_even_for_a_batch_of_one()
    {
        var bn = new BatchNorm<double>(2);
        bn.RunningMean.CopyFrom(Tensor<double>.From([1.0, -1.0], 2));
        bn.RunningVar.CopyFrom(Tensor<double>.From([4.0, 0.25], 2));
        bn.Gamma.Value.CopyFrom(Tensor<double>.From([2.0, 1.0], 2));
        bn.Beta.Value.CopyFrom(Tensor<double>.From([0.5, 0.0], 2));
        var y = bn.Forward(Tensor<double>.From([3.0, 0.0], 1, 2), training: false);
        y[0, 0].Should().BeApproximately(2 * (3 - 1) / Math.Sqrt(4 + 1e-5) + 0.5, 1e-12);
        y[0, 1].Should().BeApproximately((0 + 1) / Math.Sqrt(0.25 + 1e-5), 1e-12);
        bn.RunningMean[0].Should().Be(1.0, "inference must not update the running statistics");
    }

    [Fact]
    public void Gradients_match_for_dense_and_image_layouts_in_training_and_inference()
    {
        var rng = new Rng(41);
        var dense = new BatchNorm<double>(5);
        dense.Gamma.Value.CopyFrom(rng.Normal(1.0, 5));
        dense.Beta.Value.CopyFrom(rng.Normal(1.0, 5));
        GradAssert.LayerGradientsMatch(dense, rng.Normal(2.0, 6, 5), rng.Fork("a"), tolerance: 1e-6);

        var image = new BatchNorm<double>(3);
        image.Gamma.Value.CopyFrom(rng.Normal(1.0, 3));
        GradAssert.LayerGradientsMatch(image, rng.Normal(2.0, 2, 3, 3, 4), rng.Fork("b"), tolerance: 1e-6);
        GradAssert.LayerGradientsMatch(image, rng.Normal(2.0, 2, 3, 3, 4), rng.Fork("c"), tolerance: 1e-6, training: false);
    }

    [Fact]
    public void The_gradient_of_the_summed_output_with_respect_to_x_is_zero()
    {
        var rng = new Rng(42);
        var bn = new BatchNorm<double>(3);
        bn.Forward(rng.Normal(1.0, 4, 3, 2, 2));
        var dx = bn.Backward(Tensor<double>.Ones(4, 3, 2, 2));
        dx.Span.ToArray().Max(Math.Abs).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Wrong_feature_count_throws_naming_the_expected_shapes()
    {
        new BatchNorm<double>(4).Invoking(b => b.Forward(Tensor<double>.Zeros(8, 3)))
            .Should().Throw<ArgumentException>().WithMessage("*BatchNorm*(N, 4)*(N, 4, H, W)*(8, 3)*");
    }
}
