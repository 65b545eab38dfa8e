using Course.Engine.Generative;
using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class GenerativeTests
{
    [Fact]
    public void Kl_to_the_standard_normal_has_the_closed_form_values_and_gradient()
    {
        KlDivergence.ToStandardNormal(Tensor<double>.Zeros(3, 2), Tensor<double>.Zeros(3, 2)).Should().Be(0);
        KlDivergence.ToStandardNormal(Tensor<double>.Ones(1, 1), Tensor<double>.Zeros(1, 1)).Should().BeApproximately(0.5, 1e-15);

        var rng = new Rng(130);
        var mu = rng.Normal(1.0, 4, 3);
        var logVar = rng.Normal(1.0, 4, 3);
        KlDivergence.ToStandardNormal(mu, logVar).Should().BeGreaterThan(0);
        var (dMu, dLogVar) = KlDivergence.Gradient(mu, logVar);
        NumericGradient.MaxRelativeError(dMu, NumericGradient.Of(() => KlDivergence.ToStandardNormal(mu, logVar), mu)).Should().BeLessThan(1e-8);
        NumericGradient.MaxRelativeError(dLogVar, NumericGradient.Of(() => KlDivergence.ToStandardNormal(mu, logVar), logVar)).Should().BeLessThan(1e-8);
    }

    [Fact]
    public void Reparameterisation_is_differentiable_in_mu_and_log_variance_with_eps_frozen()
    {
        var rng = new Rng(131);
        var mu = rng.Normal(1.0, 2, 3);
        var logVar = rng.Normal(1.0, 2, 3);
        var eps = rng.Normal(1.0, 2, 3);
        var r = rng.Normal(1.0, 2, 3);
        var z = Reparameterization.Sample(mu, logVar, eps);
        z[1, 2].Should().BeApproximately(mu[1, 2] + Math.Exp(0.5 * logVar[1, 2]) * eps[1, 2], 1e-15);

        var (dMu, dLogVar) = Reparameterization.Backward(r, logVar, eps);
        double Loss() => NumericGradient.WeightedSum(Reparameterization.Sample(mu, logVar, eps), r);
        NumericGradient.MaxRelativeError(dMu, NumericGradient.Of(Loss, mu)).Should().BeLessThan(1e-8);
        NumericGradient.MaxRelativeError(dLogVar, NumericGradient.Of(Loss, logVar)).Should().BeLessThan(1e-8);

        var zeroEps = Tensor<double>.Zeros(2, 3);
        TensorAssert.Close(Reparameterization.Sample(mu, logVar, zeroEps), mu, 0);
        Reparameterization.Backward(r, logVar, zeroEps).DLogVar.Span.ToArray().Should().AllSatisfy(v => v.Should().Be(0));
    }

    [Fact]
    public void Bce_with_logits_is_finite_for_extreme_logits_and_matches_its_gradient()
    {
        var bce = new BinaryCrossEntropyWithLogits<double>();
        bce.Forward(Tensor<double>.Zeros(2, 2), Tensor<double>.Ones(2, 2)).Should().BeApproximately(Math.Log(2), 1e-15);

        double extreme = bce.Forward(Tensor<double>.From([1000.0, -1000, 1000, -1000], 2, 2), Tensor<double>.From([0.0, 1, 1, 0], 2, 2));
        extreme.Should().BeApproximately(500, 1e-9);       // two confidently wrong (1000 nats each), two right (0): 2000 / 4
        bce.Backward().Span.ToArray().Should().Equal(0.25, -0.25, 0, 0);

        var rng = new Rng(132);
        var logits = rng.Normal(2.0, 3, 4);
        var targets = rng.Uniform(0, 1, 3, 4);
        var perImage = new BinaryCrossEntropyWithLogits<double>(BceReduction.SumOverBatch);
        perImage.Forward(logits, targets);
        var d = perImage.Backward();
        double Loss() => new BinaryCrossEntropyWithLogits<double>(BceReduction.SumOverBatch).Forward(logits, targets);
        NumericGradient.MaxRelativeError(d, NumericGradient.Of(Loss, logits)).Should().BeLessThan(1e-8);
    }

    [Fact]
    public void Transposed_convolution_doubles_4_to_8_and_is_the_adjoint_of_conv2d()
    {
        var rng = new Rng(133);
        var w = rng.Normal(1.0, 3, 2, 4, 4);       // (Cin 3, Cout 2, K, K)
        var tconv = new ConvTranspose2d<double>(w, Tensor<double>.Zeros(2), stride: 2, pad: 1);
        var x = rng.Normal(1.0, 2, 3, 4, 4);
        var y = tconv.Forward(x);
        y.ShapeArray.Should().Equal(2, 2, 8, 8);

        var conv = new Conv2d<double>(w, Tensor<double>.Zeros(3), stride: 2, pad: 1);   // (FN 3, C 2, K, K): 8×8 → 4×4
        var u = rng.Normal(1.0, 2, 2, 8, 8);
        (conv.Forward(u) * x).Sum().Should().BeApproximately((u * y).Sum(), 1e-10);
    }

    [Fact]
    public void Transposed_convolution_gradients_match_central_differences()
    {
        var rng = new Rng(134);
        var layer = new ConvTranspose2d<double>(3, 2, 3, rng.Fork("init"), stride: 2, pad: 1);
        layer.B!.Value.CopyFrom(rng.Normal(1.0, 2));
        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 3, 3, 3), rng.Fork("check"), tolerance: 1e-6);
        layer.Invoking(l => l.Forward(Tensor<double>.Zeros(1, 2, 3, 3))).Should().Throw<ArgumentException>().WithMessage("*ConvTranspose2d*(N, 3, H, W)*");
    }

    [Fact]
    public void A_dcgan_style_generator_upsamples_2_to_8_and_its_gradients_match()
    {
        var rng = new Rng(135);
        var generator = new Sequential<double>(
            new ConvTranspose2d<double>(4, 3, 4, rng.Fork("t1"), stride: 2, pad: 1, bias: false), new BatchNorm<double>(3), new LeakyRelu<double>(0.2),
            new ConvTranspose2d<double>(3, 1, 4, rng.Fork("t2"), stride: 2, pad: 1), new Tanh<double>());
        var z = rng.Normal(1.0, 3, 4, 2, 2);
        generator.Forward(z).ShapeArray.Should().Equal(3, 1, 8, 8);
        GradAssert.LayerGradientsMatch(generator, z, rng.Fork("check"), tolerance: 1e-6);
    }
}
