// Kills: D8-M2 the reparameterisation path broken (dlogVar without ε or without the ½ exp(½ logVar) factor, or σ read
// as logVar); z = μ + logVar·ε or μ + exp(logVar)·ε; dμ aliasing dz; inputs changed in place.
namespace Course.Day08.Tests;

[Trait("Exercise", "8.2")]
public class ReparameterizationTests
{
    [Fact]
    [Trait("Weight", "4")]
    public void Both_gradients_match_central_differences_with_eps_fixed_within_1e_8()
    {
        var rng = new Rng(21);
        var (mu, logVar, eps, dz) = (rng.Normal(1.0, 3, 4), rng.Normal(0.8, 3, 4), rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3, 4));
        var (dMu, dLogVar) = Reparameterization.Backward(dz, logVar, eps);

        GradAssert.FunctionGradientMatches(m => (Reparameterization.Sample(m, logVar, eps) * dz).Sum(), mu, dMu, 1e-8);
        GradAssert.FunctionGradientMatches(v => (Reparameterization.Sample(mu, v, eps) * dz).Sum(), logVar, dLogVar, 1e-8);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Eps_zero_gives_z_equal_to_mu_and_no_logVar_gradient()
    {
        var rng = new Rng(22);
        var (mu, logVar, dz) = (rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 3));
        var zero = Tensor.Zeros(2, 3);

        TensorAssert.Close(Reparameterization.Sample(mu, logVar, zero), mu, 0, "z = μ + σ·0");
        var (dMu, dLogVar) = Reparameterization.Backward(dz, logVar, zero);
        TensorAssert.Close(dMu, dz, 0, "dμ = dz");
        dLogVar.ToArray().Should().OnlyContain(v => v == 0, "with ε = 0, z does not depend on logVar");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Over_100000_standard_normal_eps_the_samples_have_mean_mu_and_std_sigma_within_1_percent()
    {
        const int n = 100_000;
        var eps = new Rng(23).Normal(1.0, n, 1);
        var z = Reparameterization.Sample(Tensor.Full(2.0, n, 1), Tensor.Full(Math.Log(0.25), n, 1), eps);
        double mean = z.Mean();
        var c = z - mean;

        mean.Should().BeApproximately(2.0, 0.02, "E[z] = μ = 2");
        Math.Sqrt((c * c).Mean()).Should().BeApproximately(0.5, 0.005, "std z = exp(½ log 0.25) = 0.5");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Inputs_are_left_unchanged_and_dMu_is_a_new_tensor()
    {
        var rng = new Rng(24);
        var (mu, logVar, eps, dz) = (rng.Normal(1.0, 2, 2), rng.Normal(1.0, 2, 2), rng.Normal(1.0, 2, 2), rng.Normal(1.0, 2, 2));
        var before = new[] { mu.ToArray(), logVar.ToArray(), eps.ToArray(), dz.ToArray() };

        Reparameterization.Sample(mu, logVar, eps);
        var (dMu, _) = Reparameterization.Backward(dz, logVar, eps);
        dMu.Span[0] += 1;

        new[] { mu.ToArray(), logVar.ToArray(), eps.ToArray(), dz.ToArray() }.Should().BeEquivalentTo(before, o => o.WithStrictOrdering(),
            "Sample and Backward must not change μ, logVar, ε or dz (dμ must not alias dz)");
    }

    [Fact]
    public void Mismatched_shapes_throw_an_ArgumentException()
    {
        var act = () => Reparameterization.Sample(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), Tensor.Zeros(3, 2));
        act.Should().Throw<ArgumentException>();
    }
}
