// Kills: D2-M4 early stopping keeps the last instead of the best weights, or restores references that were mutated
//        afterwards · patience counter not reset on improvement.

namespace Course.Day02.Tests;

[Trait("Exercise", "2.4")]
public class EarlyStoppingTests
{
    private static readonly double[] Losses = [1.0, 0.8, 0.85, 0.9, 0.7, 0.75, 0.76, 0.77];

    [Fact]
    [Trait("Weight", "3")]
    public void The_curriculum_sequence_stops_after_the_eighth_call_not_the_sixth()
    {
        var p = new Parameter("W", Tensor.Zeros(1));
        var stopper = new EarlyStopping(3);
        var decisions = Losses.Select(l => stopper.ShouldStop(l, [p])).ToArray();
        decisions.Should().Equal([false, false, false, false, false, false, false, true],
            "the no-improvement counter resets at the new best 0.7 (epoch 4), so the third bad epoch in a row is epoch 7");
        stopper.BestEpoch.Should().Be(4);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void RestoreBest_brings_back_the_values_of_the_best_epoch_after_in_place_training()
    {
        var w = new Parameter("W", Tensor.Zeros(3));
        var b = new Parameter("b", Tensor.Zeros(2));
        var stopper = new EarlyStopping(3);
        for (int epoch = 0; epoch < Losses.Length; epoch++)
        {
            // "training": the optimiser mutates the same tensors in place every epoch
            w.Value.AddInPlace(Tensor.Ones(3));
            b.Value.AddInPlace(Tensor.Full(10.0, 2));
            if (stopper.ShouldStop(Losses[epoch], [w, b])) break;
        }
        var wTensor = w.Value;
        stopper.RestoreBest([w, b]);
        w.Value.ToArray().Should().Equal([5.0, 5.0, 5.0], "the best epoch (4) had W = 5 after five in-place updates; a stored reference would show the last value 8");
        b.Value.ToArray().Should().Equal([50.0, 50.0], "every parameter is restored");
        w.Value.Should().BeSameAs(wTensor, "values are copied back into the parameter's tensor (CopyFrom)");
    }

    [Fact]
    public void The_snapshot_is_not_changed_by_training_after_RestoreBest()
    {
        var w = new Parameter("W", Tensor.Full(2.0, 2));
        var stopper = new EarlyStopping(2);
        stopper.ShouldStop(1.0, [w]);
        stopper.RestoreBest([w]);
        w.Value.AddInPlace(Tensor.Ones(2));
        stopper.RestoreBest([w]);
        w.Value.ToArray().Should().Equal([2.0, 2.0], "RestoreBest copies values; it must not hand its snapshot to the parameter");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void MinDelta_blocks_tiny_improvements()
    {
        var p = new Parameter("W", Tensor.Zeros(1));
        var stopper = new EarlyStopping(2, minDelta: 0.01);
        stopper.ShouldStop(1.0, [p]).Should().BeFalse();
        stopper.ShouldStop(0.995, [p]).Should().BeFalse("0.005 < minDelta is no improvement (first bad epoch)");
        stopper.ShouldStop(0.992, [p]).Should().BeTrue("second epoch in a row without an improvement larger than minDelta");
        stopper.BestEpoch.Should().Be(0);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void NaN_loss_counts_as_no_improvement()
    {
        var p = new Parameter("W", Tensor.Zeros(1));
        var stopper = new EarlyStopping(2);
        stopper.ShouldStop(0.5, [p]).Should().BeFalse();
        stopper.ShouldStop(double.NaN, [p]).Should().BeFalse();
        stopper.ShouldStop(double.NaN, [p]).Should().BeTrue("two NaN epochs are two epochs without improvement");
        stopper.BestEpoch.Should().Be(0, "a NaN loss is never the best");
    }

    [Fact]
    public void A_NaN_first_epoch_does_not_become_the_best()
    {
        var p = new Parameter("W", Tensor.Zeros(1));
        var stopper = new EarlyStopping(5);
        stopper.ShouldStop(double.NaN, [p]);
        stopper.ShouldStop(3.0, [p]);
        stopper.BestEpoch.Should().Be(1, "the first finite loss improves on 'no best yet'");
    }
}
