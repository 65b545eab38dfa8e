namespace Course.Day09.Tests;

public class ReinforceTests
{
    [Fact]
    [Trait("Exercise", "9.6")]
    public void The_logit_gradient_passes_a_gradient_check()
    {
        var logits = new Rng(1).Normal(1.0, 3, 2);
        int[] actions = [0, 1, 1];
        double[] g = [1.0, -0.5, 0.2];

        var analytic = Reinforce.LogitGradient(logits, actions, g);
        var report = GradCheck.Function(z => Reinforce.EpisodeLoss(z, actions, g), logits, analytic);

        report.Passed.Should().BeTrue($"∂L/∂z = (π − onehot(a))·Ĝ/T (lesson §9.6); max relative error {report.MaxRelError:E2}");
    }
}
