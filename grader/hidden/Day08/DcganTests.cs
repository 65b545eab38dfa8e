// Kills: D8-M3 in the DCGAN (a half that updates the other network, or gradient into G during the D update);
// D8-M6 through the generator's shapes; BatchNorm run in the wrong mode or on the wrong batches; the documented init
// or draw order not followed.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day08.Tests;

[Trait("Exercise", "8.7")]
public class DcganTests
{
    private static Tensor RealImages(int start, int n) => Digits.LoadImages().Train.X.Slice(0, start, n).Clone() * 2.0 - 1.0;

    [Fact]
    [Trait("Weight", "1")]
    public void Shapes_of_the_generator_the_discriminator_and_the_parameters()
    {
        var gan = new Dcgan(new Rng(91));

        gan.Generate(new Rng(92).Normal(1.0, 2, 16)).Shape.ToArray().Should().Equal([2, 1, 8, 8]);
        gan.Discriminator.Forward(RealImages(0, 2), training: false).Shape.ToArray().Should().Equal([2, 1]);
        gan.GeneratorParameters.Sum(p => p.Value.Length).Should().Be(16 * 128 + 128 + 64 + 32 * 16 * 16 + 32 + 16 * 16 + 1,
            "Affine 16→128, BN(32), TConv 32→16 (no bias), BN(16), TConv 16→1 with bias");
        gan.DiscriminatorParameters.Sum(p => p.Value.Length).Should().Be(16 * 16 + 16 + 32 * 16 * 16 + 64 + 128 + 1,
            "Conv 1→16, Conv 16→32 (no bias), BN(32), Affine 128→1");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_first_two_steps_are_pinned()
    {
        var gan = new Dcgan(new Rng(7));
        var rng = new Rng(71);

        var s1 = gan.Step(RealImages(0, 16), rng.Normal(1.0, 16, 16));
        var s2 = gan.Step(RealImages(16, 16), rng.Normal(1.0, 16, 16));

        s1.DLoss.Should().BeApproximately(1.3771482635348486, 1e-9, "weights N(0, 0.02²) drawn in the documented order from Rng 7");
        s1.GLoss.Should().BeApproximately(0.6581382584246471, 1e-9);
        s2.DLoss.Should().BeApproximately(1.3491229441563526, 1e-9);
        s2.GLoss.Should().BeApproximately(0.6501838981239316, 1e-9);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Each_half_updates_its_own_network_only_and_the_D_half_puts_no_gradient_into_G()
    {
        var gan = new Dcgan(new Rng(93));
        var real = RealImages(0, 8);
        var noise = new Rng(94).Normal(1.0, 8, 16);
        var g = Reference.Snapshot(gan.GeneratorParameters);
        var d = Reference.Snapshot(gan.DiscriminatorParameters);

        gan.DiscriminatorStep(real, noise);
        Reference.Unchanged(gan.GeneratorParameters, g).Should().BeTrue("the D half must not move G");
        gan.GeneratorParameters.Should().OnlyContain(p => p.Grad.ToArray().All(v => v == 0), "G(z) is detached for the D update");
        Reference.Unchanged(gan.DiscriminatorParameters, d).Should().BeFalse("the D half updates D");

        var d1 = Reference.Snapshot(gan.DiscriminatorParameters);
        gan.GeneratorStep(noise);
        Reference.Unchanged(gan.DiscriminatorParameters, d1).Should().BeTrue("the G half must not move D");
        Reference.Unchanged(gan.GeneratorParameters, g).Should().BeFalse("the G half updates G");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void D_BatchNorm_running_statistics_see_real_and_fake_together_then_the_fakes_of_the_G_half()
    {
        var real = RealImages(0, 6);
        var noise = new Rng(95).Normal(1.0, 6, 16);
        var gan = new Dcgan(new Rng(96));
        var twin = new Dcgan(new Rng(96));
        var bn = gan.Discriminator.Layers.OfType<EngineLayers.BatchNorm<double>>().Single();

        var (m1, v1) = ChannelStats(twin, Ops.Concat(0, real, twin.Generate(noise, training: true)));
        gan.DiscriminatorStep(real, noise);
        TensorAssert.Close(bn.RunningMean, m1 * 0.1, 1e-10, "after the D half: 0.9·0 + 0.1·mean of the batch [real; G(z)]");
        TensorAssert.Close(bn.RunningVar, v1 * 0.1 + 0.9, 1e-10, "after the D half: 0.9·1 + 0.1·variance of [real; G(z)]");

        var (m2, v2) = ChannelStats(gan, gan.Generate(noise, training: true));
        gan.GeneratorStep(noise);
        TensorAssert.Close(bn.RunningMean, m1 * 0.09 + m2 * 0.1, 1e-10, "the G half runs D in training mode on G(z) once");
        TensorAssert.Close(bn.RunningVar, (v1 * 0.1 + 0.9) * 0.9 + v2 * 0.1, 1e-10, "the G half runs D in training mode on G(z) once");
    }

    /// <summary>Per-channel mean and biased variance of the input of D's BatchNorm (the output of its first three layers).</summary>
    private static (Tensor Mean, Tensor Var) ChannelStats(Dcgan gan, Tensor images)
    {
        var h = images;
        for (int i = 0; i < 3; i++) h = gan.Discriminator.Layers[i].Forward(h);
        int n = h.Dim(0), c = h.Dim(1), p = h.Dim(2) * h.Dim(3);
        var mean = Tensor.Zeros(c);
        var variance = Tensor.Zeros(c);
        for (int ch = 0; ch < c; ch++)
        {
            double s = 0, s2 = 0;
            for (int b = 0; b < n; b++) for (int q = 0; q < p; q++) s += h.Span[(b * c + ch) * p + q];
            double m = s / (n * p);
            for (int b = 0; b < n; b++) for (int q = 0; q < p; q++) { double z = h.Span[(b * c + ch) * p + q] - m; s2 += z * z; }
            (mean[ch], variance[ch]) = (m, s2 / (n * p));
        }
        return (mean, variance);
    }

    [Fact]
    public void Wrong_shapes_throw_an_ArgumentException()
    {
        var gan = new Dcgan(new Rng(97));
        var a = () => gan.Generate(Tensor.Zeros(2, 15));
        var b = () => gan.Step(Tensor.Zeros(2, 1, 7, 7), Tensor.Zeros(2, 16));
        a.Should().Throw<ArgumentException>();
        b.Should().Throw<ArgumentException>();
    }
}
