// Kills: D1-M1 softmax without max-subtraction · D1-M2 softmax normalised over the batch axis ·
//        D1-M3 cross-entropy summed instead of averaged over the batch.
namespace Course.Day01.Tests;

[Trait("Exercise", "1.4")]
public class LossesTests
{
    private static readonly Tensor Probabilities123 = Tensor.From([0.09003057317038046, 0.24472847105479767, 0.6652409557748219]);

    [Fact]
    [Trait("Weight", "3")]
    public void Softmax_of_logits_near_1000_is_finite_and_equals_softmax_of_1_2_3()
    {
        var p = Losses.Softmax(Tensor.From([1000.0, 1001.0, 1002.0]));

        p.ToArray().Should().OnlyContain(v => double.IsFinite(v), "e^1000 overflows unless the maximum is subtracted first");
        TensorAssert.Close(p, Probabilities123, 1e-12, "softmax(a + c) = softmax(a)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Softmax_of_logits_near_minus_1000_is_finite_and_equals_softmax_of_minus_1_2_3()
    {
        var p = Losses.Softmax(Tensor.From([-1000.0, -1001.0, -1002.0]));

        p.ToArray().Should().OnlyContain(v => double.IsFinite(v), "e^(−1000) underflows to 0 and 0/0 = NaN unless the maximum is subtracted");
        TensorAssert.Close(p, Losses.Softmax(Tensor.From([-1.0, -2.0, -3.0])), 1e-12, "softmax(a + c) = softmax(a)");
        p[0].Should().BeApproximately(0.6652409557748219, 1e-12, "the largest logit gets e⁰ / (e⁰ + e⁻¹ + e⁻²)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Softmax_of_a_batch_normalises_each_row_not_each_column()
    {
        var logits = new Rng(41).Normal(2.0, 4, 3);

        var p = Losses.Softmax(logits);

        p.ShapeString.Should().Be("(4, 3)", "softmax keeps [N, K]");
        var rowSums = p.Sum(axis: 1);
        for (int n = 0; n < 4; n++)
            rowSums[n].Should().BeApproximately(1.0, 1e-12, $"row {n} is one sample's distribution over the 3 classes");
        for (int n = 0; n < 4; n++)
            TensorAssert.Close(p.Row(n).Clone(), Losses.Softmax(logits.Row(n).Clone()), 1e-14, $"row {n} of the batch equals the softmax of that row alone");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Softmax_rows_that_differ_by_a_constant_are_identical()
    {
        var logits = Tensor.From(new[,] { { 1.0, 2.0, 3.0 }, { 11.0, 12.0, 13.0 }, { -5.0, -4.0, -3.0 }, { 801.0, 802.0, 803.0 } });

        var p = Losses.Softmax(logits);

        for (int n = 0; n < 4; n++)
            TensorAssert.Close(p.Row(n).Clone(), Probabilities123, 1e-12, $"row {n} is [1, 2, 3] plus a constant, and softmax ignores constants");
    }

    [Fact]
    public void Softmax_of_the_seed_networks_output_matches_to_1e_12()
    {
        var p = Losses.Softmax(Tensor.From([0.316827076411, 0.696279089862]));

        TensorAssert.Close(p, Tensor.From([0.406259071554, 0.593740928446]), 1e-12, "softmax of y = [0.3168…, 0.6963…]");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void CrossEntropy_with_0_6_on_the_correct_class_is_minus_ln_of_0_6_plus_1e_minus_7()
    {
        Losses.CrossEntropy(Tensor.From([0.1, 0.6, 0.3]), [1]).Should().BeApproximately(0.510825457099338, 1e-12, "−ln(0.6 + 1e-7)");
        Losses.CrossEntropy(Tensor.From([0.1, 0.6, 0.3]), Tensor.From([0.0, 1.0, 0.0])).Should()
            .BeApproximately(0.510825457099338, 1e-12, "the one-hot form picks the same term");
    }

    [Fact]
    public void CrossEntropy_of_a_perfect_one_hot_prediction_is_zero_within_1e_7()
    {
        var p = Tensor.From(new[,] { { 0.0, 1.0, 0.0 }, { 1.0, 0.0, 0.0 } });

        Losses.CrossEntropy(p, [1, 0]).Should().BeApproximately(0.0, 1.01e-7, "−ln(1 + 1e-7) ≈ −1e-7");
        Losses.CrossEntropy(p, p).Should().BeApproximately(0.0, 1.01e-7, "the one-hot overload agrees");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void CrossEntropy_of_probability_zero_on_the_correct_class_is_finite_16_118()
    {
        var p = Tensor.From([1.0, 0.0]);

        Losses.CrossEntropy(p, [1]).Should().BeApproximately(16.11809565095832, 1e-9, "−ln(0 + 1e-7) = 16.118, the 1e-7 keeps it finite");
        Losses.CrossEntropy(p, Tensor.From([0.0, 1.0])).Should().BeApproximately(16.11809565095832, 1e-9, "the one-hot overload is guarded too");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Index_and_one_hot_overloads_agree_on_a_random_batch()
    {
        var p = Losses.Softmax(new Rng(42).Normal(1.5, 5, 4));
        int[] labels = [3, 0, 2, 2, 1];

        double byIndex = Losses.CrossEntropy(p, labels);
        double byOneHot = Losses.CrossEntropy(p, Ops.OneHot<double>(labels, 4));

        byOneHot.Should().BeApproximately(byIndex, 1e-12, "both compute the same mean of −ln p[n, t_n]");
        double expected = labels.Select((t, n) => -Math.Log(p[n, t] + 1e-7)).Average();
        byIndex.Should().BeApproximately(expected, 1e-12, "the loss is the batch MEAN of −ln(p[n, t_n] + 1e-7)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Doubling_the_batch_by_repetition_leaves_every_loss_unchanged()
    {
        var rng = new Rng(43);
        var p = Losses.Softmax(rng.Normal(1.0, 3, 4));
        var doubledP = Ops.Concat(0, p, p);
        int[] labels = [1, 3, 0];
        int[] doubledLabels = [1, 3, 0, 1, 3, 0];
        var t = Ops.OneHot<double>(labels, 4);
        var doubledT = Ops.OneHot<double>(doubledLabels, 4);

        Losses.CrossEntropy(doubledP, doubledLabels).Should().BeApproximately(Losses.CrossEntropy(p, labels), 1e-12,
            "cross-entropy is a mean over the batch, not a sum");
        Losses.CrossEntropy(doubledP, doubledT).Should().BeApproximately(Losses.CrossEntropy(p, t), 1e-12,
            "the one-hot cross-entropy is a mean over the batch, not a sum");
        Losses.SumOfSquares(doubledP, doubledT).Should().BeApproximately(Losses.SumOfSquares(p, t), 1e-12,
            "the sum of squares is divided by the batch size N");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void SumOfSquares_reproduces_the_textbook_example_0_0975()
    {
        var y = Tensor.From([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
        var t = Tensor.From([0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);

        Losses.SumOfSquares(y, t).Should().BeApproximately(0.0975, 1e-12, "½ Σ (y − t)² for one sample (ゼロから 4.2.1)");
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        var p = Tensor.From(new[,] { { 0.2, 0.3, 0.5 } });

        ((Action)(() => Losses.CrossEntropy(p, [3]))).Should().Throw<ArgumentOutOfRangeException>("class 3 does not exist among 0..2");
        ((Action)(() => Losses.CrossEntropy(p, [-1]))).Should().Throw<ArgumentOutOfRangeException>("a class index cannot be negative");
    }

    [Fact]
    public void A_label_count_that_differs_from_the_batch_size_is_rejected()
    {
        var p = Tensor.From(new[,] { { 0.2, 0.3, 0.5 }, { 0.1, 0.1, 0.8 } });

        ((Action)(() => Losses.CrossEntropy(p, [0]))).Should().Throw<ArgumentException>("2 rows need 2 labels");
    }
}
