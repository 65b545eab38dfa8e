using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class LayerNormTests
{
    [Fact]
    public void Each_row_is_normalised_on_its_own()
    {
        var y = new LayerNorm<double>(4).Forward(Tensor<double>.From([1.0, 2, 3, 4, 10, 10, 10, 14], 2, 4));
        // Row 1: mean 2.5, biased variance 1.25.
        y[0, 0].Should().BeApproximately(-1.5 / Math.Sqrt(1.25 + 1e-5), 1e-12);
        // Row 2: mean 11, variance 3.
        y[1, 3].Should().BeApproximately(3 / Math.Sqrt(3 + 1e-5), 1e-12);
    }

    [Fact]
    public void Gradients_match_on_sequences()
    {
        var rng = new Rng(43);
        var ln = new LayerNorm<double>(6);
        ln.Gamma.Value.CopyFrom(rng.Normal(1.0, 6));
        ln.Beta.Value.CopyFrom(rng.Normal(1.0, 6));
        GradAssert.LayerGradientsMatch(ln, rng.Normal(2.0, 2, 3, 6), rng, tolerance: 1e-6);
    }

    [Fact]
    public void Wrong_last_axis_throws()
    {
        new LayerNorm<double>(6).Invoking(l => l.Forward(Tensor<double>.Zeros(2, 5)))
            .Should().Throw<ArgumentException>().WithMessage("*LayerNorm*(…, 6)*(2, 5)*");
    }
}
