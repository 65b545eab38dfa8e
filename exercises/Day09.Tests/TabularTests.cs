namespace Course.Day09.Tests;

public class TabularTests
{
    [Fact]
    [Trait("Exercise", "9.5")]
    public void One_Q_learning_update_gives_2_35()
    {
        var q = new double[2, 2];
        q[0, 0] = 2; q[1, 1] = 5;

        Tabular.QLearningUpdate(q, 0, 0, 1.0, 1, false, 0.1, 0.9);

        q[0, 0].Should().BeApproximately(2.35, 1e-12, "2 + 0.1·(1 + 0.9·5 − 2) (lesson §9.5)");
    }
}
