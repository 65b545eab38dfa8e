// Kills: D9-M6 sampling only the most recent items or from unfilled slots; not overwriting the oldest; storing references.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.2")]
public class ReplayBufferTests
{
    private static Tensor Obs(double v) => Tensor.From([v, -v], 2);

    private static ReplayBuffer Filled(int capacity, int adds, int firstAction = 100)
    {
        var buffer = new ReplayBuffer(capacity, 2);
        for (int i = 0; i < adds; i++) buffer.Add(Obs(i), firstAction + i, i, Obs(i + 1), i % 2 == 0);
        return buffer;
    }

    [Fact]
    [Trait("Weight", "3")]
    public void After_capacity_plus_3_adds_the_3_oldest_are_gone()
    {
        var buffer = Filled(10, 13);

        buffer.Count.Should().Be(10);
        var batch = buffer.Sample(5_000, new Rng(1));
        batch.A.Distinct().Order().Should().Equal(Enumerable.Range(103, 10), "items 0, 1, 2 were overwritten; 3 … 12 remain");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Samples_are_uniform_over_the_stored_items()
    {
        var buffer = Filled(10, 10);
        var counts = new int[10];

        foreach (int a in buffer.Sample(20_000, new Rng(2)).A) counts[a - 100]++;

        Reference.ChiSquare(counts).Should().BeLessThan(30, "χ² with 9 degrees of freedom; uniform draws give ≈ 9");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_partly_filled_buffer_never_returns_unfilled_slots_and_covers_every_item()
    {
        var buffer = Filled(100, 7);
        var counts = new int[7];

        var batch = buffer.Sample(7_000, new Rng(3));

        batch.A.Should().OnlyContain(a => a >= 100 && a < 107, "only the 7 stored items can be drawn");
        foreach (int a in batch.A) counts[a - 100]++;
        Reference.ChiSquare(counts).Should().BeLessThan(25, "χ² with 6 degrees of freedom");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Every_field_of_a_sampled_row_belongs_to_the_same_transition()
    {
        var batch = Filled(8, 11).Sample(200, new Rng(4));

        batch.S.ShapeArray.Should().Equal(200, 2);
        for (int i = 0; i < 200; i++)
        {
            int k = batch.A[i] - 100;
            batch.R[i].Should().Be(k);
            batch.S[i, 0].Should().Be(k);
            batch.S[i, 1].Should().Be(-k);
            batch.S2[i, 0].Should().Be(k + 1);
            batch.Done[i].Should().Be(k % 2 == 0);
        }
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Stored_observations_are_copies()
    {
        var buffer = new ReplayBuffer(4, 2);
        var s = Obs(1);
        var s2 = Obs(2);
        buffer.Add(s, 0, 0, s2, false);

        s.Span[0] = 99; s2.Span[0] = 99;

        var batch = buffer.Sample(1, new Rng(5));
        batch.S[0, 0].Should().Be(1, "changing the caller's tensor afterwards must not reach the buffer");
        batch.S2[0, 0].Should().Be(2);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Sampling_an_empty_buffer_throws()
    {
        var act = () => new ReplayBuffer(5, 2).Sample(1, new Rng(6));
        act.Should().Throw<InvalidOperationException>();
    }
}
