namespace Course.Technical.Tests;

public class T2AmsgradTests
{
    private static Parameter OneParameter(double value, double grad) => new("w", Tensor.From([value], 1)) { Grad = Tensor.From([grad], 1) };

    [Fact]
    [Trait("Exercise", "T2.amsgrad")]
    public void AmsGrad_first_step_equals_adam_first_step()
    {
        var p = OneParameter(1.0, 0.5);
        new AmsGrad(0.1).Step([p]);
        p.Value[0].Should().BeApproximately(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), 1e-14);
    }
}
