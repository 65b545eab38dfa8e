namespace Course.Technical.Tests;

public class T1EluTests
{
    [Fact]
    [Trait("Exercise", "T1.elu")]
    public void Elu_at_minus_one_is_alpha_times_e_to_the_minus_one_minus_one()
    {
        var y = new EluLayer(1.0).Forward(Tensor.From([-1.0, 2.0], 2));
        TensorAssert.Close(y, Tensor.From([Math.Exp(-1) - 1, 2.0], 2), 1e-15, "α(eˣ − 1) for x ≤ 0");
    }
}
