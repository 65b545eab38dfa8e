using System.Globalization;
using Course.Day09;
using Course.Engine;
using Course.Engine.Environments;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day09;

/// <summary>The numbers the Day 9 lesson quotes, recomputed from the engine's environments and the reference solutions
/// (<see cref="Day09Runs"/>) and checked to appear in lesson.md as written, so the text cannot drift from the code.</summary>
public class Day09LessonNumbersTests
{
    private static readonly string Lesson = File.ReadAllText(Path.Combine(Repo.Root, "curriculum", "day09-reinforcement", "lesson.md"));

    /// <summary>Fixed decimals with the typographic minus the lesson uses.</summary>
    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture).Replace('-', '−');

    private static void Quoted(params string[] values)
    {
        foreach (var v in values)
            Lesson.Should().Contain(v, $"lesson.md quotes the computed value {v}");
    }

    private static int At(GridWorld w, int col, int row) => w.StateOf(col, row);

    [Fact]
    public void Returns_and_their_normalisation_in_section_9_1()
    {
        var g = Returns.Discounted([1.0, 1.0, 1.0], 0.9);
        g.Should().Equal([2.71, 1.9, 1.0], (a, b) => Math.Abs(a - b) < 1e-12);
        double mean = g.Average(), std = Math.Sqrt(g.Average(x => (x - mean) * (x - mean)));
        var adv = Returns.Normalize(g);
        Quoted(F(g[0], 2), F(g[1], 1), F(mean, 2), F(std, 3));
        Quoted($"({F(adv[0], 3)}, {F(adv[1], 3)}, {F(adv[2], 3)})");
    }

    [Fact]
    public void Value_iteration_on_the_4x3_world_gamma_1()
    {
        var world = GridWorld.Aima4x3();
        var (v, policy, sweeps) = ValueIteration.Solve(world, 1.0, 1e-12);
        sweeps.Should().Be(46);
        Quoted($"{sweeps} 回の掃引");
        Day09Runs.SweepHistory(world, 1.0).Count.Should().Be(sweeps + 1, "the curriculum sweep loop counts the same sweeps as the solution");

        // the table (4 decimals) and its arrows
        foreach (var (c, r) in new[] { (1, 3), (2, 3), (3, 3), (1, 2), (3, 2), (1, 1), (2, 1), (3, 1), (4, 1) })
            Quoted(F(v[At(world, c, r)], 4));
        policy[At(world, 3, 1)].Should().Be((int)GridAction.Left);
        policy[At(world, 4, 1)].Should().Be((int)GridAction.Left);
        policy[At(world, 1, 1)].Should().Be((int)GridAction.Up);
        policy[At(world, 3, 3)].Should().Be((int)GridAction.Right);

        // the first three sweeps, by hand in the text
        var h = Day09Runs.SweepHistory(world, 1.0);
        Quoted(F(h[1][At(world, 3, 3)], 2), F(h[2][At(world, 3, 3)], 3), F(h[2][At(world, 2, 3)], 2), F(h[2][At(world, 3, 2)], 3),
               F(h[3][At(world, 1, 3)], 3), F(h[3][At(world, 3, 1)], 4));
        h[1][At(world, 1, 1)].Should().Be(-0.04);

        // the four action values at (3,1): up, down, left, right
        foreach (int a in new[] { 0, 1, 2, 3 }) Quoted(F(Day09Runs.ActionValue(world, v, At(world, 3, 1), a, 1.0), 4));
    }

    [Fact]
    public void Value_iteration_with_gamma_0_9()
    {
        var world = GridWorld.Aima4x3();
        var (v, policy, sweeps) = ValueIteration.Solve(world, 0.9, 1e-12);
        sweeps.Should().Be(37);
        Quoted($"{sweeps} 回の掃引で収束");
        Quoted($"{F(v[At(world, 1, 1)], 4)}、{F(v[At(world, 2, 1)], 4)}、{F(v[At(world, 3, 1)], 4)}、{F(v[At(world, 4, 1)], 4)}");
        Quoted($"{F(v[At(world, 1, 3)], 4)}、{F(v[At(world, 2, 3)], 4)}、{F(v[At(world, 3, 3)], 4)}");
        Quoted($"{F(v[At(world, 1, 2)], 4)}、{F(v[At(world, 3, 2)], 4)}");
        policy[At(world, 2, 1)].Should().Be((int)GridAction.Right);
        policy[At(world, 3, 1)].Should().Be((int)GridAction.Up);
    }

    [Fact]
    public void Policy_evaluation_and_iteration_on_the_corners_grid()
    {
        var world = GridWorld.Corners4x4();
        var v = PolicyIteration.Evaluate(world, Day09Runs.RandomPolicy(world), 1.0, 1e-10);
        Math.Round(v[At(world, 2, 4)], 6).Should().Be(-14);
        Math.Round(v[At(world, 3, 4)], 6).Should().Be(-20);
        Math.Round(v[At(world, 4, 4)], 6).Should().Be(-22);
        Math.Round(v[At(world, 2, 3)], 6).Should().Be(-18);
        Quoted("| 上の行 | 0 | −14 | −20 | −22 |", "| 2 行目 | −14 | −18 | −20 | −20 |");

        var (vStar, _, iterations) = PolicyIteration.Solve(world, 1.0, 1e-10);
        iterations.Should().Be(3);
        Quoted($"{iterations} 回の評価で止まり");
        vStar[At(world, 4, 4)].Should().BeApproximately(-3, 1e-9, "the top-right corner is 3 steps from either terminal");

        var aima = GridWorld.Aima4x3();
        var (vi, piVi, _) = ValueIteration.Solve(aima, 1.0, 1e-12);
        var (vp, piPi, _) = PolicyIteration.Solve(aima, 1.0, 1e-12);
        piPi.Should().Equal(piVi);
        for (int s = 0; s < vi.Length; s++) vp[s].Should().BeApproximately(vi[s], 1e-9);
    }

    [Fact]
    public void Td_updates_of_section_9_5()
    {
        double Q(bool sarsa, bool done)
        {
            var q = new double[2, 2];
            q[0, 0] = 2; q[1, 0] = 1; q[1, 1] = 5;
            if (sarsa) Tabular.SarsaUpdate(q, 0, 0, 1.0, 1, 0, done, 0.1, 0.9);
            else Tabular.QLearningUpdate(q, 0, 0, 1.0, 1, done, 0.1, 0.9);
            return q[0, 0];
        }
        Quoted($"= {F(Q(false, false), 2)}", $"= {F(Q(false, true), 1)}", $"= {F(Q(true, false), 2)}");
    }

    [Fact]
    public void Cliff_walk_q_learning_vs_sarsa()
    {
        var runs = Day09Runs.CliffLessonRuns;
        double q = Day09Runs.TailMean(runs.Q, 200), sarsa = Day09Runs.TailMean(runs.Sarsa, 200);
        sarsa.Should().BeGreaterThan(q, "SARSA earns more while exploring");
        Quoted($"Q 学習 {F(q, 1)}、SARSA {F(sarsa, 1)}");
        int qSteps = runs.QPath.Count - 1, sarsaSteps = runs.SarsaPath.Count - 1;
        qSteps.Should().Be(13, "the shortest path along the cliff");
        runs.QPath.Skip(1).SkipLast(1).Should().OnlyContain(c => c.Item2 == 2, "Q-learning walks right above the cliff");
        runs.SarsaPath.Skip(2).SkipLast(2).Should().OnlyContain(c => c.Item2 >= 3, "SARSA keeps at least one row between it and the cliff");
        runs.SarsaPath[^1].Should().Be((12, 1));
        Quoted($"Q 学習 {qSteps} 歩、SARSA {sarsaSteps} 歩");
    }

    [Fact]
    public void Reinforce_with_and_without_the_baseline()
    {
        var (with, without) = Day09Runs.ReinforceLessonRuns;
        var first = with.Select(Day09Runs.FirstSolved).ToArray();
        first.Should().OnlyContain(e => e != null);
        Quoted(string.Join("、", first) + " エピソード目", $"平均 {F(first.Average(e => e!.Value), 1)} エピソード目");
        Quoted($"{first.Length} 回すべての実行");

        var noBase = without.Select(Day09Runs.FirstSolved).ToArray();
        noBase.Count(e => e != null).Should().Be(4);
        noBase[0].Should().BeNull();
        Quoted("5 回中 4 回", string.Join("、", noBase.Skip(1)) + " エピソード目", "シード 0 は 300 エピソードでも届きません");
        Quoted($"{F(with.Average(r => r[^50..].Average()), 1)} から {F(without.Average(r => r[^50..].Average()), 1)} に下がります");

        // the one-step example: logits (0, 0), action 0, Ĝ = 2, then a 0.1 step
        var dz = Reinforce.LogitGradient(Tensor.Zeros(1, 2), [0], [2.0]).ToArray();
        dz.Should().Equal([-1.0, 1.0]);
        double p0 = 1 / (1 + Math.Exp(-(0 - 0.1 * dz[0] - (0 - 0.1 * dz[1]))));
        Quoted($"\\sigma(0.2) = {F(p0, 4)}");
    }

    [Fact]
    public void Dqn_on_the_corners_grid()
    {
        var runs = Day09Runs.DqnLessonRuns;
        runs.Should().OnlyContain(r => r.Optimal == 14);
        Quoted($"シード 0〜4 の {runs.Length} 回すべての実行で、14 個の非終端状態");
        double worst = runs.Max(r => r.MaxError);
        int worstSeed = Array.FindIndex(runs, r => r.MaxError == worst);
        Quoted($"差の最大は {F(worst, 5)} でした（シード {worstSeed}。");
        runs.Where((_, i) => i != worstSeed).Should().OnlyContain(r => r.MaxError < 1e-6);

        var v = Day09Runs.CornersOptimalValues(0.9);
        var world = GridWorld.Corners4x4();
        Quoted($"−1、−1.9、−{F(-v[At(world, 4, 4)], 2)}");
    }

    [Fact]
    public void Dqn_targets_huber_and_dueling_examples()
    {
        // y = r + γ (1 − done) max Q⁻(s'): rewards (1, 0, −1), max (2, 4, 10), the last row terminal
        double[] r = [1, 0, -1], maxNext = [2, 4, 10];
        bool[] done = [false, false, true];
        var y = r.Select((ri, i) => ri + 0.9 * (done[i] ? 0 : 1) * maxNext[i]).ToArray();
        Quoted($"= ({F(y[0], 1)}, {F(y[1], 1)}, {F(y[2], 0).Replace('−', '-')})");

        var q = Dqn.DuelingAggregate(Tensor.From([1.0], 1, 1), Tensor.From([1.0, 2.0, 3.0], 1, 3)).ToArray();
        q.Should().Equal([0.0, 1.0, 2.0]);
        var (dV, dA) = Dqn.DuelingBackward(Tensor.From([1.0, 0.0, 0.0], 1, 3));
        dV.ToArray().Should().Equal([1.0]);
        dA.ToArray()[0].Should().BeApproximately(2.0 / 3, 1e-15);
        Quoted("$Q = (0, 1, 2)$", "$dA = (2/3, -1/3, -1/3)$");
    }
}
