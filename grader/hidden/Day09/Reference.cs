using Course.Engine.Optimizers;

namespace Course.Day09.Tests;

/// <summary>The expensive runs (done once per test process) and an independent optimal-value oracle.</summary>
internal static class Reference
{
    public static readonly ulong[] Seeds = [2, 3, 4];

    /// <summary>REINFORCE on CartPole (cap 200), γ 0.99, Adam 0.01, 300 episodes, for each seed.</summary>
    public static readonly Lazy<double[][]> ReinforceReturns = new(() => Seeds.Select(seed =>
    {
        var agent = new Reinforce(new Rng(seed).Fork("init"));
        return agent.Train(new CartPole(), 300, 0.99, new Adam<double>(0.01), new Rng(seed).Fork("run"));
    }).ToArray());

    /// <summary>DQN on Corners4x4 (50-step cap), γ 0.9, sync 100, 3,000 steps, for each seed.</summary>
    public static readonly Lazy<Dqn[]> CornersDqn = new(() => Seeds.Select(seed =>
        DqnTrainer.Run(GridWorld.Corners4x4(maxSteps: 50), 3_000, 100, 0.9, new Rng(seed))).ToArray());

    /// <summary>Optimal values by value iteration written here, so the oracle does not depend on the code under test.</summary>
    public static double[] OptimalValues(ITabularMdp mdp, double gamma)
    {
        var v = new double[mdp.States];
        for (int s = 0; s < v.Length; s++) v[s] = mdp.IsTerminal(s) ? mdp.TerminalValue(s) : 0;
        for (int sweep = 0; sweep < 10_000; sweep++)
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
            if (delta < 1e-13) break;
        }
        return v;
    }

    public static double ActionValue(ITabularMdp mdp, double[] v, int s, int a, double gamma)
        => mdp.Reward(s) + gamma * mdp.Transitions(s, a).Sum(t => t.Probability * v[t.Next]);

    /// <summary>The greedy policy w.r.t. V with ties (within 1e-9) broken to the lowest index; 0 in terminal states.</summary>
    public static int[] GreedyPolicy(ITabularMdp mdp, double[] v, double gamma)
        => Enumerable.Range(0, mdp.States).Select(s =>
        {
            if (mdp.IsTerminal(s)) return 0;
            double best = Enumerable.Range(0, mdp.Actions).Max(a => ActionValue(mdp, v, s, a, gamma));
            return Enumerable.Range(0, mdp.Actions).First(a => ActionValue(mdp, v, s, a, gamma) >= best - 1e-9);
        }).ToArray();

    /// <summary>Non-terminal states whose action is not optimal (Q*(s, a) below V*(s) by more than 1e-6).</summary>
    public static int[] NonOptimalStates(ITabularMdp mdp, double gamma, Func<int, int> action)
    {
        var v = OptimalValues(mdp, gamma);
        return Enumerable.Range(0, mdp.States)
            .Where(s => !mdp.IsTerminal(s) && ActionValue(mdp, v, s, action(s), gamma) < v[s] - 1e-6).ToArray();
    }

    /// <summary>The first episode at which the moving average of the last 20 returns reaches 195, or −1.</summary>
    public static int FirstSolvedEpisode(double[] returns)
    {
        for (int e = 19; e < returns.Length; e++)
            if (returns.Skip(e - 19).Take(20).Average() >= 195) return e;
        return -1;
    }

    /// <summary>χ² statistic of observed counts against a uniform expectation.</summary>
    public static double ChiSquare(int[] counts)
    {
        double expected = counts.Sum() / (double)counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
