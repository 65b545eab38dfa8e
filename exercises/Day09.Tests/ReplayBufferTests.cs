namespace Course.Day09.Tests;

public class ReplayBufferTests
{
    [Fact]
    [Trait("Exercise", "9.2")]
    public void A_full_buffer_keeps_capacity_items_and_samples_a_batch_of_the_right_shape()
    {
        var buffer = new ReplayBuffer(3, 2);
        for (int i = 0; i < 5; i++) buffer.Add(Tensor.From([i, 0.0], 2), i, i, Tensor.From([i + 1, 0.0], 2), false);

        buffer.Count.Should().Be(3, "a ring buffer stops growing at its capacity (lesson §9.2)");
        var batch = buffer.Sample(4, new Rng(1));
        batch.S.ShapeArray.Should().Equal(4, 2);
        batch.A.Should().OnlyContain(a => a >= 2, "the two oldest items were overwritten (lesson §9.2)");
    }
}
