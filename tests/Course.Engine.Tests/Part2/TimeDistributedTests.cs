using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class TimeDistributedTests
{
    [Fact]
    public void TimeAffine_applies_one_affine_map_per_step_and_passes_the_gradient_check()
    {
        var rng = new Rng(100);
        var layer = new TimeAffine<double>(4, 3, rng);
        layer.B.Value.CopyFrom(rng.Normal(1.0, 3));
        var x = rng.Normal(1.0, 2, 5, 4);
        var y = layer.Forward(x);
        var step = Ops.MatMul(x.Row(1).Slice(0, 2, 1), layer.W.Value, transB: true) + layer.B.Value;
        TensorAssert.Close(y.Row(1).Slice(0, 2, 1), step, 1e-14);
        GradAssert.LayerGradientsMatch(layer, x, rng);
    }

    [Fact]
    public void Time_softmax_loss_averages_over_all_positions_and_its_gradient_is_p_minus_onehot_over_count()
    {
        var rng = new Rng(101);
        var scores = rng.Normal(2.0, 2, 3, 4);
        int[,] labels = { { 0, 3, 1 }, { 2, 2, 0 } };
        var loss = new TimeSoftmaxWithLoss<double>();
        double value = loss.Forward(scores, labels);

        double expected = 0;
        for (int n = 0; n < 2; n++)
        for (int t = 0; t < 3; t++)
        {
            double z = Enumerable.Range(0, 4).Sum(v => Math.Exp(scores[n, t, v]));
            expected -= Math.Log(Math.Exp(scores[n, t, labels[n, t]]) / z);
        }
        value.Should().BeApproximately(expected / 6, 1e-12);

        var d = loss.Backward();
        double Loss() => new TimeSoftmaxWithLoss<double>().Forward(scores, labels);
        NumericGradient.MaxRelativeError(d, NumericGradient.Of(Loss, scores)).Should().BeLessThan(1e-7);
    }

    [Fact]
    public void Ignored_positions_add_neither_loss_nor_gradient()
    {
        var rng = new Rng(102);
        var scores = rng.Normal(1.0, 1, 4, 3);
        var loss = new TimeSoftmaxWithLoss<double>(ignoreIndex: -1);
        double withIgnored = loss.Forward(scores, new[,] { { 2, -1, 0, -1 } });
        var d = loss.Backward();
        d.Row(0).Row(1).ToArray().Should().Equal(0, 0, 0);

        double only = new TimeSoftmaxWithLoss<double>().Forward(
            Ops.Concat(1, scores.Slice(1, 0, 1), scores.Slice(1, 2, 1)), new[,] { { 2, 0 } });
        withIgnored.Should().BeApproximately(only, 1e-14);
    }
}
