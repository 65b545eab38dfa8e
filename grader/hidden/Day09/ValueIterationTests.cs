// Kills: D9-M7 policy greedy on the immediate reward only; asynchronous or wrong backups; terminal values overwritten;
// looping forever when γ = 1 and no state ends the episode.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.3")]
public class ValueIterationTests
{
    private const int Up = 0, Down = 1, Left = 2, Right = 3;

    [Fact]
    [Trait("Weight", "4")]
    public void Aima4x3_with_gamma_1_gives_the_textbook_table()
    {
        var g = GridWorld.Aima4x3();
        var (v, _, _) = ValueIteration.Solve(g, 1.0, 1e-12);

        var expected = new (int Col, int Row, double V)[]
        {
            (1, 3, 0.8116), (2, 3, 0.8678), (3, 3, 0.9178), (4, 3, 1.0),
            (1, 2, 0.7616), (3, 2, 0.6603), (4, 2, -1.0),
            (1, 1, 0.7053), (2, 1, 0.6553), (3, 1, 0.6114), (4, 1, 0.3879),
        };
        foreach (var (col, row, value) in expected)
            v[g.StateOf(col, row)].Should().BeApproximately(value, 1e-4, $"V({col},{row})");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Aima4x3_with_gamma_1_policy_goes_the_long_way_round_from_3_1_and_4_1()
    {
        var g = GridWorld.Aima4x3();
        var (_, policy, sweeps) = ValueIteration.Solve(g, 1.0, 1e-12);

        var expected = new (int Col, int Row, int A)[]
        {
            (1, 3, Right), (2, 3, Right), (3, 3, Right), (1, 2, Up), (3, 2, Up),
            (1, 1, Up), (2, 1, Left), (3, 1, Left), (4, 1, Left),
        };
        foreach (var (col, row, a) in expected) policy[g.StateOf(col, row)].Should().Be(a, $"the optimal move at ({col},{row})");
        sweeps.Should().BeInRange(40, 60, "≈ 47 synchronous sweeps reach θ = 1e-12");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Aima4x3_with_gamma_0_9_changes_values_and_two_moves()
    {
        var g = GridWorld.Aima4x3();
        var (v, policy, _) = ValueIteration.Solve(g, 0.9, 1e-12);

        var expected = new (int Col, int Row, double V)[]
        {
            (1, 3, 0.5094), (2, 3, 0.6496), (3, 3, 0.7954), (1, 2, 0.3985), (3, 2, 0.4864),
            (1, 1, 0.2965), (2, 1, 0.2540), (3, 1, 0.3448), (4, 1, 0.1299),
        };
        foreach (var (col, row, value) in expected)
            v[g.StateOf(col, row)].Should().BeApproximately(value, 1e-4, $"V({col},{row}) with γ = 0.9");
        policy[g.StateOf(2, 1)].Should().Be(Right);
        policy[g.StateOf(3, 1)].Should().Be(Up);
        Reference.NonOptimalStates(g, 0.9, s => policy[s]).Should().BeEmpty();
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Corners4x4_values_are_minus_the_distance_to_the_nearest_corner()
    {
        var g = GridWorld.Corners4x4();
        var (v, policy, _) = ValueIteration.Solve(g, 1.0, 1e-12);

        for (int s = 0; s < g.States; s++)
        {
            var (col, row) = g.CellOf(s);
            int distance = Math.Min(col - 1 + 4 - row, 4 - col + row - 1);
            v[s].Should().BeApproximately(-distance, 1e-9, $"state {s} at ({col},{row})");
        }
        Reference.NonOptimalStates(g, 1.0, s => policy[s]).Should().BeEmpty();
        policy[g.StateOf(2, 4)].Should().Be(Left, "ties break to the lowest index among optimal moves");
        policy[g.StateOf(2, 3)].Should().Be(Up, "Up and Left are both optimal; Up has the lower index");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_Bellman_residual_at_return_is_below_theta_and_terminal_values_are_untouched()
    {
        var g = GridWorld.Aima4x3();
        const double theta = 1e-6;
        var (v, _, _) = ValueIteration.Solve(g, 0.95, theta);

        for (int s = 0; s < g.States; s++)
        {
            if (g.IsTerminal(s)) { v[s].Should().Be(g.TerminalValue(s)); continue; }
            double backup = Enumerable.Range(0, 4).Max(a => Reference.ActionValue(g, v, s, a, 0.95));
            Math.Abs(backup - v[s]).Should().BeLessThan(theta);
        }
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Gamma_1_on_an_MDP_that_never_ends_throws_instead_of_looping()
    {
        var act = () => ValueIteration.Solve(new EndlessMdp(), 1.0, 1e-9);
        act.Should().Throw<InvalidOperationException>();
    }

    /// <summary>One state that loops onto itself with R = −1: with γ = 1 its value diverges.</summary>
    internal sealed class EndlessMdp : ITabularMdp
    {
        public int States => 1;
        public int Actions => 2;
        public bool IsTerminal(int s) => false;
        public IReadOnlyList<(int Next, double Probability)> Transitions(int s, int a) => [(0, 1.0)];
        public double Reward(int s) => -1;
        public double TerminalValue(int s) => 0;
    }
}
