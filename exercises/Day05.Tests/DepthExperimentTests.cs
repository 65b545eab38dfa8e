namespace Course.Day05.Tests;

[Trait("Exercise", "5.4")]
public class DepthExperimentTests
{
    [Fact]
    public void A_shallow_residual_run_reports_one_loss_per_epoch_and_a_finite_gradient()
    {
        var result = DepthExperiment.Run(2, residual: true, epochs: 2, new Rng(3));

        result.EpochLoss.Should().HaveCount(2, "one mean training loss per epoch (lesson §5.4)");
        result.EpochLoss[1].Should().BeLessThan(result.EpochLoss[0], "a 2-block residual net learns");
        result.TestAccuracy.Should().BeInRange(0, 1);
        double.IsFinite(result.FirstLayerGradNorm).Should().BeTrue();
    }
}
