// Kills: D10-M4 (n-step return bootstraps with γⁿ⁻¹ or past a terminal), D10-M5 (Double-DQN argmax from the target
// network), KL sign/scale slips in the β-VAE loss.
namespace Course.Technical.Tests;

public class T5GenerativeRlTests
{
    [Fact]
    [Trait("Exercise", "T5.beta-vae")]
    public void Beta_vae_loss_pinned_on_two_examples()
    {
        var loss = new BetaVaeLoss(2.0);
        var value = loss.Forward(Tensor.From([0.0, 2.0, -1.0, 0.5], 2, 2), Tensor.From([1.0, 0.0, 0.0, 1.0], 2, 2),
            Tensor.From([1.0, 0.0, -2.0, 0.5], 2, 2), Tensor.From([0.0, -1.0, 1.0, 0.0], 2, 2));
        static double Bce(double z, double x) => Math.Log(1 + Math.Exp(-z)) + (1 - x) * z;
        var recon = (Bce(0, 1) + Bce(2, 0) + Bce(-1, 0) + Bce(0.5, 1)) / 2;
        static double Kl(double m, double lv) => -0.5 * (1 + lv - m * m - Math.Exp(lv));
        var kl = (Kl(1, 0) + Kl(0, -1) + Kl(-2, 1) + Kl(0.5, 0)) / 2;
        value.Should().BeApproximately(recon + 2.0 * kl, 1e-12);
        loss.LastTerms.Reconstruction.Should().BeApproximately(recon, 1e-12);
        loss.LastTerms.Kl.Should().BeApproximately(kl, 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T5.beta-vae")]
    public void Beta_vae_gradients_match_central_differences()
    {
        var rng = new Rng(101);
        var (z, x, mu, lv) = (rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3, 4).Map(v => 1 / (1 + Math.Exp(-v))), rng.Normal(1.0, 3, 2), rng.Normal(0.5, 3, 2));
        var loss = new BetaVaeLoss(3.0);
        loss.Forward(z, x, mu, lv);
        var (dz, dmu, dlv) = loss.Backward();
        GradAssert.FunctionGradientMatches(t => new BetaVaeLoss(3.0).Forward(t, x, mu, lv), z, dz);
        GradAssert.FunctionGradientMatches(t => new BetaVaeLoss(3.0).Forward(z, x, t, lv), mu, dmu);
        GradAssert.FunctionGradientMatches(t => new BetaVaeLoss(3.0).Forward(z, x, mu, t), lv, dlv);
    }

    [Fact]
    [Trait("Exercise", "T5.beta-vae")]
    public void Beta_vae_with_beta_zero_is_the_reconstruction_alone()
    {
        var z = Tensor.From([0.3, -0.2], 1, 2);
        var x = Tensor.From([1.0, 0.0], 1, 2);
        var full = new BetaVaeLoss(0.0).Forward(z, x, Tensor.From([3.0], 1, 1), Tensor.From([1.0], 1, 1));
        full.Should().BeApproximately(Math.Log(1 + Math.Exp(-0.3)) + Math.Log(1 + Math.Exp(0.2)) - 0.2, 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T5.n-step")]
    public void N_step_returns_pinned_without_a_terminal()
    {
        var g = NStepReturn.Compute([1.0, 2.0, 3.0], [10.0, 20.0, 30.0, 40.0], 2, 0.5, terminal: false);
        g.Should().HaveCount(3);
        g[0].Should().BeApproximately(9.5, 1e-12, "1 + 0.5·2 + 0.25·V(s₂)");
        g[1].Should().BeApproximately(13.5, 1e-12, "2 + 0.5·3 + 0.25·V(s₃)");
        g[2].Should().BeApproximately(23.0, 1e-12, "3 + 0.5·V(s₃): cut at the trajectory's end");
    }

    [Fact]
    [Trait("Exercise", "T5.n-step")]
    public void N_step_returns_do_not_bootstrap_past_a_terminal()
    {
        var g = NStepReturn.Compute([1.0, 2.0, 3.0], [10.0, 20.0, 30.0, 40.0], 2, 0.5, terminal: true);
        g[0].Should().BeApproximately(9.5, 1e-12, "s₂ is not terminal");
        g[1].Should().BeApproximately(3.5, 1e-12, "2 + 0.5·3, nothing after the terminal state");
        g[2].Should().BeApproximately(3.0, 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T5.n-step")]
    public void One_step_return_is_the_td_target_and_long_n_is_monte_carlo()
    {
        NStepReturn.Compute([1.0, 2.0], [5.0, 6.0, 7.0], 1, 0.9, false)[0].Should().BeApproximately(1 + 0.9 * 6, 1e-12);
        NStepReturn.Compute([1.0, 2.0], [5.0, 6.0, 7.0], 10, 0.9, true)[0].Should().BeApproximately(1 + 0.9 * 2, 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T5.double-dqn")]
    public void Double_dqn_takes_the_action_from_the_online_net_and_the_value_from_the_target_net()
    {
        var online = Tensor.From([1.0, 3.0, 2.0, 1.0], 2, 2);
        var target = Tensor.From([5.0, 0.5, 4.0, 7.0], 2, 2);
        var y = DoubleDqnTarget.Compute([1.0, 1.0], [false, false], online, target, 0.9);
        y[0].Should().BeApproximately(1 + 0.9 * 0.5, 1e-12, "online argmax is action 1, valued 0.5 by the target net");
        y[1].Should().BeApproximately(1 + 0.9 * 4.0, 1e-12, "online argmax is action 0, valued 4 by the target net");
    }

    [Fact]
    [Trait("Exercise", "T5.double-dqn")]
    public void Double_dqn_does_not_bootstrap_at_an_episode_end_and_breaks_ties_to_the_first_action()
    {
        var online = Tensor.From([2.0, 2.0, 0.0, 9.0], 2, 2);
        var target = Tensor.From([3.0, 8.0, 100.0, 100.0], 2, 2);
        var y = DoubleDqnTarget.Compute([0.5, -1.0], [false, true], online, target, 0.5);
        y[0].Should().BeApproximately(0.5 + 0.5 * 3.0, 1e-12, "a tie goes to action 0");
        y[1].Should().Be(-1.0, "done: the reward alone");
    }
}
