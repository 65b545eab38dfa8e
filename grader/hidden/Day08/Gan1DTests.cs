// Kills: D8-M3 the generator step also updates D, or D's update uses a non-detached G(z) (gradient flows into G);
// the halves in the wrong order; one optimiser shared by both networks; the wrong init or draw order; no learning.
namespace Course.Day08.Tests;

[Trait("Exercise", "8.6")]
public class Gan1DTests
{
    private static (Tensor Real, Tensor Noise) Batch(Rng rng) => (Gaussian1D.Sample(64, rng), Gaussian1D.Noise(64, rng));

    [Fact]
    [Trait("Weight", "4")]
    [Trait("Kind", "Convergence")]
    public void After_3000_steps_the_samples_have_mean_4_and_std_1_25_within_0_3()
    {
        var run = Reference.Gan3000.Value;

        Math.Abs(run.Mean - 4).Should().BeLessThan(0.3, $"the generated mean {run.Mean:F3} must approach the target's 4");
        Math.Abs(run.Std - 1.25).Should().BeLessThan(0.3, $"the generated std {run.Std:F3} must approach the target's 1.25 (not a collapsed spike)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_first_two_steps_of_the_reference_run_are_pinned()
    {
        var first = Reference.Gan3000.Value.FirstSteps;

        first[0].D.Should().BeApproximately(1.8131496170191839, 1e-9, "D loss before the first update (init drawn G then D from Rng 1)");
        first[0].G.Should().BeApproximately(0.857778666231121, 1e-9, "G loss in step 1, through the D already updated once");
        first[1].D.Should().BeApproximately(1.8156270709709559, 1e-9);
        first[1].G.Should().BeApproximately(0.8524848313631469, 1e-9);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_discriminator_half_leaves_G_unchanged_and_puts_no_gradient_into_G()
    {
        var gan = new Gan1D(new Rng(71));
        var (real, noise) = Batch(new Rng(72));
        var g = Reference.Snapshot(gan.GeneratorParameters);
        var d = Reference.Snapshot(gan.DiscriminatorParameters);

        gan.DiscriminatorStep(real, noise);

        Reference.Unchanged(gan.GeneratorParameters, g).Should().BeTrue("the D update must not move G's parameters");
        gan.GeneratorParameters.Should().OnlyContain(p => p.Grad.ToArray().All(v => v == 0), "G(z) is detached for the D update: no gradient reaches G");
        Reference.Unchanged(gan.DiscriminatorParameters, d).Should().BeFalse("the D half updates D");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_generator_half_leaves_D_bitwise_unchanged()
    {
        var gan = new Gan1D(new Rng(73));
        var (real, noise) = Batch(new Rng(74));
        gan.DiscriminatorStep(real, noise);
        var d = Reference.Snapshot(gan.DiscriminatorParameters);
        var g = Reference.Snapshot(gan.GeneratorParameters);

        gan.GeneratorStep(noise);

        Reference.Unchanged(gan.DiscriminatorParameters, d).Should().BeTrue("D is frozen while G learns: only G's optimiser steps");
        Reference.Unchanged(gan.GeneratorParameters, g).Should().BeFalse("the G half updates G");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Step_is_the_D_half_then_the_G_half_on_the_same_noise()
    {
        var (real, noise) = Batch(new Rng(75));
        var a = new Gan1D(new Rng(76));
        var b = new Gan1D(new Rng(76));

        var (dLoss, gLoss) = a.Step(real, noise);

        dLoss.Should().Be(b.DiscriminatorStep(real, noise));
        gLoss.Should().Be(b.GeneratorStep(noise));
        TensorAssert.Close(a.Generate(noise), b.Generate(noise), 0, "the same state after the two halves");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void The_init_follows_the_documented_draws_and_Generate_is_pure()
    {
        var gan = new Gan1D(new Rng(77));
        var rng = new Rng(77);
        var w1 = rng.Uniform(-1, 1, 16, 1);
        var b1 = rng.Uniform(-1, 1, 16);

        gan.GeneratorParameters.Select(p => p.Value.Length).Should().Equal([16, 16, 16, 1]);
        gan.DiscriminatorParameters.Select(p => p.Value.Length).Should().Equal([32, 32, 32, 1]);
        TensorAssert.Close(gan.GeneratorParameters[0].Value, w1, 0, "G's first W = rng.Uniform(−1, 1, 16, 1) (k = 1/√1)");
        TensorAssert.Close(gan.GeneratorParameters[1].Value, b1, 0, "then its b");
        var z = Gaussian1D.Noise(8, new Rng(78));
        TensorAssert.Close(gan.Generate(z), gan.Generate(z), 0, "Generate changes nothing");
        gan.Discriminate(z).Shape.ToArray().Should().Equal([8, 1]);
    }

    [Fact]
    public void Wrong_shapes_throw_an_ArgumentException()
    {
        var gan = new Gan1D(new Rng(79));
        var a = () => gan.Generate(Tensor.Zeros(4, 2));
        var b = () => gan.Step(Tensor.Zeros(4, 2), Tensor.Zeros(4, 1));
        a.Should().Throw<ArgumentException>();
        b.Should().Throw<ArgumentException>();
    }
}
