namespace Course.Day01.Tests;

[Trait("Exercise", "1.7")]
public class TwoLayerNetTests
{
    [Fact]
    public void Parameters_are_W1_b1_W2_b2_with_the_layer_shapes()
    {
        var net = new TwoLayerNet(64, 50, 10, new Rng(1));

        net.Parameters.Select(p => p.Name).Should().Equal(["W1", "b1", "W2", "b2"], "the net exposes its parameters in layer order");
        net.Parameters.Select(p => p.Value.ShapeString).Should().Equal(["(50, 64)", "(50)", "(10, 50)", "(10)"],
            "W is [out, in] and b is [out] (lesson §1.3)");
        net.Parameters.Sum(p => p.Value.Length).Should().Be(64 * 50 + 50 + 50 * 10 + 10, "(64 + 1)·50 + (50 + 1)·10 = 3,760 parameters");
    }

    [Fact]
    public void An_untrained_net_scores_every_class_about_equally_so_the_loss_is_near_ln_10()
    {
        var rng = new Rng(2);
        var net = new TwoLayerNet(64, 50, 10, rng.Fork("init"));
        var x = rng.Uniform(0, 1, 8, 64);

        var scores = net.Predict(x);
        double loss = net.Loss(x, [0, 1, 2, 3, 4, 5, 6, 7]);

        scores.Shape.ToArray().Should().Equal([8, 10], "Predict returns scores [N, out]");
        loss.Should().BeApproximately(Math.Log(10), 0.01, "with weights of std 0.01 every score is ≈ 0, softmax ≈ 1/10, and −ln(1/10) = 2.303");
    }

    [Fact]
    public void Gradient_fills_every_parameter_gradient_with_the_parameter_shape()
    {
        var rng = new Rng(3);
        var net = new TwoLayerNet(4, 5, 3, rng.Fork("init"), weightInitStd: 1.0);

        net.Gradient(rng.Normal(1.0, 6, 4), [0, 1, 2, 0, 1, 2]);

        foreach (var p in net.Parameters)
        {
            p.Grad.ShapeString.Should().Be(p.Value.ShapeString, $"{p.Name}.Grad has {p.Name}'s shape");
            p.Grad.ToArray().Should().Contain(v => v != 0, $"backprop reaches {p.Name}");
        }
    }

    [Fact]
    public void Accuracy_is_the_fraction_of_rows_whose_top_score_is_the_label()
    {
        var net = new TwoLayerNet(2, 3, 2, new Rng(4));
        foreach (var p in net.Parameters) p.Value.Clear();
        net.Parameters[3].Value[1] = 1;   // b2 = [0, 1]: every row predicts class 1

        net.Accuracy(Tensor.Zeros(4, 2), [1, 1, 0, 1]).Should().Be(0.75, "3 of the 4 labels are 1");
    }
}
