namespace Course.Day09.Tests;

public class DqnTests
{
    [Fact]
    [Trait("Exercise", "9.7")]
    public void Terminal_rows_of_the_TD_target_are_the_reward_alone()
    {
        var dqn = new Dqn(2, 2, new Rng(1));
        var s = Tensor.From([1.0, 0, 0, 1], 2, 2);
        var batch = new Batch(s, [0, 1], [1.0, -1.0], s, [false, true]);

        var y = dqn.TdTargets(batch, 0.9);

        y[1].Should().Be(-1.0, "done: no future value (lesson §9.7)");
        var q2 = dqn.TargetQ(s);
        y[0].Should().BeApproximately(1.0 + 0.9 * Math.Max(q2[0, 0], q2[0, 1]), 1e-12, "r + γ·max of the target network (lesson §9.7)");
    }

    [Fact]
    [Trait("Exercise", "9.7")]
    public void DuelingAggregate_rows_average_to_V()
    {
        var q = Dqn.DuelingAggregate(Tensor.From([2.0], 1, 1), Tensor.From([1.0, 3.0], 1, 2));

        q.ToArray().Should().Equal([1.0, 3.0], "V + A − mean(A) = 2 + [1, 3] − 2 (lesson §9.7)");
    }
}
