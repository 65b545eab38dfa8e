namespace Course.Day06.Tests;

public class GradientClippingTests
{
    [Fact]
    [Trait("Exercise", "6.2")]
    public void Grad_3_4_clipped_to_norm_1_is_0_6_0_8()
    {
        var p = new Parameter("g", Tensor.Zeros(2)) { Grad = Tensor.From([3.0, 4.0], 2) };

        double norm = GradientClipping.ClipByGlobalNorm([p], 1.0);

        norm.Should().Be(5, "the norm before clipping is returned (lesson §6.2)");
        p.Grad.ToArray()[0].Should().BeApproximately(0.6, 1e-12, "scaled by maxNorm / ‖g‖ = 1/5 (lesson §6.2)");
        p.Grad.ToArray()[1].Should().BeApproximately(0.8, 1e-12);
    }
}
