using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day08;

/// <summary>Exercise 8.7 — a small DCGAN for 8×8 digits: transposed convolutions up, strided convolutions down (lesson §8.7).</summary>
/// <remarks>
/// G: z (N, 16) → Affine(16, 128) → as (N, 32, 2, 2) → BatchNorm(32) → ReLU → TransposedConv2d(32 → 16, K 4, stride 2,
/// pad 1, no bias) → (N, 16, 4, 4) → BatchNorm(16) → ReLU → TransposedConv2d(16 → 1, K 4, stride 2, pad 1) → (N, 1, 8, 8)
/// → Tanh. D: Conv2d(1 → 16, K 4, stride 2, pad 1) → LeakyRelu(0.2) → Conv2d(16 → 32, K 4, stride 2, pad 1, no bias)
/// → BatchNorm(32) → LeakyRelu(0.2) → Affine(128, 1) → logit. Every weight is N(0, 0.02²) (the DCGAN paper's init),
/// drawn with <c>rng.Normal(0.02, shape)</c> in exactly this order: G's Affine, TConv 1, TConv 2, then D's Conv 1,
/// Conv 2, Affine; biases start at zero. Each network has its own <c>Adam&lt;double&gt;(2e-4, beta1: 0.5)</c>.
/// BatchNorm and its running statistics: the D half runs D once, in training mode, on the batch [real; G(z)]
/// (concatenated along N, so both halves are normalised with the same statistics); the G half runs D in training mode
/// on G(z). So one <see cref="Step"/> updates D's running statistics twice: with the concatenated batch, then with the
/// fakes of the G half (after D's update). G runs in training mode in both halves; <see cref="Generate"/> by default uses its
/// running statistics.
/// </remarks>
public sealed class Dcgan
{
    public const int NoiseDim = 16;
    public const double LearningRate = 2e-4, Beta1 = 0.5, InitStd = 0.02;

    private readonly Affine<double> _project;
    private readonly Sequential<double> _upsample;
    private readonly Parameter[] _gParameters;
    private readonly Adam<double> _optG = new(LearningRate, Beta1);
    private readonly Adam<double> _optD = new(LearningRate, Beta1);

    public Dcgan(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _project = new Affine<double>(rng.Normal(InitStd, 128, NoiseDim), Tensor.Zeros(128));
        var up1 = new TransposedConv2d(rng.Normal(InitStd, 32, 16, 4, 4), null, 2, 1);
        var up2 = new TransposedConv2d(rng.Normal(InitStd, 16, 1, 4, 4), Tensor.Zeros(1), 2, 1);
        _upsample = new Sequential<double>(new BatchNorm<double>(32), new Relu<double>(), up1,
                                           new BatchNorm<double>(16), new Relu<double>(), up2, new Tanh<double>());
        _gParameters = [.. _project.Parameters, .. _upsample.Parameters];
        Discriminator = new Sequential<double>(
            new Conv2d<double>(rng.Normal(InitStd, 16, 1, 4, 4), Tensor.Zeros(16), 2, 1), new LeakyRelu<double>(0.2),
            new Conv2d<double>(rng.Normal(InitStd, 32, 16, 4, 4), null, 2, 1), new BatchNorm<double>(32), new LeakyRelu<double>(0.2),
            new Affine<double>(rng.Normal(InitStd, 1, 128), Tensor.Zeros(1)));
    }

    /// <summary>D as a chain of layers: images (N, 1, 8, 8) → logits (N, 1).</summary>
    public Sequential<double> Discriminator { get; }

    /// <summary>G's parameters: the Affine's W, b, then the upsampling layers' in order.</summary>
    public IReadOnlyList<Parameter> GeneratorParameters => _gParameters;
    public IReadOnlyList<Parameter> DiscriminatorParameters => Discriminator.Parameters;

    /// <summary>The discriminator update, then the generator update, on the same noise.</summary>
    /// <param name="realImages">(N, 1, 8, 8) scaled to [−1, 1].</param>
    /// <param name="noise">(N, 16).</param>
    public (double DLoss, double GLoss) Step(Tensor realImages, Tensor noise)
    {
        double dLoss = DiscriminatorStep(realImages, noise);
        double gLoss = GeneratorStep(noise);
        return (dLoss, gLoss);
    }

    /// <summary>One Adam step of D on [real; G(noise)] (labels 1 and 0); G(noise) is detached, G is not touched.</summary>
    /// <returns>The discriminator loss before the update.</returns>
    public double DiscriminatorStep(Tensor realImages, Tensor noise)
    {
        if (realImages.Rank != 4 || realImages.Dim(1) != 1 || realImages.Dim(2) != 8 || realImages.Dim(3) != 8)
            throw new ArgumentException($"Dcgan: expected real images of shape (N, 1, 8, 8), got {realImages.ShapeString}.", nameof(realImages));
        var fake = GeneratorForward(noise, training: true);
        int n = realImages.Dim(0);
        var logits = Discriminator.Forward(Ops.Concat(0, realImages, fake));
        var real = logits.Slice(0, 0, n).Clone();
        var fakeLogits = logits.Slice(0, n, fake.Dim(0)).Clone();
        double loss = GanLoss.Discriminator(real, fakeLogits);
        var (dReal, dFake) = GanLoss.DiscriminatorGradient(real, fakeLogits);
        Discriminator.BackwardParameters(Ops.Concat(0, dReal, dFake));
        _optD.Step(Discriminator.Parameters);
        return loss;
    }

    /// <summary>One Adam step of G on −mean log σ(D(G(noise))) through D, whose parameters stay as they are.</summary>
    /// <returns>The generator loss before the update.</returns>
    public double GeneratorStep(Tensor noise)
    {
        var fake = GeneratorForward(noise, training: true);
        var logits = Discriminator.Forward(fake);
        double loss = GanLoss.Generator(logits);
        var dFake = Discriminator.Backward(GanLoss.GeneratorGradient(logits));
        var dProjected = _upsample.Backward(dFake);
        _project.BackwardParameters(dProjected.Reshape(dProjected.Dim(0), 128));
        _optG.Step(_gParameters);
        return loss;
    }

    /// <summary>
    /// G(noise): (N, 16) → images (N, 1, 8, 8) in [−1, 1]. By default with BatchNorm's running statistics; with
    /// <paramref name="training"/> true with the batch's statistics (updating the running ones), as the two halves run G.
    /// </summary>
    public Tensor Generate(Tensor noise, bool training = false) => GeneratorForward(noise, training);

    private Tensor GeneratorForward(Tensor noise, bool training)
    {
        if (noise.Rank != 2 || noise.Dim(1) != NoiseDim)
            throw new ArgumentException($"Dcgan: expected noise of shape (N, {NoiseDim}), got {noise.ShapeString}.", nameof(noise));
        var h = _project.Forward(noise, training);
        return _upsample.Forward(h.Reshape(noise.Dim(0), 32, 2, 2), training);
    }
}
