namespace Course.Day01.Tests;

[Trait("Exercise", "1.4")]
public class LossesTests
{
    [Fact]
    public void Softmax_of_1_2_3_matches_the_known_probabilities()
    {
        var p = Losses.Softmax(Tensor.From([1.0, 2.0, 3.0]));

        p.Shape.ToArray().Should().Equal([3], "softmax keeps the shape");
        p[0].Should().BeApproximately(0.090030573, 1e-9, "e¹ / (e¹ + e² + e³)");
        p[1].Should().BeApproximately(0.244728471, 1e-9, "e² / (e¹ + e² + e³)");
        p[2].Should().BeApproximately(0.665240956, 1e-9, "e³ / (e¹ + e² + e³)");
    }

    [Fact]
    public void CrossEntropy_with_probability_0_6_on_the_correct_class_is_about_0_511()
    {
        var p = Tensor.From([0.1, 0.6, 0.3]);

        // −ln(0.6 + 1e-7): the 1e-7 guard shifts −ln 0.6 = 0.5108256 by 1.7e-7.
        Losses.CrossEntropy(p, [1]).Should().BeApproximately(0.510825624, 1e-6, "the loss is −ln of the correct class's probability");
    }

    [Fact]
    public void SumOfSquares_is_half_the_squared_distance()
    {
        var y = Tensor.From([0.5, 0.5]);
        var t = Tensor.From([0.0, 1.0]);

        Losses.SumOfSquares(y, t).Should().BeApproximately(0.25, 1e-15, "½ (0.5² + 0.5²) = 0.25 for one sample");
    }

    [Fact]
    public void Softmax_of_a_batch_returns_one_distribution_per_row()
    {
        var p = Losses.Softmax(Tensor.From(new[,] { { 1.0, 2.0, 3.0 }, { 0.0, 0.0, 0.0 } }));

        p.ShapeString.Should().Be("(2, 3)", "softmax keeps [N, K]");
        p[1, 0].Should().BeApproximately(1.0 / 3, 1e-12, "equal logits give equal probabilities");
        (p[0, 0] + p[0, 1] + p[0, 2]).Should().BeApproximately(1.0, 1e-12, "each row sums to 1");
    }
}
