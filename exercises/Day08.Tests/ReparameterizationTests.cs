namespace Course.Day08.Tests;

public class ReparameterizationTests
{
    [Fact]
    [Trait("Exercise", "8.2")]
    public void Mean_one_variance_four_and_eps_one_half_give_z_two()
    {
        var z = Reparameterization.Sample(Tensor.From([1.0], 1, 1), Tensor.From([Math.Log(4)], 1, 1), Tensor.From([0.5], 1, 1));

        z[0, 0].Should().BeApproximately(2.0, 1e-12, "z = μ + σ·ε = 1 + 2·0.5, with σ = exp(½ log 4) = 2 (lesson §8.2)");
    }

    [Fact]
    [Trait("Exercise", "8.2")]
    public void dLogVar_matches_a_central_difference_with_eps_fixed()
    {
        var rng = new Rng(2);
        var (mu, logVar, eps, dz) = (rng.Normal(1.0, 2, 3), rng.Normal(0.5, 2, 3), rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 3));
        var (_, dLogVar) = Reparameterization.Backward(dz, logVar, eps);

        GradAssert.FunctionGradientMatches(v => (Reparameterization.Sample(mu, v, eps) * dz).Sum(), logVar, dLogVar);
    }
}
