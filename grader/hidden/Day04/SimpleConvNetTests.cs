// Kills: a net that ignores the filters/hidden arguments, a non-He initialisation (wrong std), a fixed internal seed
// instead of the caller's rng, a whole-net gradient that is wrong anywhere (any layer of 4.4/4.5), predictions taken
// in training mode, and a training run that does not reproduce the reference curve (pinned, 4.7).
namespace Course.Day04.Tests;

[Trait("Exercise", "4.7")]
public class SimpleConvNetTests
{
    [Fact]
    public void Parameters_have_the_documented_shapes_for_the_filters_and_hidden_arguments()
    {
        var net = new SimpleConvNet(new Rng(470), filters: 6, hidden: 20);

        net.Parameters.Select(p => p.Value.ShapeString).Should().Equal(
            ["(6, 1, 3, 3)", "(6)", "(20, 96)", "(20)", "(10, 20)", "(10)"],
            "conv W, conv b, affine1 (6 filters · 4 · 4 = 96 inputs), affine2");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Weights_are_He_initialised_from_the_callers_rng_and_biases_start_at_zero()
    {
        var a = new SimpleConvNet(new Rng(471), filters: 64, hidden: 256);
        var b = new SimpleConvNet(new Rng(471), filters: 64, hidden: 256);
        var c = new SimpleConvNet(new Rng(472), filters: 64, hidden: 256);

        double[] fanIn = [9, 64 * 16, 256];
        for (int i = 0; i < 3; i++)
        {
            var w = a.Parameters[2 * i].Value.ToArray();
            double std = Math.Sqrt(w.Select(v => v * v).Average());
            std.Should().BeApproximately(Math.Sqrt(2 / fanIn[i]), 0.12 * Math.Sqrt(2 / fanIn[i]), $"He init: std √(2/fan-in) with fan-in {fanIn[i]}");
            a.Parameters[2 * i + 1].Value.ToArray().Should().AllSatisfy(v => v.Should().Be(0), "biases start at 0");
        }
        a.Parameters[0].Value.ToArray().Should().Equal(b.Parameters[0].Value.ToArray(), "the same seed gives the same weights");
        a.Parameters[0].Value.ToArray().Should().NotEqual(c.Parameters[0].Value.ToArray(), "the weights come from the caller's rng");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_whole_net_gradient_matches_central_differences_on_a_batch_of_two()
    {
        var rng = new Rng(473);
        var net = new SimpleConvNet(rng.Fork("init"), filters: 4, hidden: 8);
        var x = rng.Uniform(0, 1, 2, 1, 8, 8);
        int[] t = [3, 7];
        net.Gradient(x, t);

        foreach (var p in net.Parameters)
        {
            var analytic = p.Grad.Clone();
            var value = p.Value;
            GradAssert.FunctionGradientMatches(v =>
            {
                p.Value = v;   // the check perturbs a copy of the parameter: evaluate the net with that copy in place
                try { return net.Loss(x, t); }
                finally { p.Value = value; }
            }, value, analytic, tolerance: 1e-6);
        }
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Predict_is_deterministic_and_returns_one_score_row_per_image()
    {
        var net = new SimpleConvNet(new Rng(474));
        var x = new Rng(475).Uniform(0, 1, 3, 1, 8, 8);

        var first = net.Predict(x);
        first.ShapeString.Should().Be("(3, 10)");
        TensorAssert.Close(net.Predict(x), first, 0, "two predictions of the same input agree");
    }

    [Fact]
    [Trait("Kind", "Convergence")]
    [Trait("Weight", "5")]
    public void Ten_epochs_on_the_digits_reach_97_percent_test_accuracy()
    {
        DigitsRun.Seed1.TestAccuracy.Should().BeGreaterThanOrEqualTo(0.97,
            "conv16–ReLU–pool–affine64–ReLU–affine10 with Momentum 0.9, lr 0.05, batch 32, seed 1, 10 epochs");
    }

    [Fact]
    [Trait("Kind", "Convergence")]
    [Trait("Weight", "5")]
    public void The_ten_epoch_loss_curve_matches_the_reference_run()
    {
        double[] pinned = [0.937167, 0.233857, 0.130484, 0.080028, 0.043961, 0.031630, 0.017222, 0.013483, 0.010693, 0.016433];
        var curve = DigitsRun.Seed1.EpochLoss;

        for (int e = 0; e < pinned.Length; e++)
            curve[e].Should().BeApproximately(pinned[e], 2e-3 * pinned[e] + 1e-4,
                $"epoch {e + 1}'s mean training loss of the seed-1 run (init from rng.Fork(\"init\") in the documented order, batches from rng.Fork(\"shuffle\"))");
    }
}
