// Kills: D8-M1 KL with the wrong sign, without the ½, or with σ (or σ²) in place of log σ²; summed over the batch
// instead of averaged; averaged over latent dimensions instead of summed; a gradient without the 1/N or the ½.
namespace Course.Day08.Tests;

[Trait("Exercise", "8.1")]
public class KlTests
{
    [Fact]
    [Trait("Weight", "1")]
    public void Zero_mean_and_unit_variance_cost_nothing()
    {
        Kl.ToStandardNormal(Tensor.Zeros(3, 4), Tensor.Zeros(3, 4)).Should().Be(0, "q = p gives KL 0");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_shifted_mean_and_a_wider_variance_give_the_closed_form_values()
    {
        Kl.ToStandardNormal(Tensor.From([1.0], 1, 1), Tensor.Zeros(1, 1)).Should().BeApproximately(0.5, 1e-12, "μ = 1, σ² = 1: ½μ²");
        Kl.ToStandardNormal(Tensor.Zeros(1, 1), Tensor.From([Math.Log(4)], 1, 1))
            .Should().BeApproximately(0.5 * (3 - Math.Log(4)), 1e-12, "μ = 0, σ² = 4: −½(1 + ln 4 − 4); logVar is log σ², read through exp");
        Kl.ToStandardNormal(Tensor.From([0.5], 1, 1), Tensor.From([-1.0], 1, 1))
            .Should().BeApproximately(-0.5 * (1 - 1 - 0.25 - Math.Exp(-1)), 1e-12, "μ = ½, logVar = −1");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Dimensions_are_summed_and_the_batch_is_averaged()
    {
        var mu = Tensor.Full(1.0, 2, 3);
        mu[1, 0] = 3.0;

        Kl.ToStandardNormal(mu, Tensor.Zeros(2, 3)).Should().BeApproximately((1.5 + 0.5 * (9 + 1 + 1)) / 2, 1e-12,
            "row 0: 3 dims × ½ = 1.5, row 1: ½(9 + 1 + 1) = 5.5; summed over dims, averaged over the 2 rows");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_closed_form_matches_a_Monte_Carlo_estimate_within_2_percent()
    {
        double mu = 0.7, logVar = -0.6, sigma = Math.Exp(0.5 * logVar);
        var rng = new Rng(11);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double eps = rng.NextGaussian(), z = mu + sigma * eps;
            sum += (-0.5 * eps * eps - Math.Log(sigma)) - (-0.5 * z * z);   // log q(z) − log p(z), the 1/√(2π) cancels
        }

        Kl.ToStandardNormal(Tensor.From([mu], 1, 1), Tensor.From([logVar], 1, 1)).Should().BeApproximately(sum / n, 0.02 * (sum / n),
            "KL = E_q[log q − log p]");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_gradient_matches_central_differences_within_1e_8()
    {
        var rng = new Rng(12);
        var mu = rng.Normal(1.0, 4, 3);
        var logVar = rng.Normal(0.7, 4, 3);
        var (dMu, dLogVar) = Kl.Gradient(mu, logVar);

        GradAssert.FunctionGradientMatches(m => Kl.ToStandardNormal(m, logVar), mu, dMu, 1e-8);
        GradAssert.FunctionGradientMatches(v => Kl.ToStandardNormal(mu, v), logVar, dLogVar, 1e-8);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void KL_is_never_negative_and_the_inputs_are_left_unchanged()
    {
        var rng = new Rng(13);
        for (int trial = 0; trial < 20; trial++)
        {
            var mu = rng.Normal(2.0, 3, 2);
            var logVar = rng.Normal(2.0, 3, 2);
            var (m0, v0) = (mu.ToArray(), logVar.ToArray());
            Kl.ToStandardNormal(mu, logVar).Should().BeGreaterThanOrEqualTo(0, "a KL divergence is never negative");
            Kl.Gradient(mu, logVar);
            mu.ToArray().Should().Equal(m0, "μ must not be changed");
            logVar.ToArray().Should().Equal(v0, "logVar must not be changed");
        }
    }

    [Fact]
    public void Mismatched_shapes_throw_an_ArgumentException()
    {
        var act = () => Kl.ToStandardNormal(Tensor.Zeros(2, 3), Tensor.Zeros(2, 4));
        act.Should().Throw<ArgumentException>();
    }
}
