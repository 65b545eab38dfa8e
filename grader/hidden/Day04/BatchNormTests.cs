// Kills: D4-M4 batch statistics used at inference, or the running average with momentum and (1 − momentum) swapped;
// the unbiased variance (÷ m − 1) in the normalisation; (N, C, H, W) statistics taken per pixel instead of per
// channel; the momentum or epsilon argument ignored; a backward without the mean/variance terms; gradients
// accumulated across Backward calls; x or dOut mutated in place (4.6).
using EngineLayers = Course.Engine.Layers;

namespace Course.Day04.Tests;

[Trait("Exercise", "4.6")]
public class BatchNormTests
{
    [Fact]
    [Trait("Weight", "2")]
    public void Training_output_has_mean_zero_and_biased_std_one_per_feature()
    {
        var rng = new Rng(461);
        var x = rng.Normal(3.0, 2.0, 16, 5);
        var y = new BatchNormLayer(5, epsilon: 1e-12).Forward(x, training: true);

        var mean = y.Sum(axis: 0).ToArray().Select(s => s / 16).ToArray();
        var var = (y * y).Sum(axis: 0).ToArray().Select(s => s / 16).ToArray();
        mean.Should().AllSatisfy(m => m.Should().BeApproximately(0, 1e-6, "x̂ subtracts the batch mean"));
        var.Should().AllSatisfy(v => v.Should().BeApproximately(1, 1e-6, "x̂ divides by the biased batch std (÷ m, not m − 1)"));
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Running_statistics_after_three_known_batches_match_the_hand_values()
    {
        var bn = new BatchNormLayer(1, momentum: 0.9);
        foreach (var batch in new[] { new[] { 1.0, 3.0 }, new[] { 2.0, 6.0 }, new[] { 0.0, 0.0 } })
            bn.Forward(Tensor.From(batch, 2, 1), training: true);

        // means 2, 4, 0; biased variances 1, 4, 0; running = 0.9·running + 0.1·batch from (0, 1)
        double mean = ((0 * 0.9 + 0.2) * 0.9 + 0.4) * 0.9 + 0.0;
        double var = ((1 * 0.9 + 0.1) * 0.9 + 0.4) * 0.9 + 0.0;
        bn.RunningMean.ToScalar().Should().BeApproximately(mean, 1e-12, "running mean = 0.9·running + 0.1·batch mean, starting at 0");
        bn.RunningVar.ToScalar().Should().BeApproximately(var, 1e-12, "running var = 0.9·running + 0.1·biased batch variance, starting at 1");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_momentum_argument_is_used()
    {
        var bn = new BatchNormLayer(1, momentum: 0.5);
        bn.Forward(Tensor.From([1.0, 3.0], 2, 1), training: true);

        bn.RunningMean.ToScalar().Should().BeApproximately(1.0, 1e-12, "0.5·0 + 0.5·2");
        bn.RunningVar.ToScalar().Should().BeApproximately(1.0, 1e-12, "0.5·1 + 0.5·1");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Inference_uses_the_running_statistics_so_a_batch_of_one_works()
    {
        var bn = new BatchNormLayer(2, momentum: 0.0);   // momentum 0: the running stats become the last batch's
        bn.Forward(Tensor.From([1.0, 10, 3, 30], 2, 2), training: true);   // means (2, 20), variances (1, 100)
        bn.Gamma.Value.CopyFrom(Tensor.From([2.0, 1.0], 2));
        bn.Beta.Value.CopyFrom(Tensor.From([0.5, 0.0], 2));

        var y = bn.Forward(Tensor.From([4.0, 20], 1, 2), training: false);

        y[0, 0].Should().BeApproximately(2 * (4 - 2) / Math.Sqrt(1 + 1e-5) + 0.5, 1e-9, "inference normalises with the running mean 2 and variance 1, then γx̂ + β");
        y[0, 1].Should().BeApproximately(0.0, 1e-9, "20 is the running mean of feature 1");
        var pair = bn.Forward(Tensor.From([4.0, 20, 0, 20], 2, 2), training: false);
        pair[1, 0].Should().BeApproximately(2 * (0 - 2) / Math.Sqrt(1 + 1e-5) + 0.5, 1e-9, "a batch of two at inference also uses the running statistics, not its own mean 2 and variance 4");
        bn.RunningMean.ToArray().Should().Equal([2.0, 20.0], "inference must not update the running statistics");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_epsilon_argument_is_used()
    {
        var y = new BatchNormLayer(1, epsilon: 3.0).Forward(Tensor.From([1.0, 3.0], 2, 1));

        y.ToArray().Should().Equal([-1 / Math.Sqrt(4.0), 1 / Math.Sqrt(4.0)], "x̂ = (x − 2)/√(1 + 3)");
    }

    [Theory]
    [Trait("Weight", "3")]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradients_match_central_differences_in_both_layouts(bool fourD)
    {
        var rng = new Rng(fourD ? 462UL : 463UL);
        var bn = new BatchNormLayer(3);
        bn.Gamma.Value.CopyFrom(rng.Normal(1.0, 3));
        bn.Beta.Value.CopyFrom(rng.Normal(1.0, 3));
        var x = fourD ? rng.Normal(1.0, 2, 3, 2, 3) : rng.Normal(1.0, 6, 3);

        GradAssert.LayerGradientsMatch(bn, x, rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_gradient_of_the_sum_of_the_outputs_with_respect_to_x_is_zero()
    {
        var rng = new Rng(464);
        var bn = new BatchNormLayer(4);
        bn.Gamma.Value.CopyFrom(rng.Normal(1.0, 4));
        bn.Forward(rng.Normal(1.0, 8, 4));

        var dx = bn.Backward(Tensor.Ones(8, 4));

        dx.ToArray().Should().AllSatisfy(v => v.Should().BeApproximately(0, 1e-12, "Σ y = m·β per feature does not depend on x in training mode"));
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Four_dimensional_input_equals_the_engines_BatchNorm_including_running_statistics()
    {
        var rng = new Rng(465);
        var reference = new EngineLayers.BatchNorm<double>(3, momentum: 0.8);
        var learner = new BatchNormLayer(3, momentum: 0.8);
        reference.Gamma.Value.CopyFrom(rng.Normal(1.0, 3));

        DifferentialCheck.Layers(learner, reference, rng.Normal(2.0, 1.5, 4, 3, 3, 3), rng.Fork("dOut"));

        TensorAssert.Close(learner.RunningMean, reference.RunningMean, 1e-12, "running mean per channel over N·H·W");
        TensorAssert.Close(learner.RunningVar, reference.RunningVar, 1e-12, "running biased variance per channel over N·H·W");
    }

    [Fact]
    public void Backward_twice_is_identical_and_x_and_dOut_are_not_modified()
    {
        var rng = new Rng(466);
        var bn = new BatchNormLayer(3);
        var x = rng.Normal(1.0, 5, 3);
        var x0 = x.Clone();
        bn.Forward(x);
        var dOut = rng.Normal(1.0, 5, 3);
        var d0 = dOut.Clone();

        var dx1 = bn.Backward(dOut).Clone();
        var dg1 = bn.Gamma.Grad.Clone();
        TensorAssert.Close(bn.Backward(dOut), dx1, 0, "a second Backward must return the same dL/dx");
        TensorAssert.Close(bn.Gamma.Grad, dg1, 0, "Backward overwrites dγ");
        TensorAssert.Close(dOut, d0, 0, "dOut must not be modified in place");
        TensorAssert.Close(x, x0, 0, "x must not be modified in place");
    }

    [Fact]
    public void A_wrong_feature_count_throws_naming_the_layer_and_the_shapes()
    {
        var act = () => new BatchNormLayer(4).Forward(Tensor.Zeros(2, 3));
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("BatchNormLayer") && e.Message.Contains("(2, 3)"));
    }
}
