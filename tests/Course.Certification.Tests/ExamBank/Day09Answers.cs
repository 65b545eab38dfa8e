using Course.Engine;
using Course.Engine.Environments;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 9 (RL): returns, TD targets, one value-iteration sweep on the engine's AIMA grid, the REINFORCE logit gradient.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day09Numbers() => new()
    {
        ["D9-Q101"] = () => DiscountedReturn([0.0, 0.0, 1.0], 0.9),
        ["D9-Q102"] = () => 1 + 0.5 * (-1 + 0.9 * 2 - 1),          // SARSA: the action actually taken next, not the max
        ["D9-Q103"] = () => OneSweepValue(3, 3),
        ["D9-Q104"] = () => 0.5 * (1 + 0.9 * 10) + 0.5 * (0 + 0.9 * 4),
        ["D9-Q105"] = () => ReinforceLogitGradient(),
        ["D9-Q106"] = () => 0.5 + 0.99 * (1 - 0) * new[] { 1.0, 2.0 }.Max(),   // the target network's values
    };

    private static Dictionary<string, Func<double>> Day09CodeNumbers() => new()
    {
        ["D9-Q109"] = () => (1 - 0.2) + 0.2 / 4,
    };

    [Fact]
    public void The_epsilon_greedy_answer_matches_the_engine_selection_rule()
    {
        var rng = new Rng(7);
        double[] q = [0.1, 0.9, 0.3, 0.2];
        const int draws = 200_000;
        var greedy = Enumerable.Range(0, draws).Count(_ => EpsilonGreedy.Select(q, 0.2, rng) == 1) / (double)draws;

        greedy.Should().BeApproximately(CodeComputed["D9-Q109"](), 0.005, "exploration draws uniformly from every action, the greedy one included");
    }

    private static double DiscountedReturn(IReadOnlyList<double> rewards, double gamma)
    {
        double g = 0;
        for (var t = rewards.Count - 1; t >= 0; t--) g = rewards[t] + gamma * g;
        return g;
    }

    /// <summary>One synchronous Bellman optimality sweep from V = 0 (terminals at their values) on AIMA's 4×3 grid, γ = 1.</summary>
    private static double OneSweepValue(int col, int row)
    {
        var mdp = GridWorld.Aima4x3();
        var v = Enumerable.Range(0, mdp.States).Select(s => mdp.IsTerminal(s) ? mdp.TerminalValue(s) : 0.0).ToArray();
        var next = Enumerable.Range(0, mdp.States).Select(s => mdp.IsTerminal(s)
            ? v[s]
            : mdp.Reward(s) + Enumerable.Range(0, mdp.Actions).Max(a => mdp.Transitions(s, a).Sum(t => t.Probability * v[t.Next]))).ToArray();
        return next[mdp.StateOf(col, row)];
    }

    /// <summary>L = −G·log π(a₀): the engine's softmax-with-loss gradient (π − onehot) scaled by the return.</summary>
    private static double ReinforceLogitGradient()
    {
        var loss = new SoftmaxWithLoss<double>();
        loss.Forward(Tensor<double>.From([Math.Log(0.7), Math.Log(0.3)], 1, 2), [0]);
        return 2.0 * loss.Backward().Span[0];
    }
}
