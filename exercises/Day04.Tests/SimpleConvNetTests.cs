namespace Course.Day04.Tests;

public class SimpleConvNetTests
{
    [Fact]
    [Trait("Exercise", "4.7")]
    public void The_net_scores_ten_classes_and_its_initial_loss_is_near_ln_10()
    {
        var net = new SimpleConvNet(new Rng(43));
        var x = new Rng(44).Uniform(0, 1, 4, 1, 8, 8);

        net.Predict(x).ShapeString.Should().Be("(4, 10)", "one score per class for each image (lesson §4.8)");
        net.Parameters.Should().HaveCount(6, "conv W, b and two affine layers' W, b (lesson §4.8)");
        net.Loss(x, [0, 1, 2, 3]).Should().BeInRange(0.5, 6.0, "a fresh He-initialised net is roughly uniform: ln 10 ≈ 2.3 (lesson §4.8)");
    }
}
