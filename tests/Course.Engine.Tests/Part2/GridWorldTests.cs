using Course.Engine.Environments;

namespace Course.Engine.Tests.Part2;

public class GridWorldTests
{
    /// <summary>Test-side value iteration (AIMA form), to check the MDP model against the textbook tables.</summary>
    private static double[] ValueIteration(ITabularMdp mdp, double gamma)
    {
        var v = new double[mdp.States];
        for (int s = 0; s < mdp.States; s++) if (mdp.IsTerminal(s)) v[s] = mdp.TerminalValue(s);
        for (int sweep = 0; sweep < 10_000; sweep++)
        {
            var next = (double[])v.Clone();
            double delta = 0;
            for (int s = 0; s < mdp.States; s++)
            {
                if (mdp.IsTerminal(s)) continue;
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.Actions; a++) best = Math.Max(best, mdp.Transitions(s, a).Sum(t => t.Probability * v[t.Next]));
                next[s] = mdp.Reward(s) + gamma * best;
                delta = Math.Max(delta, Math.Abs(next[s] - v[s]));
            }
            v = next;
            if (delta < 1e-12) return v;
        }
        throw new InvalidOperationException("value iteration did not converge");
    }

    [Fact]
    public void Value_iteration_on_the_AIMA_4x3_world_gives_the_textbook_values()
    {
        var world = GridWorld.Aima4x3();
        world.States.Should().Be(11);
        var v = ValueIteration(world, 1.0);
        double V(int col, int row) => v[world.StateOf(col, row)];
        V(1, 3).Should().BeApproximately(0.8116, 1e-4);
        V(2, 3).Should().BeApproximately(0.8678, 1e-4);
        V(3, 3).Should().BeApproximately(0.9178, 1e-4);
        V(1, 2).Should().BeApproximately(0.7616, 1e-4);
        V(3, 2).Should().BeApproximately(0.6603, 1e-4);
        V(1, 1).Should().BeApproximately(0.7053, 1e-4);
        V(2, 1).Should().BeApproximately(0.6553, 1e-4);
        V(3, 1).Should().BeApproximately(0.6114, 1e-4);
        V(4, 1).Should().BeApproximately(0.3879, 1e-4);
        V(4, 3).Should().Be(1.0);
        V(4, 2).Should().Be(-1.0);
    }

    [Fact]
    public void Value_iteration_with_discount_0_9_gives_the_pinned_table()
    {
        var world = GridWorld.Aima4x3();
        var v = ValueIteration(world, 0.9);
        double V(int col, int row) => v[world.StateOf(col, row)];
        V(1, 3).Should().BeApproximately(0.5094, 1e-4);
        V(2, 3).Should().BeApproximately(0.6496, 1e-4);
        V(3, 3).Should().BeApproximately(0.7954, 1e-4);
        V(1, 2).Should().BeApproximately(0.3985, 1e-4);
        V(3, 2).Should().BeApproximately(0.4864, 1e-4);
        V(1, 1).Should().BeApproximately(0.2965, 1e-4);
        V(2, 1).Should().BeApproximately(0.2540, 1e-4);
        V(3, 1).Should().BeApproximately(0.3448, 1e-4);
        V(4, 1).Should().BeApproximately(0.1299, 1e-4);
    }

    [Fact]
    public void Slippery_moves_split_0_8_0_1_0_1_and_bumping_stays_put()
    {
        var world = GridWorld.Aima4x3();
        var up = world.Transitions(world.StateOf(1, 1), (int)GridAction.Up).ToDictionary(t => world.CellOf(t.Next), t => t.Probability);
        up[(1, 2)].Should().BeApproximately(0.8, 1e-15);
        up[(1, 1)].Should().BeApproximately(0.1, 1e-15);      // slipped left into the edge
        up[(2, 1)].Should().BeApproximately(0.1, 1e-15);
        var intoWall = world.Transitions(world.StateOf(1, 2), (int)GridAction.Right).ToDictionary(t => world.CellOf(t.Next), t => t.Probability);
        intoWall[(1, 2)].Should().BeApproximately(0.8, 1e-15);
        for (int s = 0; s < world.States; s++)
        for (int a = 0; a < 4; a++)
            world.Transitions(s, a).Sum(t => t.Probability).Should().BeApproximately(1, 1e-15);
    }

    [Fact]
    public void Equiprobable_policy_on_corners_4x4_evaluates_to_the_sutton_barto_table()
    {
        var world = GridWorld.Corners4x4();
        var v = new double[16];
        for (int sweep = 0; sweep < 100_000; sweep++)
        {
            var next = new double[16];
            double delta = 0;
            for (int s = 0; s < 16; s++)
            {
                if (world.IsTerminal(s)) continue;
                for (int a = 0; a < 4; a++) next[s] += 0.25 * (world.Reward(s) + world.Transitions(s, a).Sum(t => t.Probability * v[t.Next]));
                delta = Math.Max(delta, Math.Abs(next[s] - v[s]));
            }
            v = next;
            if (delta < 1e-10) break;
        }
        double[] expected = [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];
        for (int s = 0; s < 16; s++) v[s].Should().BeApproximately(expected[s], 1e-6);
        var optimal = ValueIteration(world, 1.0);
        optimal[world.StateOf(2, 3)].Should().Be(-2);     // two moves from the top-left corner (1, 4)
        optimal[world.StateOf(2, 2)].Should().Be(-3);     // three moves from either corner
        optimal[world.StateOf(4, 4)].Should().Be(-3);
    }

    [Fact]
    public void Episodes_pay_step_rewards_plus_the_terminal_value_and_refuse_to_continue()
    {
        var world = GridWorld.Aima4x3(intendedProbability: 1.0);
        var obs = world.Reset(new Rng(140));
        obs[world.StateOf(1, 1)].Should().Be(1);
        double total = 0;
        StepResult step = default;
        foreach (var a in new[] { GridAction.Up, GridAction.Up, GridAction.Right, GridAction.Right, GridAction.Right })
        {
            step = world.Step((int)a);
            total += step.Reward;
        }
        step.Terminated.Should().BeTrue();
        total.Should().BeApproximately(5 * -0.04 + 1.0, 1e-12);
        world.Invoking(w => w.Step(0)).Should().Throw<InvalidOperationException>().WithMessage("*after the episode ended*");
    }

    [Fact]
    public void Corners_episodes_start_in_non_terminal_cells_and_truncate_at_the_cap()
    {
        var world = GridWorld.Corners4x4(maxSteps: 3);
        var rng = new Rng(141);
        for (int i = 0; i < 50; i++)
        {
            world.Reset(rng);
            world.IsTerminal(world.State).Should().BeFalse();
        }
        world.ResetTo(world.StateOf(2, 2), rng);
        world.Step((int)GridAction.Left);        // (1,2): deterministic, not terminal
        world.Step((int)GridAction.Down);        // (1,1)
        var last = world.Step((int)GridAction.Down);   // bumps, third step
        (last.Truncated, last.Terminated, last.Reward).Should().Be((true, false, -1.0));
    }
}
