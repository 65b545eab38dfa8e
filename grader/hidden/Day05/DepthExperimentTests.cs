// Kills: residual path missing in forward or backward (h ← σ(Wh + b) only); gradient not summed over the identity
// path; wrong learning rate/batch/init (pinned loss bands); epochs ignored; rng ignored (non-deterministic runs).
namespace Course.Day05.Tests;

[Trait("Exercise", "5.4")]
[Trait("Kind", "Convergence")]
public class DepthExperimentTests
{
    private static readonly Lazy<DepthResult> Plain = new(() => DepthExperiment.Run(10, residual: false, epochs: 5, new Rng(42)));
    private static readonly Lazy<DepthResult> Residual = new(() => DepthExperiment.Run(10, residual: true, epochs: 5, new Rng(42)));

    [Fact]
    [Trait("Weight", "3")]
    public void Plain_depth_10_sigmoid_net_does_not_learn()
    {
        Plain.Value.EpochLoss.Should().HaveCount(5, "one mean loss per epoch");
        Plain.Value.EpochLoss[^1].Should().BeGreaterThan(2.2, "ten stacked sigmoids starve the lower layers of gradient: the loss stays near ln 10");
        Plain.Value.TestAccuracy.Should().BeLessThan(0.3, "the plain net stays near chance");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Residual_depth_10_net_keeps_learning_where_the_plain_one_is_stuck()
    {
        // Pinned C# run (seed 42, 5 epochs): residual 6.99 → 2.29, plain 2.318 → 2.307.
        var r = Residual.Value.EpochLoss;
        r[^1].Should().BeLessThan(0.5 * r[0], "the identity path carries the gradient to every layer, so the loss keeps falling");
        r[^1].Should().BeLessThan(r[^2], "still falling in the last epoch");
        (Plain.Value.EpochLoss[0] - Plain.Value.EpochLoss[^1]).Should().BeLessThan(0.05, "the plain net's loss barely moves");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Residual_first_layer_gradient_is_ten_thousand_times_the_plain_one()
    {
        Residual.Value.FirstLayerGradNorm.Should().BeGreaterThan(1e4 * Plain.Value.FirstLayerGradNorm,
            "σ' ≤ 1/4 per plain layer shrinks the gradient geometrically; y = x + F(x) adds the identity to each Jacobian");
        Plain.Value.FirstLayerGradNorm.Should().BeGreaterThan(0, "the gradient vanishes, it is not exactly zero");
    }

    [Fact]
    public void Same_seed_gives_the_same_run_and_epochs_are_honoured()
    {
        var a = DepthExperiment.Run(2, residual: true, epochs: 2, new Rng(7));
        var b = DepthExperiment.Run(2, residual: true, epochs: 2, new Rng(7));

        a.EpochLoss.Should().HaveCount(2, "epochs = 2");
        a.EpochLoss.Should().Equal(b.EpochLoss, "init and batch order come only from the given Rng");
        a.FirstLayerGradNorm.Should().Be(b.FirstLayerGradNorm);
    }
}
