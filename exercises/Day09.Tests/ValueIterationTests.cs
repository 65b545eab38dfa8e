namespace Course.Day09.Tests;

public class ValueIterationTests
{
    [Fact]
    [Trait("Exercise", "9.3")]
    public void Aima4x3_start_cell_is_worth_0_7053_with_gamma_1()
    {
        var g = GridWorld.Aima4x3();

        var (v, policy, _) = ValueIteration.Solve(g, 1.0, 1e-12);

        v[g.StateOf(1, 1)].Should().BeApproximately(0.7053, 1e-4, "the textbook value of (1,1) (lesson §9.3)");
        policy[g.StateOf(1, 1)].Should().Be((int)GridAction.Up, "from (1,1) the best move is up (lesson §9.3)");
    }
}
