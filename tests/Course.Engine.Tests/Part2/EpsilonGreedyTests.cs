using Course.Engine.Environments;

namespace Course.Engine.Tests.Part2;

public class EpsilonGreedyTests
{
    [Fact]
    public void Epsilon_zero_is_greedy_with_ties_to_the_lowest_index()
    {
        var rng = new Rng(170);
        EpsilonGreedy.Select([1.0, 3.0, 3.0, 2.0], 0.0, rng).Should().Be(1);
        EpsilonGreedy.Greedy([5.0, 5.0]).Should().Be(0);
    }

    [Fact]
    public void Epsilon_one_is_uniform()
    {
        var rng = new Rng(172);
        var counts = new int[4];
        for (int i = 0; i < 10_000; i++) counts[EpsilonGreedy.Select([0.0, 9.0, 0.0, 0.0], 1.0, rng)]++;
        counts.Sum(c => (c - 2500.0) * (c - 2500.0) / 2500.0).Should().BeLessThan(16.27);
    }

    [Fact]
    public void The_linear_schedule_interpolates_then_holds()
    {
        EpsilonGreedy.Linear(0, 1.0, 0.1, 1000).Should().Be(1.0);
        EpsilonGreedy.Linear(500, 1.0, 0.1, 1000).Should().BeApproximately(0.55, 1e-15);
        EpsilonGreedy.Linear(5000, 1.0, 0.1, 1000).Should().Be(0.1);
    }
}
