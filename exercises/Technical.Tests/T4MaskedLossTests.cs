namespace Course.Technical.Tests;

public class T4MaskedLossTests
{
    [Fact]
    [Trait("Exercise", "T4.masked-loss")]
    public void Masked_loss_on_uniform_scores_is_log_V()
    {
        var loss = new MaskedTimeSoftmaxWithLoss().Forward(Tensor.Zeros(2, 3, 4), new int[2, 3], [3, 1]);
        loss.Should().BeApproximately(Math.Log(4), 1e-12, "every counted step has p = 1/4");
    }
}
