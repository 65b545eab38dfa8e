namespace Course.Day08.Tests;

public class VaeTests
{
    [Fact]
    [Trait("Exercise", "8.5")]
    public void Encode_gives_mu_and_logVar_of_the_latent_size_and_the_loss_terms_are_positive()
    {
        var vae = new Vae(2, new Rng(7));
        var x = Digits.Load().Test.X.Slice(0, 0, 6).Clone();

        var (mu, logVar) = vae.Encode(x);
        mu.Shape.ToArray().Should().Equal([6, 2], "μ has one entry per latent dimension (lesson §8.5)");
        logVar.Shape.ToArray().Should().Equal([6, 2]);
        var (rec, kl) = vae.Loss(x, new Rng(8));
        rec.Should().BeInRange(20, 60, "an untrained decoder pays about 64·ln 2 ≈ 44 nats minus what the pixel means give away");
        kl.Should().BeGreaterThanOrEqualTo(0, "a KL divergence is never negative");
    }

    [Fact]
    [Trait("Exercise", "8.5")]
    public void Samples_are_n_images_of_pixel_probabilities()
    {
        var images = new Vae(2, new Rng(9)).SampleImages(4, new Rng(10));

        images.Shape.ToArray().Should().Equal([4, 64]);
        images.ToArray().Should().OnlyContain(v => v > 0 && v < 1, "the decoder's logits go through a sigmoid (lesson §8.5)");
    }
}
