// Kills: no training (the epoch loop or the optimiser step missing); a wrong loss scale (½, per-batch sums, not
// averaged over pixels); a missing sigmoid or ReLU; the bottleneck argument ignored; the rng ignored or drawn in a
// different order; a gradient that skips a layer; a loss and Backward scaled wrong in the same way (the gradient check
// differences the documented loss, computed test side).
using Course.Engine.Optimizers;

namespace Course.Day08.Tests;

[Trait("Exercise", "8.3")]
public class AutoencoderTests
{
    [Fact]
    [Trait("Weight", "3")]
    [Trait("Kind", "Convergence")]
    public void After_30_epochs_the_test_MSE_is_below_0_045_and_well_below_the_mean_image()
    {
        var run = Reference.Ae30.Value;

        run.TestMse.Should().BeLessThan(0.045, "predicting the mean image already gives 0.073");
        run.TrainLosses[^1].Should().BeLessThan(0.5 * run.TrainLosses[0], "the training loss falls over the 30 epochs");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void The_reference_run_is_pinned()
    {
        var run = Reference.Ae30.Value;

        run.UntrainedTestMse.Should().BeApproximately(0.18112311659888622, 1e-12, "the untrained model drawn from Rng 8 in the documented layer order");
        run.TrainLosses[0].Should().BeApproximately(0.14389255397476322, 1e-9, "the first epoch's mean loss (batches of d.Batches(32, rng), weighted by size)");
        run.TestMse.Should().BeApproximately(0.02269057017262679, 1e-6, "the reference test MSE after 30 epochs");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Whole_model_gradients_match_central_differences_within_1e_6_on_a_batch_of_3()
    {
        var ae = new Autoencoder(new Rng(31));
        foreach (var p in ae.Parameters.Where(p => p.Name == "b")) p.Value.CopyFrom(new Rng(32).Normal(0.3, p.Value.ShapeArray));
        var x = Reference.Digits8x8.Value.Test.X.Slice(0, 0, 3).Clone();

        ae.Loss(x);
        ae.Backward();

        Reference.ParametersMatch(ae.Parameters, () => LossTerms(ae, x), 1e-6);
    }

    /// <summary>The loss as its N·64 terms (x̂ − x)² / (N·64), for the term-by-term central differences.</summary>
    internal static Tensor LossTerms(Autoencoder ae, Tensor x)
    {
        var d = ae.Reconstruct(x) - x;
        return d * d / x.Length;
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_loss_is_the_squared_error_averaged_over_every_pixel()
    {
        var ae = new Autoencoder(new Rng(33));
        var x = Reference.Digits8x8.Value.Test.X.Slice(0, 0, 4).Clone();

        var d = ae.Reconstruct(x) - x;
        ae.Loss(x).Should().BeApproximately((d * d).Sum() / (4 * 64), 1e-14, "L = Σ (x̂ − x)² / (N·64)");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void The_bottleneck_argument_sets_the_code_size_and_the_parameter_count()
    {
        var ae = new Autoencoder(new Rng(34), bottleneck: 4);
        var x = Reference.Digits8x8.Value.Test.X.Slice(0, 0, 2).Clone();

        ae.Encode(x).Shape.ToArray().Should().Equal([2, 4]);
        ae.Decode(Tensor.Zeros(2, 4)).Shape.ToArray().Should().Equal([2, 64]);
        new Autoencoder(new Rng(34)).Parameters.Sum(p => p.Value.Length).Should().Be(4744, "64·32+32 + 32·8+8 + 8·32+32 + 32·64+64");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void TrainEpoch_uses_the_given_rng_and_optimiser()
    {
        var train = Reference.Digits8x8.Value.Train.Take(256);
        double Run(ulong shuffle, double lr) => new Autoencoder(new Rng(35)).TrainEpoch(train, 32, new Adam<double>(lr), new Rng(shuffle));

        double a = Run(1, 1e-3);
        Run(1, 1e-3).Should().Be(a, "the same seeds give the same epoch");
        Run(2, 1e-3).Should().NotBe(a, "the batches come from the given rng");
        Run(1, 1e-2).Should().NotBe(a, "the optimiser's learning rate is used");
    }

    [Fact]
    public void Wrong_input_shapes_throw_an_ArgumentException()
    {
        var ae = new Autoencoder(new Rng(36));
        var a = () => ae.Encode(Tensor.Zeros(2, 63));
        var b = () => ae.Decode(Tensor.Zeros(2, 9));
        a.Should().Throw<ArgumentException>();
        b.Should().Throw<ArgumentException>();
    }
}
