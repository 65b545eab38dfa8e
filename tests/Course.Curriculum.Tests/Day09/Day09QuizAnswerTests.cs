using System.Globalization;
using Course.Day09;
using Course.Engine;
using Course.Engine.Environments;
using Course.Model.Quizzes;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day09;

/// <summary>Every 計算 answer of the Day 9 quiz (and the code items with a computable answer), recomputed from the
/// reference solutions and the engine's grid world and compared with the option marked correct in quiz.md.</summary>
public class Day09QuizAnswerTests
{
    private static readonly QuizKey Key = new("day09-reinforcement");

    /// <summary>Q(s, a) = 2 with Q(s', ·) = (1, 5), r = 1, γ = 0.9, α = 0.1, updated by Q-learning or SARSA (next action 0).</summary>
    private static double Updated(bool sarsa, bool done = false, double gamma = 0.9, double alpha = 0.1)
    {
        var q = new double[2, 2];
        q[0, 0] = 2; q[1, 0] = 1; q[1, 1] = 5;
        if (sarsa) Tabular.SarsaUpdate(q, 0, 0, 1.0, 1, 0, done, alpha, gamma);
        else Tabular.QLearningUpdate(q, 0, 0, 1.0, 1, done, alpha, gamma);
        return q[0, 0];
    }

    [Fact]
    public void Q3_q_learning_update()
    {
        Key.Marked("D9-Q3").Should().Be(F(Updated(sarsa: false), 2));
        Key.Options("D9-Q3").Should().Contain(F(Updated(sarsa: false, done: true), 2), "the target without the bootstrap")
            .And.Contain(F(Updated(sarsa: false, gamma: 1.0), 2), "γ forgotten").And.Contain(F(Updated(sarsa: false, alpha: 1.0), 2), "α = 1");
    }

    [Fact]
    public void Q4_discounted_return_of_three_ones()
    {
        var g = Returns.Discounted([1.0, 1.0, 1.0], 0.9);
        Key.Marked("D9-Q4").Should().Be(F(g[0], 2));
        Key.Options("D9-Q4").Should().Contain(F(Returns.Discounted([1.0, 1.0, 1.0], 1.0)[0], 2)).And.Contain(F(0.9 * g[0], 2));
    }

    [Fact]
    public void Q11_sarsa_update_with_the_explored_action()
    {
        Key.Marked("D9-Q11").Should().Be(F(Updated(sarsa: true), 2));
        Key.Options("D9-Q11").Should().Contain(F(Updated(sarsa: false), 2), "the Q-learning distractor")
            .And.Contain(F(Updated(sarsa: true, alpha: 1.0), 2)).And.Contain(F(2 - (Updated(sarsa: true) - 2), 2), "the flipped TD error");
    }

    [Fact]
    public void Q12_second_sweep_at_3_3()
    {
        var world = GridWorld.Aima4x3();
        var h = Day09Runs.SweepHistory(world, 1.0);
        int s = world.StateOf(3, 3);
        h[1][s].Should().BeApproximately(0.76, 1e-12, "the stem quotes the first sweep");
        h[1][world.StateOf(3, 2)].Should().BeApproximately(-0.04, 1e-12);
        Key.Marked("D9-Q12").Should().Be(F(h[2][s], 3));
        Key.Options("D9-Q12").Should().Contain(F(h[2][s] + 0.04, 3), "R forgotten");
        F(ValueIteration.Solve(world, 1.0, 1e-12).V[s], 4).Should().Be("0.9178", "the explanation quotes the limit");
    }

    [Fact]
    public void Q13_dueling_aggregation()
    {
        var q = Dqn.DuelingAggregate(Tensor.From([1.0], 1, 1), Tensor.From([1.0, 2.0, 3.0], 1, 3)).ToArray();
        Key.Marked("D9-Q13").Should().Be("(" + string.Join(", ", q.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")");
    }

    [Fact]
    public void Q14_prioritised_replay_probability()
    {
        double[] td = [2, 1, 0.5, 0.5];
        double P(double alpha) => Math.Pow(td[0], alpha) / td.Sum(d => Math.Pow(d, alpha));
        Key.Marked("D9-Q14").Should().Be(F(P(1), 2));
        Key.Options("D9-Q14").Should().Contain(F(P(0), 2)).And.Contain(F(P(2), 2)).And.Contain(F(td[0] / (td[0] + td[1]), 2));
    }

    [Fact]
    public void Q15_numpy_backward_returns()
    {
        var g = Returns.Discounted([0.0, 0.0, 1.0], 0.5);
        string NumPy(double[] x) => "[" + string.Join(" ", x.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)).Select(t => t.Contains('.') ? t.PadRight(4) : (t + ".").PadRight(4))).TrimEnd() + "]";
        g.Should().Equal([0.25, 0.5, 1.0]);
        Key.Marked("D9-Q15").Should().Be("[0.25 0.5  1.  ]");
        Key.Options("D9-Q15").Should().Contain("[1.75 1.5  1.  ]");
        Returns.Discounted([1.0, 1.0, 1.0], 0.5).Should().Equal([1.75, 1.5, 1.0], "the all-ones distractor");
        NumPy(g).Should().StartWith("[0.25 0.5");
    }

    [Fact]
    public void Q18_logit_gradient_of_the_policy_loss()
    {
        var dz = Reinforce.LogitGradient(Tensor.Zeros(1, 2), [0], [2.0]).ToArray();
        string Pair(double[] v) => "(" + string.Join(", ", v.Select(x => x.ToString(CultureInfo.InvariantCulture).Replace('-', '−'))) + ")";
        Key.Marked("D9-Q18").Should().Be(Pair(dz));
        Key.Options("D9-Q18").Should().Contain(Pair([-dz[0], -dz[1]]), "the flipped sign")
            .And.Contain(Pair([.. Reinforce.LogitGradient(Tensor.Zeros(1, 2), [0], [1.0]).ToArray()]), "Ĝ not multiplied");
    }

    [Fact]
    public void Q19_greedy_ties_go_to_the_lowest_index()
    {
        var q = new double[1, 4] { { 0.0, 1.0, 3.0, 3.0 } };
        int a = Tabular.EpsilonGreedy(q, 0, 0.0, new Rng(0));
        Key.Marked("D9-Q19").Should().Be(a.ToString(CultureInfo.InvariantCulture));
        EpsilonGreedy.Greedy([0.0, 1.0, 3.0, 3.0]).Should().Be(a);
    }
}
