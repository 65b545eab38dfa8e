namespace Course.Day08.Tests;

public class DcganTests
{
    [Fact]
    [Trait("Exercise", "8.7")]
    public void The_generator_makes_8_by_8_images_in_minus_1_to_1_and_D_gives_one_logit_each()
    {
        var gan = new Dcgan(new Rng(15));
        var noise = new Rng(16).Normal(1.0, 3, 16);

        var images = gan.Generate(noise);
        images.Shape.ToArray().Should().Equal([3, 1, 8, 8], "two transposed convolutions double 2×2 twice (lesson §8.7)");
        images.ToArray().Should().OnlyContain(v => v >= -1 && v <= 1, "tanh output");
        gan.Discriminator.Forward(images, training: false).Shape.ToArray().Should().Equal([3, 1]);
    }
}
