// Kills: D9-M1 SARSA with maxₐ' or Q-learning with the behaviour action; D9-M3 terminal transitions bootstrapping from Q(s');
// ε-greedy that is not uniform when exploring or not greedy (lowest index on ties) when exploiting; no learning on the grid.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.5")]
public class TabularTests
{
    private static double[,] TwoStates()
    {
        // State 1 has Q = [5, 1, 3]: the max is 5, the action taken next (a' = 2) is worth 3.
        var q = new double[2, 3];
        q[0, 0] = 2;
        q[1, 0] = 5; q[1, 1] = 1; q[1, 2] = 3;
        return q;
    }

    [Fact]
    [Trait("Weight", "3")]
    public void One_Q_learning_update_from_2_towards_1_plus_0_9_times_5_gives_2_35()
    {
        var q = TwoStates();

        Tabular.QLearningUpdate(q, 0, 0, 1.0, 1, false, 0.1, 0.9);

        q[0, 0].Should().BeApproximately(2.35, 1e-12, "2 + 0.1·(1 + 0.9·5 − 2)");
        q[1, 0].Should().Be(5, "only Q(s, a) changes");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void SARSA_uses_the_next_action_taken_and_Q_learning_the_max()
    {
        var sarsa = TwoStates();
        var qLearning = TwoStates();

        Tabular.SarsaUpdate(sarsa, 0, 0, 1.0, 1, 2, false, 0.1, 0.9);
        Tabular.QLearningUpdate(qLearning, 0, 0, 1.0, 1, false, 0.1, 0.9);

        sarsa[0, 0].Should().BeApproximately(2 + 0.1 * (1 + 0.9 * 3 - 2), 1e-12, "SARSA bootstraps from Q(s', a') with a' the action taken");
        qLearning[0, 0].Should().BeApproximately(2 + 0.1 * (1 + 0.9 * 5 - 2), 1e-12, "Q-learning bootstraps from maxₐ' Q(s', a')");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Terminal_transitions_ignore_the_next_state()
    {
        var q = TwoStates();
        var s = TwoStates();

        Tabular.QLearningUpdate(q, 0, 0, 1.0, 1, true, 0.1, 0.9);
        Tabular.SarsaUpdate(s, 0, 0, 1.0, 1, 2, true, 0.1, 0.9);

        q[0, 0].Should().BeApproximately(2 + 0.1 * (1 - 2), 1e-12, "done: the target is r alone");
        s[0, 0].Should().BeApproximately(2 + 0.1 * (1 - 2), 1e-12, "done: the target is r alone");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Epsilon_0_is_greedy_with_ties_to_the_lowest_index_and_epsilon_1_is_uniform()
    {
        var q = new double[1, 4];
        q[0, 1] = 7; q[0, 3] = 7;
        var rng = new Rng(11);
        for (int i = 0; i < 100; i++) Tabular.EpsilonGreedy(q, 0, 0.0, rng).Should().Be(1);

        var counts = new int[4];
        for (int i = 0; i < 10_000; i++) counts[Tabular.EpsilonGreedy(q, 0, 1.0, rng)]++;
        Reference.ChiSquare(counts).Should().BeLessThan(20, "χ² with 3 degrees of freedom: exploring picks every action alike");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Epsilon_0_2_explores_about_a_fifth_of_the_time()
    {
        var q = new double[1, 4];
        q[0, 2] = 1;
        var rng = new Rng(12);
        int greedy = Enumerable.Range(0, 10_000).Count(_ => Tabular.EpsilonGreedy(q, 0, 0.2, rng) == 2);
        greedy.Should().BeInRange(8_500 - 250, 8_500 + 250, "0.8 + 0.2/4 = 0.85 of the draws pick the greedy action");
    }

    [Fact]
    [Trait("Weight", "5")]
    [Trait("Kind", "Convergence")]
    public void Q_learning_on_Corners4x4_finds_an_optimal_move_in_all_14_states()
    {
        var g = GridWorld.Corners4x4();

        var q = Tabular.TrainQLearning(g, 500, 0.5, 0.9, 0.1, new Rng(5));

        q.GetLength(0).Should().Be(16);
        q.GetLength(1).Should().Be(4);
        var greedy = Enumerable.Range(0, 16).Select(s => Enumerable.Range(0, 4).MaxBy(a => q[s, a])).ToArray();
        Reference.NonOptimalStates(g, 0.9, s => greedy[s]).Should().BeEmpty();
        q[g.StateOf(2, 4), 2].Should().BeApproximately(-1, 1e-6, "one step into the terminal corner: Q = −1");
        q[g.StateOf(3, 4), 2].Should().BeApproximately(-1 - 0.9, 1e-3, "two steps away: −1 + γ·(−1), so γ is used");
    }
}
