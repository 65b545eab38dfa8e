namespace Course.Engine.Tests;

public class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Softmax_of_one_two_three_matches_the_lesson()
    {
        var loss = new SoftmaxWithLoss<double>();
        loss.Forward(Tensor<double>.From([1.0, 2.0, 3.0], 1, 3), [2]);

        TensorAssert.Close(loss.Probabilities!, Tensor<double>.From([0.090030573, 0.244728471, 0.665240956], 1, 3), 1e-9);
    }

    [Fact]
    public void Huge_logits_give_the_same_finite_result_as_small_ones()
    {
        var big = new SoftmaxWithLoss<double>();
        var small = new SoftmaxWithLoss<double>();

        double lBig = big.Forward(Tensor<double>.From([1000.0, 1001.0, 1002.0, -1000.0, -1001.0, -1002.0], 2, 3), [0, 2]);
        double lSmall = small.Forward(Tensor<double>.From([1.0, 2.0, 3.0, -1.0, -2.0, -3.0], 2, 3), [0, 2]);

        double.IsFinite(lBig).Should().BeTrue();
        lBig.Should().BeApproximately(lSmall, 1e-12);
        TensorAssert.Close(big.Probabilities!, small.Probabilities!, 1e-15);
        TensorAssert.Close(big.Backward(), small.Backward(), 1e-15);
    }

    [Fact]
    public void A_probability_that_underflows_still_gives_a_finite_exact_loss()
    {
        var loss = new SoftmaxWithLoss<double>();

        // p(class 1) = e^-1000 / (1 + e^-1000) underflows to 0; −log p = 1000 exactly (to rounding).
        loss.Forward(Tensor<double>.From([1000.0, 0.0], 1, 2), [1]).Should().BeApproximately(1000.0, 1e-9);
        new SoftmaxWithLoss<float>().Forward(Tensor<float>.From([1000f, 0f], 1, 2), [1]).Should().BeApproximately(1000.0, 1e-3);
    }

    [Fact]
    public void Loss_is_a_batch_mean_and_the_gradient_rows_sum_to_zero_scaled_by_one_over_n()
    {
        var rng = new Rng(4);
        var scores = rng.Normal(2.0, 4, 5);
        int[] labels = [0, 3, 4, 1];
        var once = new SoftmaxWithLoss<double>();
        var twice = new SoftmaxWithLoss<double>();

        double l1 = once.Forward(scores, labels);
        double l2 = twice.Forward(Ops.Concat(0, scores, scores), [.. labels, .. labels]);
        var d1 = once.Backward();
        var d2 = twice.Backward();

        l2.Should().BeApproximately(l1, 1e-15);
        TensorAssert.Close(d1.Sum(axis: 1), Tensor<double>.Zeros(4), 1e-16);
        TensorAssert.Close(d2.Slice(0, 0, 4) * 2.0, d1, 1e-16);
    }

    [Fact]
    public void Gradient_matches_central_differences_of_the_loss()
    {
        var rng = new Rng(5);
        var scores = rng.Normal(1.0, 3, 4);
        int[] labels = [2, 0, 3];
        var layer = new SoftmaxWithLoss<double>();
        layer.Forward(scores, labels);

        GradAssert.FunctionGradientMatches(s => new SoftmaxWithLoss<double>().Forward(s, labels), scores, layer.Backward());
    }

    [Fact]
    public void Bad_labels_are_rejected_with_the_row()
    {
        var loss = new SoftmaxWithLoss<double>();

        loss.Invoking(l => l.Forward(Tensor<double>.Zeros(2, 3), [0, 3])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*label 3 at row 1*");
        loss.Invoking(l => l.Forward(Tensor<double>.Zeros(2, 3), [0])).Should().Throw<ArgumentException>().WithMessage("*1 labels*(2, 3)*");
        loss.Invoking(l => l.Forward(Tensor<double>.Zeros(6), [0])).Should().Throw<ArgumentException>().WithMessage("SoftmaxWithLoss: expected scores of shape (N, classes), got (6)*");
    }
}
