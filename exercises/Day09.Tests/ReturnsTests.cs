namespace Course.Day09.Tests;

public class ReturnsTests
{
    [Fact]
    [Trait("Exercise", "9.1")]
    public void Ones_with_gamma_0_9_give_2_71_1_9_1()
    {
        var g = Returns.Discounted([1.0, 1.0, 1.0], 0.9);

        g.Should().Equal([2.71, 1.9, 1.0], (a, e) => Math.Abs(a - e) < 1e-12, "Gₜ = rₜ + γ·Gₜ₊₁ from the last step backwards (lesson §9.1)");
    }
}
