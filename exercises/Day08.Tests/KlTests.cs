namespace Course.Day08.Tests;

public class KlTests
{
    [Fact]
    [Trait("Exercise", "8.1")]
    public void Mean_one_and_unit_variance_in_one_dimension_costs_half_a_nat()
    {
        var mu = Tensor.From([1.0], 1, 1);
        var logVar = Tensor.Zeros(1, 1);

        Kl.ToStandardNormal(mu, logVar).Should().BeApproximately(0.5, 1e-12, "KL = −½(1 + 0 − 1 − 1) = ½ (lesson §8.1)");
    }

    [Fact]
    [Trait("Exercise", "8.1")]
    public void The_gradient_matches_a_central_difference()
    {
        var rng = new Rng(1);
        var mu = rng.Normal(1.0, 3, 2);
        var logVar = rng.Normal(0.5, 3, 2);
        var (dMu, dLogVar) = Kl.Gradient(mu, logVar);

        GradAssert.FunctionGradientMatches(m => Kl.ToStandardNormal(m, logVar), mu, dMu);
        GradAssert.FunctionGradientMatches(v => Kl.ToStandardNormal(mu, v), logVar, dLogVar);
    }
}
