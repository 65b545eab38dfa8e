// Kills: D1-M3 loss summed instead of averaged / SoftmaxWithLoss backward not divided by N ·
//        also: overflow on scores near 1000 inside the layer, a −ln(p + 1e-7) clip in the fused loss.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.6")]
public class SoftmaxWithLossTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Gradient_matches_central_differences_of_the_loss_on_a_batch_of_5()
    {
        var rng = new Rng(91);
        var scores = rng.Normal(2.0, 5, 4);
        int[] labels = [0, 3, 1, 1, 2];
        var layer = new SoftmaxWithLoss();
        layer.Forward(scores, labels);
        var analytic = layer.Backward();

        GradAssert.FunctionGradientMatches(s => new SoftmaxWithLoss().Forward(s, labels), scores, analytic, tolerance: 1e-7);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Loss_and_gradient_equal_the_engines_SoftmaxWithLoss()
    {
        var rng = new Rng(92);
        var scores = rng.Normal(3.0, 6, 5);
        int[] labels = [4, 0, 2, 2, 1, 3];
        var learner = new SoftmaxWithLoss();
        var reference = new EngineLayers.SoftmaxWithLoss<double>();

        double loss = learner.Forward(scores.Clone(), labels);
        double expected = reference.Forward(scores.Clone(), labels);

        loss.Should().BeApproximately(expected, DifferentialCheck.Absolute + DifferentialCheck.Relative * Math.Abs(expected),
            "the fused loss is exact: −ln softmax, without a 1e-7 guard");
        TensorAssert.Close(learner.Backward(), reference.Backward(), DifferentialCheck.Absolute, DifferentialCheck.Relative,
            "SoftmaxWithLoss.Backward", "it must equal the engine's (softmax − onehot) / N");
    }

    [Fact]
    public void Gradient_rows_sum_to_zero()
    {
        var layer = new SoftmaxWithLoss();
        layer.Forward(new Rng(93).Normal(2.0, 4, 3), [2, 0, 1, 2]);

        var d = layer.Backward();

        var rowSums = d.Sum(axis: 1);
        for (int n = 0; n < 4; n++)
            rowSums[n].Should().BeApproximately(0.0, 1e-15, "softmax sums to 1 and the one-hot row sums to 1, so (y − t) sums to 0");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Repeating_the_batch_keeps_the_loss_and_halves_each_rows_gradient()
    {
        var scores = new Rng(94).Normal(2.0, 3, 4);
        int[] labels = [1, 3, 0];
        var single = new SoftmaxWithLoss();
        var doubled = new SoftmaxWithLoss();

        double l1 = single.Forward(scores, labels);
        double l2 = doubled.Forward(Ops.Concat(0, scores, scores), [.. labels, .. labels]);
        var d1 = single.Backward();
        var d2 = doubled.Backward();

        l2.Should().BeApproximately(l1, 1e-12, "the loss is the batch mean");
        TensorAssert.Close(d2.Slice(0, 0, 3).Clone(), d1 * 0.5, 1e-15, "the gradient is (y − t) / N, so doubling N halves every row");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Scores_near_1000_give_a_finite_loss_and_gradient()
    {
        var layer = new SoftmaxWithLoss();

        double loss = layer.Forward(Tensor.From(new[,] { { 1000.0, 1001.0, 1002.0 } }), [0]);
        var d = layer.Backward();

        loss.Should().BeApproximately(2.4076059644443806, 1e-10, "−ln softmax([1, 2, 3])[0]: adding 999 changes nothing");
        TensorAssert.Close(d, Tensor.From(new[,] { { 0.09003057317038046 - 1, 0.24472847105479767, 0.6652409557748219 } }), 1e-12,
            "softmax − onehot, finite");
    }

    [Fact]
    public void A_very_wrong_confident_prediction_costs_its_exact_log_probability_not_a_clipped_16_1()
    {
        var layer = new SoftmaxWithLoss();

        double loss = layer.Forward(Tensor.From(new[,] { { 0.0, 50.0 } }), [0]);

        loss.Should().BeApproximately(50.0, 1e-9, "−ln softmax = −(0 − 50) + ln(1 + e⁻⁵⁰) ≈ 50 in log space; a −ln(p + 1e-7) would stop at 16.1");
    }

    [Fact]
    public void Scores_that_are_not_a_batch_or_labels_of_the_wrong_count_are_rejected()
    {
        var layer = new SoftmaxWithLoss();

        ((Action)(() => layer.Forward(Tensor.Zeros(3), [0]))).Should().Throw<ArgumentException>("scores must be [N, K]");
        ((Action)(() => layer.Forward(Tensor.Zeros(2, 3), [0]))).Should().Throw<ArgumentException>("2 rows need 2 labels");
    }
}
