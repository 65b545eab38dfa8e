namespace Course.Technical.Tests;

public class T5GenerativeRlTests
{
    [Fact]
    [Trait("Exercise", "T5.beta-vae")]
    public void Beta_vae_loss_of_one_example_is_log2_plus_beta_times_half()
    {
        var loss = new BetaVaeLoss(4.0).Forward(Tensor.From([0.0], 1, 1), Tensor.From([1.0], 1, 1), Tensor.From([1.0], 1, 1), Tensor.From([0.0], 1, 1));
        loss.Should().BeApproximately(Math.Log(2) + 4.0 * 0.5, 1e-12, "BCE(σ(0), 1) = log 2; KL of μ = 1, log σ² = 0 is ½");
    }

    [Fact]
    [Trait("Exercise", "T5.n-step")]
    public void Two_step_returns_on_a_three_step_trajectory()
    {
        var g = NStepReturn.Compute([1.0, 2.0, 3.0], [10.0, 20.0, 30.0, 40.0], 2, 0.5, terminal: false);
        g.Should().HaveCount(3);
        g[0].Should().BeApproximately(1 + 0.5 * 2 + 0.25 * 30, 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T5.double-dqn")]
    public void Double_dqn_target_has_one_value_per_transition_and_none_bootstrapped_when_done()
    {
        var y = DoubleDqnTarget.Compute([1.0, 2.0], [false, true], Tensor.From([0.0, 0.0, 9.0, 9.0], 2, 2), Tensor.From([0.0, 0.0, 9.0, 9.0], 2, 2), 0.9);
        y.Should().Equal([1.0, 2.0]);
    }
}
