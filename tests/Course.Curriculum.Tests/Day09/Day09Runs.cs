using Course.Day09;
using Course.Engine;
using Course.Engine.Environments;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day09;

/// <summary>
/// The deterministic runs the Day 9 lesson, figures, quiz and notebook quote, built from the engine's environments and
/// the reference solutions (<c>Course.Day09</c>). The notebook repeats the same code cell by cell, so it prints the same
/// numbers.
/// </summary>
public static class Day09Runs
{
    public const double Theta = 1e-12;

    /// <summary>Synchronous value-iteration sweeps V₀ = 0 (terminals fixed), V₁, … until max |ΔV| &lt; θ: every sweep's table.</summary>
    public static List<double[]> SweepHistory(ITabularMdp mdp, double gamma, double theta = Theta)
    {
        var v = new double[mdp.States];
        for (int s = 0; s < v.Length; s++) v[s] = mdp.IsTerminal(s) ? mdp.TerminalValue(s) : 0.0;
        var history = new List<double[]> { (double[])v.Clone() };
        while (true)
        {
            var next = new double[v.Length];
            double delta = 0;
            for (int s = 0; s < v.Length; s++)
            {
                if (mdp.IsTerminal(s)) { next[s] = v[s]; continue; }
                next[s] = Enumerable.Range(0, mdp.Actions).Max(a => ActionValue(mdp, v, s, a, gamma));
                delta = Math.Max(delta, Math.Abs(next[s] - v[s]));
            }
            v = next;
            history.Add((double[])v.Clone());
            if (delta < theta) return history;
        }
    }

    /// <summary>R(s) + γ Σ P(s'|s, a) V(s').</summary>
    public static double ActionValue(ITabularMdp mdp, double[] v, int s, int a, double gamma) =>
        mdp.Reward(s) + gamma * mdp.Transitions(s, a).Sum(t => t.Probability * v[t.Next]);

    /// <summary>The equiprobable random policy π(a|s) = 1/|A|.</summary>
    public static double[,] RandomPolicy(ITabularMdp mdp)
    {
        var pi = new double[mdp.States, mdp.Actions];
        for (int s = 0; s < mdp.States; s++) for (int a = 0; a < mdp.Actions; a++) pi[s, a] = 1.0 / mdp.Actions;
        return pi;
    }

    // ---- the cliff walk: 12 × 4, start (1,1), goal (12,1), cliff (2..11, 1) ends the episode with −100 ----

    public const int CliffEpisodes = 500;
    public const double CliffAlpha = 0.5, CliffEpsilon = 0.1, CliffGamma = 1.0;
    public static readonly int[] Seeds = [0, 1, 2, 3, 4];

    public static GridWorld Cliff()
    {
        var terminals = new Dictionary<(int, int), double> { [(12, 1)] = 0.0 };
        for (int col = 2; col <= 11; col++) terminals[(col, 1)] = -100.0;
        return new GridWorld(12, 4, [], terminals, -1.0, 1.0, start: (1, 1), maxSteps: 100);
    }

    /// <summary>One run of tabular Q-learning or SARSA on the cliff: the return of every episode and the final Q.</summary>
    public static (double[] Returns, double[,] Q) CliffRun(bool sarsa, int seed)
    {
        var env = Cliff();
        var rng = new Rng((ulong)seed);
        var q = new double[env.States, env.Actions];
        var returns = new double[CliffEpisodes];
        for (int e = 0; e < CliffEpisodes; e++)
        {
            env.Reset(rng);
            int s = env.State;
            int a = Tabular.EpsilonGreedy(q, s, CliffEpsilon, rng);
            while (true)
            {
                var step = env.Step(a);
                int s2 = env.State;
                int a2 = Tabular.EpsilonGreedy(q, s2, CliffEpsilon, rng);
                if (sarsa) Tabular.SarsaUpdate(q, s, a, step.Reward, s2, a2, step.Terminated, CliffAlpha, CliffGamma);
                else Tabular.QLearningUpdate(q, s, a, step.Reward, s2, step.Terminated, CliffAlpha, CliffGamma);
                returns[e] += step.Reward;
                if (step.Done) break;
                (s, a) = (s2, a2);
            }
        }
        return (returns, q);
    }

    /// <summary>The cells the greedy policy of Q visits from the start (stops at a terminal or after 40 moves).</summary>
    public static List<(int Col, int Row)> GreedyPath(GridWorld env, double[,] q)
    {
        var path = new List<(int, int)>();
        env.Reset(new Rng(0));
        int s = env.State;
        path.Add(env.CellOf(s));
        for (int k = 0; k < 40 && !env.IsTerminal(s); k++)
        {
            int a = Tabular.EpsilonGreedy(q, s, 0.0, new Rng(0));
            s = env.Transitions(s, a)[0].Next;
            path.Add(env.CellOf(s));
        }
        return path;
    }

    private static readonly Lazy<(double[][] Q, double[][] Sarsa, List<(int, int)> QPath, List<(int, int)> SarsaPath)> CliffCache = new(() =>
    {
        var q = Seeds.Select(s => CliffRun(false, s)).ToArray();
        var sa = Seeds.Select(s => CliffRun(true, s)).ToArray();
        return ([.. q.Select(r => r.Returns)], [.. sa.Select(r => r.Returns)], GreedyPath(Cliff(), q[0].Q), GreedyPath(Cliff(), sa[0].Q));
    });

    public static (double[][] Q, double[][] Sarsa, List<(int, int)> QPath, List<(int, int)> SarsaPath) CliffLessonRuns => CliffCache.Value;

    /// <summary>Mean over the last <paramref name="last"/> episodes of each run, then over runs.</summary>
    public static double TailMean(double[][] runs, int last) => runs.Average(r => r[^last..].Average());

    // ---- REINFORCE on CartPole (cap 200), γ 0.99, Adam 0.01, 300 episodes ----

    public const int ReinforceEpisodes = 300;
    public const double ReinforceGamma = 0.99, ReinforceLr = 0.01;

    /// <summary>The reference agent (normalised returns as the baseline): Rng(seed) forks "init" and "play".</summary>
    public static double[] ReinforceRun(int seed)
    {
        var rng = new Rng((ulong)seed);
        var agent = new Reinforce(rng.Fork("init"));
        return agent.Train(new CartPole(), ReinforceEpisodes, ReinforceGamma, new Adam<double>(ReinforceLr), rng.Fork("play"));
    }

    /// <summary>The same network, loop and streams, weighting log π by the raw discounted returns (no baseline).</summary>
    public static double[] ReinforceWithoutBaselineRun(int seed)
    {
        var rng = new Rng((ulong)seed);
        var init = rng.Fork("init");
        var play = rng.Fork("play");
        var fc1 = new Affine<double>(4, 32, init, WeightInit.Xavier);
        var fc2 = new Affine<double>(32, 2, init, WeightInit.Xavier);
        var tanh = new Tanh<double>();
        var parameters = fc1.Parameters.Concat(fc2.Parameters).ToList();
        var opt = new Adam<double>(ReinforceLr);
        var env = new CartPole();
        var result = new double[ReinforceEpisodes];
        for (int e = 0; e < ReinforceEpisodes; e++)
        {
            var obs = new List<Tensor>(); var actions = new List<int>(); var rewards = new List<double>();
            var o = env.Reset(play);
            while (true)
            {
                var logits = fc2.Forward(tanh.Forward(fc1.Forward(o.Reshape(1, 4)))).Span;
                double p0 = 1 / (1 + Math.Exp(logits[1] - logits[0]));
                int a = play.NextDouble() < p0 ? 0 : 1;
                var step = env.Step(a);
                obs.Add(o); actions.Add(a); rewards.Add(step.Reward);
                o = step.Observation;
                if (step.Done) break;
            }
            result[e] = rewards.Sum();
            int t = obs.Count;
            var x = Tensor.Zeros(t, 4);
            for (int i = 0; i < t; i++) obs[i].Span.CopyTo(x.Span.Slice(i * 4, 4));
            var z = fc2.Forward(tanh.Forward(fc1.Forward(x)));
            var dz = Reinforce.LogitGradient(z, [.. actions], Returns.Discounted(rewards, ReinforceGamma));
            fc1.Backward(tanh.Backward(fc2.Backward(dz)));
            opt.Step(parameters);
        }
        return result;
    }

    /// <summary>Moving average over the last <paramref name="window"/> episodes (shorter at the start).</summary>
    public static double[] MovingAverage(double[] x, int window = 20) =>
        [.. Enumerable.Range(0, x.Length).Select(i => x[Math.Max(0, i - window + 1)..(i + 1)].Average())];

    /// <summary>First episode (1-based) whose MA20 reaches 195, or null.</summary>
    public static int? FirstSolved(double[] returns)
    {
        var ma = MovingAverage(returns);
        int i = Array.FindIndex(ma, m => m >= 195);
        return i < 0 ? null : i + 1;
    }

    private static readonly Lazy<(double[][] With, double[][] Without)> ReinforceCache = new(() =>
        ([.. Seeds.Select(ReinforceRun)], [.. Seeds.Select(ReinforceWithoutBaselineRun)]));

    public static (double[][] With, double[][] Without) ReinforceLessonRuns => ReinforceCache.Value;

    // ---- DQN on the 4×4 corners grid: one-hot states, γ 0.9, 3,000 steps, sync every 100, 50-step episodes ----

    public const int DqnSteps = 3000, DqnSync = 100;
    public const double DqnGamma = 0.9;

    public static Dqn DqnRun(int seed) => DqnTrainer.Run(GridWorld.Corners4x4(maxSteps: 50), DqnSteps, DqnSync, DqnGamma, new Rng((ulong)seed));

    /// <summary>V* = −(1 − γᵈ)/(1 − γ) with d the distance to the nearest terminal corner.</summary>
    public static double[] CornersOptimalValues(double gamma)
    {
        var world = GridWorld.Corners4x4();
        return [.. Enumerable.Range(0, world.States).Select(s =>
        {
            var (c, r) = world.CellOf(s);
            int d = Math.Min(Math.Abs(c - 1) + Math.Abs(r - 4), Math.Abs(c - 4) + Math.Abs(r - 1));
            return -(1 - Math.Pow(gamma, d)) / (1 - gamma);
        })];
    }

    /// <summary>max_a Q(s, a) and the greedy action for every state of the corners grid.</summary>
    public static (double[] MaxQ, int[] Greedy) DqnTable(Dqn dqn)
    {
        var world = GridWorld.Corners4x4();
        var maxQ = new double[world.States];
        var greedy = new int[world.States];
        for (int s = 0; s < world.States; s++)
        {
            var q = dqn.Q(world.Observation(s)).Span;
            greedy[s] = EpsilonGreedy.Greedy(q);
            maxQ[s] = q[greedy[s]];
        }
        return (maxQ, greedy);
    }

    /// <summary>Non-terminal states whose greedy action moves one step closer to a terminal corner.</summary>
    public static int OptimalStates(int[] greedy)
    {
        var world = GridWorld.Corners4x4();
        var v = CornersOptimalValues(DqnGamma);
        int ok = 0;
        for (int s = 0; s < world.States; s++)
        {
            if (world.IsTerminal(s)) continue;
            int next = world.Transitions(s, greedy[s])[0].Next;
            double best = Enumerable.Range(0, 4).Max(a => v[world.Transitions(s, a)[0].Next]);
            if (Math.Abs(v[next] - best) < 1e-12 && next != s) ok++;
        }
        return ok;
    }

    private static readonly Lazy<(Dqn Dqn, double[] MaxQ, int[] Greedy, int Optimal, double MaxError)[]> DqnCache = new(() =>
        [.. Seeds.Select(seed =>
        {
            var dqn = DqnRun(seed);
            var (maxQ, greedy) = DqnTable(dqn);
            var world = GridWorld.Corners4x4();
            var v = CornersOptimalValues(DqnGamma);
            double err = Enumerable.Range(0, world.States).Where(s => !world.IsTerminal(s)).Max(s => Math.Abs(maxQ[s] - v[s]));
            return (dqn, maxQ, greedy, OptimalStates(greedy), err);
        })]);

    public static (Dqn Dqn, double[] MaxQ, int[] Greedy, int Optimal, double MaxError)[] DqnLessonRuns => DqnCache.Value;
}
