namespace Course.Day08.Tests;

public class GanLossTests
{
    [Fact]
    [Trait("Exercise", "8.4")]
    public void A_discriminator_that_cannot_tell_pays_2_ln_2()
    {
        var zeros = Tensor.Zeros(4, 1);

        GanLoss.Discriminator(zeros, zeros).Should().BeApproximately(2 * Math.Log(2), 1e-12, "σ(0) = ½ on both sides (lesson §8.4)");
        GanLoss.Generator(zeros).Should().BeApproximately(Math.Log(2), 1e-12);
    }

    [Fact]
    [Trait("Exercise", "8.4")]
    public void The_generator_gradient_matches_a_central_difference()
    {
        var fake = new Rng(6).Normal(2.0, 5, 1);

        GradAssert.FunctionGradientMatches(GanLoss.Generator, fake, GanLoss.GeneratorGradient(fake));
    }
}
