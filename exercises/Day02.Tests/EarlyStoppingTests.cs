namespace Course.Day02.Tests;

[Trait("Exercise", "2.4")]
public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_improvement_and_remembers_the_best_epoch()
    {
        var p = new Parameter("W", Tensor.Zeros(2));
        var stopper = new EarlyStopping(patience: 3);
        double[] losses = [1.0, 0.8, 0.85, 0.9, 0.7, 0.75, 0.76, 0.77];
        int calls = 0;
        foreach (double loss in losses)
        {
            calls++;
            if (stopper.ShouldStop(loss, [p])) break;
        }
        calls.Should().Be(8, "after the best loss 0.7 (epoch 4) three epochs in a row bring no improvement; the counter resets on improvement (lesson §2.4)");
        stopper.BestEpoch.Should().Be(4, "BestEpoch is the 0-based index of the smallest validation loss");
    }
}
