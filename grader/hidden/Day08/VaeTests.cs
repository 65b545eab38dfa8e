// Kills: D8-M2 z sampled without the reparameterisation path (the encoder gets only the KL gradient) or a new ε in
// Backward; the KL taken from z instead of the encoder's (μ, logVar); reconstruction averaged over pixels instead of
// summed; probabilities instead of logits in the BCE; ε not drawn from the given rng, or one ε reused for every batch;
// samples not from the prior; a Loss that under-reports a term, or a loss and Backward wrong in the same way (the test
// −ELBO and the gradient check use the documented loss, computed test side).
using Course.Engine.Optimizers;

namespace Course.Day08.Tests;

[Trait("Exercise", "8.5")]
public class VaeTests
{
    private static Tensor Images(int n) => Reference.Digits8x8.Value.Test.X.Slice(0, 0, n).Clone();

    [Fact]
    [Trait("Weight", "4")]
    [Trait("Kind", "Convergence")]
    public void After_10_epochs_the_test_negative_ELBO_is_at_most_28_5_and_15_percent_below_epoch_1()
    {
        var run = Reference.Vae10.Value;

        run.TestElbo[9].Should().BeLessThanOrEqualTo(28.5, "nats per image on the test digits, latent 2");
        run.TestElbo[9].Should().BeLessThanOrEqualTo(0.85 * run.TestElbo[0], "ten epochs improve clearly on the first");
        run.TestKl[9].Should().BeInRange(0.5, 5, "the code carries a few nats of information");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_reference_run_is_pinned()
    {
        var run = Reference.Vae10.Value;

        run.TrainLosses[0].Should().BeApproximately(40.182167115929055, 1e-8, "epoch 1: the permutation, then one ε per batch, from Rng 51");
        run.TestElbo[0].Should().BeApproximately(31.341261009375255 + 1.7288602326168252, 1e-8, "test −ELBO after epoch 1 (ε from Rng 52)");
        run.TestElbo[9].Should().BeApproximately(25.592419958970048 + 1.7783240157663938, 1e-5, "test −ELBO after epoch 10");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Gradients_of_the_full_loss_with_eps_frozen_match_central_differences_within_1e_6()
    {
        var vae = new Vae(2, new Rng(51));
        foreach (var p in vae.Parameters.Where(p => p.Name == "b")) p.Value.CopyFrom(new Rng(52).Normal(0.3, p.Value.ShapeArray));
        var x = Images(3);
        var eps = new Rng(53).Normal(1.0, 3, 2);

        vae.Loss(x, eps);
        vae.Backward();

        Reference.ParametersMatch(vae.Parameters, () => LossTerms(vae, x, eps), 1e-6);
    }

    /// <summary>
    /// −ELBO with ε frozen as its terms, for the term-by-term central differences: per pixel softplus(l) − x·l over N,
    /// per latent dimension −½(1 + logVar − μ² − exp(logVar)) over N. The pixel logits l come from the documented decoder,
    /// Affine(latent, 64) → ReLU → Affine(64, 64), read off <see cref="Vae.Parameters"/> (#6 to #9): Decode returns
    /// σ(l), and 1 − σ(l) would round at 1e-16 absolute, far coarser than the terms themselves.
    /// </summary>
    internal static Tensor LossTerms(Vae vae, Tensor x, Tensor eps)
    {
        int n = x.Dim(0);
        var (mu, logVar) = vae.Encode(x);
        var z = mu + Ops.Exp(logVar * 0.5) * eps;
        var ps = vae.Parameters;
        var h = Ops.MatMul(z, ps[6].Value, transB: true) + ps[7].Value;
        h = h.Map(v => Math.Max(v, 0));
        var logits = Ops.MatMul(h, ps[8].Value, transB: true) + ps[9].Value;
        var terms = new List<double>(logits.Length + mu.Length);
        for (int i = 0; i < logits.Length; i++)
        {
            double l = logits.Span[i];
            terms.Add((Math.Max(l, 0) + Math.Log(1 + Math.Exp(-Math.Abs(l))) - x.Span[i] * l) / n);
        }
        for (int i = 0; i < mu.Length; i++)
            terms.Add(-0.5 * (1 + logVar.Span[i] - mu.Span[i] * mu.Span[i] - Math.Exp(logVar.Span[i])) / n);
        return Tensor.From([.. terms], terms.Count);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_KL_term_comes_from_the_encoder_not_from_the_sampled_z()
    {
        var vae = new Vae(3, new Rng(54));
        var x = Images(5);
        var (mu, logVar) = vae.Encode(x);
        double expected = Kl.ToStandardNormal(mu, logVar);

        vae.Loss(x, new Rng(55).Normal(1.0, 5, 3)).Kl.Should().BeApproximately(expected, 1e-12, "KL(q(z|x) ‖ p(z)) from (μ, logVar)");
        vae.Loss(x, new Rng(56).Normal(1.0, 5, 3)).Kl.Should().BeApproximately(expected, 1e-12, "so it does not change with ε");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Reconstruction_is_the_BCE_summed_over_pixels_and_averaged_over_the_batch()
    {
        var vae = new Vae(2, new Rng(57));
        var x = Images(4);
        var (mu, _) = vae.Encode(x);
        var p = vae.Decode(mu);
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum -= x.Span[i] * Math.Log(p.Span[i]) + (1 - x.Span[i]) * Math.Log(1 - p.Span[i]);

        vae.Loss(x, Tensor.Zeros(4, 2)).Reconstruction.Should().BeApproximately(sum / 4, 1e-9, "ε = 0 decodes μ; −Σ [x log p + (1 − x) log(1 − p)] / N");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Loss_with_an_rng_draws_eps_as_rng_Normal_1_N_latent()
    {
        var vae = new Vae(2, new Rng(58));
        var x = Images(3);

        vae.Loss(x, new Rng(59)).Should().Be(vae.Loss(x, new Rng(59).Normal(1.0, 3, 2)));
    }

    [Fact]
    [Trait("Weight", "1")]
    public void SampleImages_decodes_z_drawn_from_the_prior()
    {
        var vae = new Vae(2, new Rng(60));

        TensorAssert.Close(vae.SampleImages(5, new Rng(61)), vae.Decode(new Rng(61).Normal(1.0, 5, 2)), 0, "z = rng.Normal(1.0, n, latent)");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void TrainEpoch_draws_a_fresh_eps_per_batch_from_the_given_rng()
    {
        var train = Reference.Digits8x8.Value.Train.Take(128);
        double Run(ulong seed) => new Vae(2, new Rng(62)).TrainEpoch(train, 32, new Adam<double>(1e-3), new Rng(seed));

        Run(1).Should().Be(Run(1));
        Run(2).Should().NotBe(Run(1), "shuffling and ε come from the given rng");
    }

    [Fact]
    public void Wrong_shapes_throw_an_ArgumentException()
    {
        var vae = new Vae(2, new Rng(63));
        var a = () => vae.Encode(Tensor.Zeros(2, 60));
        var b = () => vae.Decode(Tensor.Zeros(2, 3));
        var c = () => vae.Loss(Images(2), Tensor.Zeros(2, 3));
        a.Should().Throw<ArgumentException>();
        b.Should().Throw<ArgumentException>();
        c.Should().Throw<ArgumentException>();
    }
}
