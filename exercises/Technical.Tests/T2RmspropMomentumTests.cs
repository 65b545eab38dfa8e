namespace Course.Technical.Tests;

public class T2RmspropMomentumTests
{
    private static Parameter OneParameter(double value, double grad) => new("w", Tensor.From([value], 1)) { Grad = Tensor.From([grad], 1) };

    [Fact]
    [Trait("Exercise", "T2.rmsprop-momentum")]
    public void RmsPropMomentum_first_step_divides_by_the_root_mean_square()
    {
        var p = OneParameter(1.0, 0.5);
        new RmsPropMomentum(0.01, 0.99, 0.9).Step([p]);
        p.Value[0].Should().BeApproximately(1.0 - 0.01 * 0.5 / (Math.Sqrt(0.01 * 0.25) + 1e-8), 1e-14);
    }
}
