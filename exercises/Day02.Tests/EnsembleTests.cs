namespace Course.Day02.Tests;

[Trait("Exercise", "2.2")]
public class EnsembleTests
{
    [Fact]
    public void Average_of_two_members_is_their_elementwise_mean()
    {
        var a = Tensor.From([0.9, 0.1, 0.2, 0.8], 2, 2);
        var b = Tensor.From([0.5, 0.5, 0.6, 0.4], 2, 2);
        var mean = Ensemble.AverageProbabilities([a, b]);
        mean.ShapeArray.Should().Equal([2, 2], "the average keeps the (N, K) shape (lesson §2.7)");
        mean.ToArray().Should().Equal([0.7, 0.3, 0.4, 0.6], (x, e) => Math.Abs(x - e) < 1e-12,
            "each entry is the mean of the members' probabilities (lesson §2.7)");
    }

    [Fact]
    public void Bootstrap_returns_n_indices_in_range()
    {
        var idx = Ensemble.Bootstrap(50, new Rng(3));
        idx.Should().HaveCount(50, "a bootstrap sample has as many draws as the data set (lesson §2.7)");
        idx.Should().OnlyContain(i => i >= 0 && i < 50, "indices are drawn from [0, n)");
    }
}
