namespace Course.Day08.Tests;

public class AutoencoderTests
{
    [Fact]
    [Trait("Exercise", "8.3")]
    public void Codes_are_N_by_8_and_reconstructions_are_pixels_in_0_1()
    {
        var ae = new Autoencoder(new Rng(3));
        var x = Digits.Load().Test.X.Slice(0, 0, 5).Clone();

        ae.Encode(x).Shape.ToArray().Should().Equal([5, 8], "the bottleneck has 8 units (lesson §8.3)");
        var y = ae.Reconstruct(x);
        y.Shape.ToArray().Should().Equal([5, 64]);
        y.ToArray().Should().OnlyContain(v => v > 0 && v < 1, "a sigmoid output keeps reconstructions in (0, 1) like the pixels");
    }

    [Fact]
    [Trait("Exercise", "8.3")]
    public void Two_epochs_lower_the_reconstruction_error()
    {
        var (train, test) = Digits.Load();
        var ae = new Autoencoder(new Rng(4));
        double before = ae.Loss(test.X);
        var opt = new Course.Engine.Optimizers.Adam<double>(1e-3);
        var rng = new Rng(5);

        ae.TrainEpoch(train, 32, opt, rng);
        ae.TrainEpoch(train, 32, opt, rng);

        ae.Loss(test.X).Should().BeLessThan(before, "training must reduce the mean squared error (lesson §8.3)");
    }
}
