// Kills: D9-M2 returns discounted forwards; bootstrap applied at every step or at the start; NaN when normalising constants.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.1")]
public class ReturnsTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Ones_with_gamma_0_9_give_2_71_1_9_1_0()
    {
        var g = Returns.Discounted([1.0, 1.0, 1.0], 0.9);

        g.Should().Equal([2.71, 1.9, 1.0], (a, e) => Math.Abs(a - e) < 1e-12, "G₀ = 1 + 0.9·(1 + 0.9·1), computed from the end backwards");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Unequal_rewards_show_the_direction_of_discounting()
    {
        // Forwards accumulation would give [1, 2.8, 5.52]: the last reward would be the largest return.
        var g = Returns.Discounted([1.0, 2.0, 3.0], 0.8);

        g.Should().Equal([1 + 0.8 * 2 + 0.64 * 3, 2 + 0.8 * 3, 3.0], (a, e) => Math.Abs(a - e) < 1e-12);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Gamma_0_returns_the_rewards()
        => Returns.Discounted([0.5, -1.0, 2.0], 0.0).Should().Equal(0.5, -1.0, 2.0);

    [Fact]
    [Trait("Weight", "2")]
    public void Bootstrap_enters_only_after_the_last_step()
    {
        var g = Returns.Discounted([1.0, 0.0], 0.5, bootstrap: 4.0);

        g.Should().Equal([1 + 0.5 * 0 + 0.25 * 4, 0 + 0.5 * 4], (a, e) => Math.Abs(a - e) < 1e-12, "G₁ = r₁ + γ·V(s₂); G₀ = r₀ + γ·G₁");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Empty_input_gives_empty_output()
    {
        Returns.Discounted([], 0.9).Should().BeEmpty();
        Returns.Normalize([]).Should().BeEmpty();
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Normalize_gives_mean_0_std_1_and_zeros_for_constants()
    {
        var z = Returns.Normalize([1.0, 2.0, 3.0, 4.0]);
        z.Average().Should().BeApproximately(0, 1e-12);
        Math.Sqrt(z.Sum(v => v * v) / z.Length).Should().BeApproximately(1, 1e-7, "population std (÷N), plus 1e-8 in the denominator");
        z[0].Should().BeApproximately(-1.5 / (Math.Sqrt(1.25) + 1e-8), 1e-12);

        Returns.Normalize([5.0, 5.0, 5.0]).Should().Equal(0.0, 0.0, 0.0);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Normalize_leaves_its_input_unchanged_and_handles_one_element()
    {
        double[] g = [3.0, 1.0];
        Returns.Normalize(g);
        g.Should().Equal([3.0, 1.0], "the caller's returns are not a scratch buffer");
        Returns.Normalize([7.0]).Should().Equal(0.0);
    }
}
