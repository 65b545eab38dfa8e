namespace Course.Day06.Tests;

public class TimeRnnTests
{
    [Fact]
    [Trait("Exercise", "6.5")]
    public void TimeRnn_maps_N_T_D_to_N_T_H_and_passes_a_gradient_check()
    {
        var rng = new Rng(4);
        var rnn = new TimeRnn(3, 4, rng);

        rnn.Forward(rng.Normal(1.0, 2, 5, 3)).Shape.ToArray().Should().Equal([2, 5, 4], "(N, T, D) → (N, T, H) (lesson §6.5)");
        GradAssert.LayerGradientsMatch(rnn, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    [Trait("Exercise", "6.5")]
    public void Uniform_scores_give_a_time_loss_of_log_V()
    {
        var loss = new TimeSoftmaxWithLoss();

        loss.Forward(Tensor.Zeros(2, 3, 4), new[,] { { 0, 1, 2 }, { 3, 0, 1 } }).Should().BeApproximately(Math.Log(4), 1e-12,
            "the mean over all N·T positions of −log(1/4) (lesson §6.5)");
        loss.Backward().Shape.ToArray().Should().Equal([2, 3, 4]);
        new TimeAffine(4, 6, rng: new Rng(5)).Forward(Tensor.Zeros(2, 3, 4)).Shape.ToArray().Should().Equal([2, 3, 6]);
    }
}
