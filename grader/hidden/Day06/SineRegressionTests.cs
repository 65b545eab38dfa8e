// Kills: predicting from the first step instead of the last; the gradient put on every step; no training (epochs
// ignored); the rng ignored (fixed data); the wrong split or baseline; one permutation reused for every epoch.
namespace Course.Day06.Tests;

[Trait("Exercise", "6.6")]
public class SineRegressionTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void After_20_epochs_the_test_MSE_is_below_0_006_and_below_0_6_times_the_persistence_baseline()
    {
        var (_, test, persistence) = Reference.Sine20.Value;

        test.Should().BeLessThan(0.006, "the RNN should approach the noise floor 0.05² = 0.0025");
        test.Should().BeLessThan(0.6 * persistence, "the RNN must beat 'repeat the last value' clearly");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_reference_run_with_Rng_6_is_pinned()
    {
        var (train, test, persistence) = Reference.Sine20.Value;

        persistence.Should().BeApproximately(0.00921573922177562, 1e-12, "the persistence MSE on the last 200 windows of NoisySine(1000, 20, 0.05, rng)");
        train.Should().BeApproximately(0.005498297511846733, 1e-7, "the reference train MSE after 20 epochs (data, TimeRnn, Affine, then one permutation per epoch from the same rng)");
        test.Should().BeApproximately(0.004612781661586204, 1e-7, "the reference test MSE after 20 epochs");
    }

    [Fact]
    public void Epochs_and_rng_are_used()
    {
        var untrained = SineRegression.Run(0, new Rng(6));
        var otherSeed = SineRegression.Run(0, new Rng(7));

        untrained.PersistenceMse.Should().Be(Reference.Sine20.Value.PersistenceMse, "the baseline depends on the data only, drawn first");
        untrained.TestMse.Should().BeGreaterThan(10 * Reference.Sine20.Value.TestMse, "0 epochs means no training");
        otherSeed.PersistenceMse.Should().NotBe(untrained.PersistenceMse, "the noise comes from the given rng");
        untrained.TestMse.Should().BeApproximately(3.5852073775924076, 1e-9, "the untrained reference model (TimeRnn then Affine drawn after the data)");
    }
}
