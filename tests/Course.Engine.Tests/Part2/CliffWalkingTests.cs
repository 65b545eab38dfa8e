using Course.Engine.Environments;

namespace Course.Engine.Tests.Part2;

public class CliffWalkingTests
{
    [Fact]
    public void The_grid_has_48_cells_10_cliff_cells_and_a_goal()
    {
        var g = CliffWalking.Create();

        g.States.Should().Be(48);
        Enumerable.Range(0, 48).Count(s => g.IsTerminal(s)).Should().Be(11);
        Enumerable.Range(0, 48).Count(s => CliffWalking.IsCliff(g, s)).Should().Be(10);
        g.TerminalValue(g.StateOf(12, 1)).Should().Be(0);
        g.TerminalValue(g.StateOf(5, 1)).Should().Be(-100);
    }

    [Fact]
    public void Stepping_right_from_the_start_falls_into_the_cliff_for_minus_101()
    {
        var g = CliffWalking.Create();
        g.Reset(new Rng(1));

        var step = g.Step((int)GridAction.Right);

        step.Reward.Should().Be(-101);
        step.Terminated.Should().BeTrue();
        g.State.Should().Be(g.StateOf(2, 1));
    }

    [Fact]
    public void The_shortest_safe_path_takes_13_steps_for_a_return_of_minus_13()
    {
        var g = CliffWalking.Create();
        g.Reset(new Rng(2));
        var moves = new List<GridAction> { GridAction.Up };
        moves.AddRange(Enumerable.Repeat(GridAction.Right, 11));
        moves.Add(GridAction.Down);

        double total = 0;
        StepResult last = default;
        foreach (var m in moves) { last = g.Step((int)m); total += last.Reward; }

        total.Should().Be(-13);
        last.Terminated.Should().BeTrue();
        g.State.Should().Be(g.StateOf(12, 1));
    }
}
