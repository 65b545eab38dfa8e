// Kills: D9-M5 gradient sign flipped or the baseline (normalised returns) not applied; D9-M2 returns discounted forwards;
// a loss without the 1/T factor; an agent that never learns to balance.
using Course.Engine.Optimizers;

namespace Course.Day09.Tests;

[Trait("Exercise", "9.6")]
public class ReinforceTests
{
    private static (Tensor Logits, int[] Actions, double[] G) Episode()
    {
        var rng = new Rng(21);
        return (rng.Normal(1.0, 5, 3), [0, 2, 1, 1, 2], [1.2, -0.4, 0.3, -1.5, 0.4]);
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_logit_gradient_matches_central_differences_of_the_episode_loss()
    {
        var (logits, actions, g) = Episode();

        var analytic = Reinforce.LogitGradient(logits, actions, g);
        var report = GradCheck.Function(z => Reinforce.EpisodeLoss(z, actions, g), logits, analytic);

        report.Passed.Should().BeTrue($"∂L/∂z = (π − onehot(a))·Ĝ/T; max relative error {report.MaxRelError:E2}");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_loss_is_minus_the_mean_of_log_pi_times_G()
    {
        var logits = Tensor.From([0.0, 0.0, Math.Log(3), 0.0], 2, 2);

        double loss = Reinforce.EpisodeLoss(logits, [0, 0], [1.0, 2.0]);

        loss.Should().BeApproximately(-(Math.Log(0.5) * 1 + Math.Log(0.75) * 2) / 2, 1e-12);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void With_all_normalised_returns_zero_the_parameters_do_not_move()
    {
        // γ = 0 and equal rewards: every Gₜ = 1, so Ĝ = 0 — the baseline removes the whole signal.
        var agent = new Reinforce(new Rng(22));
        var before = agent.Parameters.Select(p => p.Value.ToArray()).ToArray();
        var obs = Enumerable.Range(0, 6).Select(i => Tensor.From([0.01 * i, 0.02, -0.01 * i, 0.03], 4)).ToList();

        agent.UpdateFromEpisode(obs, [0, 1, 1, 0, 1, 0], [1.0, 1, 1, 1, 1, 1], 0.0, new RecordingOptimizer(0.5));

        for (int k = 0; k < before.Length; k++) agent.Parameters[k].Value.ToArray().Should().Equal(before[k]);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void An_update_makes_the_actions_with_positive_advantage_more_likely()
    {
        var agent = new Reinforce(new Rng(23));
        var obs = Enumerable.Range(0, 4).Select(_ => Tensor.From([0.1, 0.0, -0.1, 0.0], 4)).ToList();
        // γ = 0.5: G = [0.125, 0.25, 0.5, 1], so only the last step (action 1) has a positive normalised return.
        var rewards = new List<double> { 0, 0, 0, 1 };
        var g = Returns.Normalize(Returns.Discounted(rewards, 0.5));
        double before = Softmax(agent.Logits(obs[0]))[1];

        agent.UpdateFromEpisode(obs, [0, 0, 0, 1], rewards, 0.5, new RecordingOptimizer(0.1));

        g[3].Should().BeGreaterThan(0);
        Softmax(agent.Logits(obs[0]))[1].Should().BeGreaterThan(before, "the last action had the largest return, so gradient descent on L raises π(1|s)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void UpdateFromEpisode_passes_the_policy_gradient_of_the_normalised_discounted_returns()
    {
        var agent = new Reinforce(new Rng(24));
        var obs = Enumerable.Range(0, 5).Select(i => Tensor.From([0.02 * i, -0.1, 0.03, 0.05 * i], 4)).ToList();
        int[] actions = [1, 0, 0, 1, 1];
        var rewards = new List<double> { 1, 0, 2, 0, 1 };
        var x = Tensor.From([.. obs.SelectMany(o => o.ToArray())], 5, 4);
        var g = Returns.Normalize([1 + 0.9 * (0 + 0.9 * (2 + 0.9 * (0 + 0.9 * 1))), 0 + 0.9 * (2 + 0.9 * (0 + 0.9)), 2 + 0.9 * 0.9, 0.9, 1]);
        var dLogits = Reinforce.LogitGradient(agent.Logits(x), actions, g);
        var opt = new RecordingOptimizer();

        agent.UpdateFromEpisode(obs, actions, rewards, 0.9, opt);

        // The output bias gradient is the column sum of ∂L/∂logits.
        var db = opt.Grads[0][^1];
        db[0].Should().BeApproximately(dLogits[0, 0] + dLogits[1, 0] + dLogits[2, 0] + dLogits[3, 0] + dLogits[4, 0], 1e-12);
        db[1].Should().BeApproximately(dLogits[0, 1] + dLogits[1, 1] + dLogits[2, 1] + dLogits[3, 1] + dLogits[4, 1], 1e-12);
    }

    [Fact]
    [Trait("Weight", "6")]
    [Trait("Kind", "Convergence")]
    public void CartPole_is_balanced_within_300_episodes_for_at_least_2_of_3_seeds()
    {
        var runs = Reference.ReinforceReturns.Value;

        runs.Should().OnlyContain(r => r.Length == 300);
        runs.Count(r => Reference.FirstSolvedEpisode(r) >= 0).Should().BeGreaterThanOrEqualTo(2,
            "the moving average of 20 returns reaches 195; first solved at " + string.Join(", ", runs.Select(Reference.FirstSolvedEpisode)));
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Act_samples_each_action_with_its_softmax_probability()
    {
        var agent = new Reinforce(new Rng(25));
        var obs = Tensor.From([0.5, -1.0, 2.0, 0.3], 4);
        var p = Softmax(agent.Logits(obs));
        var rng = new Rng(26);
        int ones = Enumerable.Range(0, 10_000).Count(_ => agent.Act(obs, rng) == 1);

        double sd = Math.Sqrt(10_000 * p[1] * (1 - p[1]));
        ones.Should().BeInRange((int)(10_000 * p[1] - 4 * sd), (int)(10_000 * p[1] + 4 * sd), $"π(1|s) = {p[1]:F3}: a fresh draw per action");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void The_loss_and_its_gradient_leave_the_logits_and_returns_unchanged()
    {
        var (logits, actions, g) = Episode();
        var z0 = logits.ToArray();
        var g0 = (double[])g.Clone();

        Reinforce.EpisodeLoss(logits, actions, g);
        Reinforce.LogitGradient(logits, actions, g);

        logits.ToArray().Should().Equal(z0, "the logits are an input, not a scratch buffer");
        g.Should().Equal(g0);
    }

    private static double[] Softmax(Tensor logits)
    {
        var z = logits.ToArray();
        double max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        return [.. e.Select(v => v / e.Sum())];
    }
}
