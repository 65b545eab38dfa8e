namespace Course.Technical.Tests;

public class T5BetaVaeTests
{
    [Fact]
    [Trait("Exercise", "T5.beta-vae")]
    public void Beta_vae_loss_of_one_example_is_log2_plus_beta_times_half()
    {
        var loss = new BetaVaeLoss(4.0).Forward(Tensor.From([0.0], 1, 1), Tensor.From([1.0], 1, 1), Tensor.From([1.0], 1, 1), Tensor.From([0.0], 1, 1));
        loss.Should().BeApproximately(Math.Log(2) + 4.0 * 0.5, 1e-12, "BCE(σ(0), 1) = log 2; KL of μ = 1, log σ² = 0 is ½");
    }
}
