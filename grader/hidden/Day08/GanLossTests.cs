// Kills: D8-M4 labels swapped in the D loss, or the saturating generator loss log(1 − D(G(z))); D8-M5 BCE through
// log of probabilities (log 0 → ∞/NaN at ±1000 logits); means over the wrong count; gradients without the 1/N.
namespace Course.Day08.Tests;

[Trait("Exercise", "8.4")]
public class GanLossTests
{
    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    [Fact]
    [Trait("Weight", "3")]
    public void Logits_of_plus_minus_1000_give_finite_losses_and_gradients()
    {
        var big = Tensor.From([1000.0, -1000.0], 2, 1);
        var right = GanLoss.Discriminator(Tensor.Full(1000.0, 2, 1), Tensor.Full(-1000.0, 2, 1));
        var wrong = GanLoss.Discriminator(Tensor.Full(-1000.0, 2, 1), Tensor.Full(1000.0, 2, 1));
        var (dReal, dFake) = GanLoss.DiscriminatorGradient(big, big);
        var dG = GanLoss.GeneratorGradient(big);

        right.Should().BeApproximately(0, 1e-12, "a confident, correct discriminator pays nothing");
        wrong.Should().BeApproximately(2000, 1e-9, "a confident, wrong one pays softplus(1000) twice = 2000, finite");
        GanLoss.Generator(big).Should().BeApproximately(500, 1e-9, "mean of softplus(−1000) = 0 and softplus(1000) = 1000");
        dReal.ToArray().Should().Equal(0.0, -0.5);
        dFake.ToArray().Should().Equal(0.5, 0.0);
        dG.ToArray().Should().Equal(0.0, -0.5);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void At_logits_0_the_D_loss_is_2_ln_2()
    {
        GanLoss.Discriminator(Tensor.Zeros(3, 1), Tensor.Zeros(5, 1)).Should().BeApproximately(1.3862943611198906, 1e-12);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Real_is_labelled_1_and_fake_0_with_each_mean_over_its_own_batch()
    {
        var real = Tensor.From([1.0, 2.0], 2, 1);
        var fake = Tensor.From([-1.0, 0.5, 3.0], 3, 1);

        double expected = (Softplus(-1) + Softplus(-2)) / 2 + (Softplus(-1) + Softplus(0.5) + Softplus(3)) / 3;
        GanLoss.Discriminator(real, fake).Should().BeApproximately(expected, 1e-12, "−mean log σ(real) − mean log(1 − σ(fake))");
        GanLoss.Discriminator(Tensor.Full(5.0, 2, 1), Tensor.Full(-5.0, 2, 1)).Should().BeLessThan(0.02, "real scored high and fake low is the right answer");
        GanLoss.Generator(fake).Should().BeApproximately((Softplus(1) + Softplus(-0.5) + Softplus(-3)) / 3, 1e-12, "−mean log σ(fake)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Gradients_match_central_differences_within_1e_8()
    {
        var rng = new Rng(41);
        var real = rng.Normal(2.0, 4, 1);
        var fake = rng.Normal(2.0, 3, 1);
        var (dReal, dFake) = GanLoss.DiscriminatorGradient(real, fake);

        GradAssert.FunctionGradientMatches(r => GanLoss.Discriminator(r, fake), real, dReal, 1e-8);
        GradAssert.FunctionGradientMatches(f => GanLoss.Discriminator(real, f), fake, dFake, 1e-8);
        GradAssert.FunctionGradientMatches(GanLoss.Generator, fake, GanLoss.GeneratorGradient(fake), 1e-8);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_generator_gradient_of_a_confidently_rejected_fake_is_about_minus_1_over_N()
    {
        var g = GanLoss.GeneratorGradient(Tensor.Full(-10.0, 4, 1));

        g.ToArray().Should().OnlyContain(v => Math.Abs(v + 0.25) < 1e-4,
            "the non-saturating loss −log σ(x) keeps a slope of ≈ −1 at x = −10; log(1 − σ(x)) would give ≈ 0");
    }

    [Fact]
    public void Logits_are_left_unchanged()
    {
        var real = Tensor.From([0.3, -2.0], 2, 1);
        var fake = Tensor.From([1.5], 1, 1);
        GanLoss.Discriminator(real, fake);
        GanLoss.DiscriminatorGradient(real, fake);
        GanLoss.GeneratorGradient(fake);
        real.ToArray().Should().Equal(0.3, -2.0);
        fake.ToArray().Should().Equal(1.5);
    }
}
