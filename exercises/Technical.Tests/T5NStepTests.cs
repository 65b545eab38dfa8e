namespace Course.Technical.Tests;

public class T5NStepTests
{
    [Fact]
    [Trait("Exercise", "T5.n-step")]
    public void Two_step_returns_on_a_three_step_trajectory()
    {
        var g = NStepReturn.Compute([1.0, 2.0, 3.0], [10.0, 20.0, 30.0, 40.0], 2, 0.5, terminal: false);
        g.Should().HaveCount(3);
        g[0].Should().BeApproximately(1 + 0.5 * 2 + 0.25 * 30, 1e-12);
    }
}
