namespace Course.Day09.Tests;

public class PolicyIterationTests
{
    [Fact]
    [Trait("Exercise", "9.4")]
    public void The_random_policy_on_Corners4x4_is_worth_minus_14_next_to_a_corner()
    {
        var g = GridWorld.Corners4x4();
        var pi = new double[16, 4];
        for (int s = 0; s < 16; s++) for (int a = 0; a < 4; a++) pi[s, a] = 0.25;

        var v = PolicyIteration.Evaluate(g, pi, 1.0, 1e-10);

        v[1].Should().BeApproximately(-14, 1e-6, "the equiprobable policy's value next to the top-left corner (lesson §9.4)");
        v[0].Should().Be(0, "terminal states keep their value (lesson §9.4)");
    }
}
