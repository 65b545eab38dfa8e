using Course.Engine.Environments;

namespace Course.Engine.Tests.Part2;

public class ReplayBufferTests
{
    [Fact]
    public void A_full_buffer_overwrites_the_oldest_items()
    {
        var buffer = new ReplayBuffer<int>(5);
        for (int i = 0; i < 8; i++) buffer.Add(i);
        buffer.Count.Should().Be(5);
        Enumerable.Range(0, 5).Select(i => buffer[i]).Should().Equal(3, 4, 5, 6, 7);
    }

    [Fact]
    public void Sampling_is_uniform_over_filled_slots_only()
    {
        var buffer = new ReplayBuffer<int>(10);
        for (int i = 0; i < 4; i++) buffer.Add(i);
        var counts = new int[10];
        var rng = new Rng(160);
        foreach (int item in buffer.Sample(20_000, rng)) counts[item]++;
        counts.Skip(4).Should().AllSatisfy(c => c.Should().Be(0));
        double chi2 = counts.Take(4).Sum(c => (c - 5000.0) * (c - 5000.0) / 5000.0);
        chi2.Should().BeLessThan(16.27);      // χ²(3) at p = 0.001
    }

    [Fact]
    public void Sampling_is_reproducible_and_an_empty_buffer_throws()
    {
        var buffer = new ReplayBuffer<Transition>(4);
        buffer.Invoking(b => b.Sample(1, new Rng(1))).Should().Throw<InvalidOperationException>().WithMessage("*empty*");
        var s = Tensor<double>.From([1.0, 2], 2);
        buffer.Add(Transition.Of(s, 1, 0.5, s, false));
        s.Span[0] = 99;
        buffer[0].State[0].Should().Be(1.0, "Transition.Of stores copies");
        buffer.Add(Transition.Of(s, 0, -1, s, true));
        buffer.Sample(8, new Rng(2)).Select(t => t.Action).Should().Equal(buffer.Sample(8, new Rng(2)).Select(t => t.Action));
    }
}
