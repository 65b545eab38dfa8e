namespace Course.Day08.Tests;

public class Gan1DTests
{
    [Fact]
    [Trait("Exercise", "8.6")]
    public void One_step_returns_finite_losses_and_the_generator_maps_noise_to_samples()
    {
        var gan = new Gan1D(new Rng(11));
        var data = new Rng(12);

        var (dLoss, gLoss) = gan.Step(Gaussian1D.Sample(64, data), Gaussian1D.Noise(64, data));

        dLoss.Should().BeInRange(0.5, 3.0, "near 2 ln 2 ≈ 1.39 while D is still guessing (lesson §8.6)");
        gLoss.Should().BeInRange(0.1, 3.0);
        gan.Generate(Gaussian1D.Noise(10, data)).Shape.ToArray().Should().Equal([10, 1]);
    }
}
