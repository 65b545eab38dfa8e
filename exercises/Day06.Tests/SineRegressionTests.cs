namespace Course.Day06.Tests;

public class SineRegressionTests
{
    [Fact]
    [Trait("Exercise", "6.6")]
    public void Five_epochs_already_beat_the_persistence_baseline_on_the_training_windows()
    {
        var (train, test, persistence) = SineRegression.Run(5, new Rng(6));

        persistence.Should().BeInRange(0.005, 0.015, "‘repeat the last value’ pays the step of the sine and twice the noise (lesson §6.6)");
        double.IsFinite(train).Should().BeTrue();
        test.Should().BeLessThan(persistence, "the RNN learns to extrapolate the wave (lesson §6.6)");
    }
}
