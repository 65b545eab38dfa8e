// Kills: (no listed mutant) averaging over the wrong axis · bootstrap without replacement or out of range.

namespace Course.Day02.Tests;

[Trait("Exercise", "2.2")]
public class EnsembleTests
{
    private static Tensor RandomProbabilities(ulong seed, int n, int k)
    {
        var e = Ops.Exp(new Rng(seed).Normal(1.0, n, k));
        return e / e.Sum(axis: 1, keepDims: true);
    }

    [Fact]
    public void Average_of_identical_members_is_the_member()
    {
        var p = RandomProbabilities(1, 6, 4);
        TensorAssert.Close(Ensemble.AverageProbabilities([p, p.Clone(), p.Clone()]), p, 1e-15, "the mean of equal matrices is that matrix");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Averaged_rows_still_sum_to_one_and_inputs_are_untouched()
    {
        var members = Enumerable.Range(0, 5).Select(i => RandomProbabilities((ulong)(10 + i), 7, 3)).ToList();
        var copies = members.Select(m => m.Clone()).ToList();
        var mean = Ensemble.AverageProbabilities(members);
        mean.ShapeArray.Should().Equal([7, 3]);
        TensorAssert.Close(mean.Sum(axis: 1), Tensor.Ones(7), 1e-12, "a mean of distributions is a distribution");
        for (int m = 0; m < members.Count; m++) TensorAssert.Close(members[m], copies[m], 0.0, "inputs must not be modified");
        mean[3, 1].Should().BeApproximately(members.Average(t => t[3, 1]), 1e-15);
    }

    [Fact]
    public void Mismatched_member_shapes_throw()
    {
        var act = () => Ensemble.AverageProbabilities([Tensor.Zeros(2, 3), Tensor.Zeros(3, 3)]);
        act.Should().Throw<ArgumentException>("members must predict the same (N, K)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Bootstrap_keeps_about_63_percent_distinct_indices()
    {
        var idx = Ensemble.Bootstrap(10_000, new Rng(7));
        idx.Should().HaveCount(10_000);
        idx.Should().OnlyContain(i => i >= 0 && i < 10_000);
        double unique = idx.Distinct().Count() / 10_000.0;
        unique.Should().BeApproximately(1 - Math.Exp(-1), 0.01, "drawing n of n with replacement leaves 1 − 1/e ≈ 63.2% distinct");
    }

    [Fact]
    public void Bootstrap_is_reproducible_from_the_seed()
    {
        Ensemble.Bootstrap(100, new Rng(3)).Should().Equal(Ensemble.Bootstrap(100, new Rng(3)), "all randomness comes from the given Rng");
    }
}
