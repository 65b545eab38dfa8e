namespace Course.Technical.Tests;

public class T2AdamwTests
{
    private static Parameter OneParameter(double value, double grad) => new("w", Tensor.From([value], 1)) { Grad = Tensor.From([grad], 1) };

    [Fact]
    [Trait("Exercise", "T2.adamw")]
    public void AdamW_first_step_moves_by_lr_plus_the_decay()
    {
        var p = OneParameter(1.0, 0.5);
        new AdamW(0.1, 0.01).Step([p]);
        // Step 1: m̂ = g and v̂ = g², so m̂/(√v̂ + ε) ≈ 1; decay adds λθ = 0.01.
        p.Value[0].Should().BeApproximately(1.0 - 0.1 * (0.5 / (0.5 + 1e-8) + 0.01), 1e-14);
    }
}
