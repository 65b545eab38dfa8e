namespace Course.Day07.Tests;

public class PositionalEncodingTests
{
    [Fact]
    [Trait("Exercise", "7.1")]
    public void Row_0_alternates_0_and_1_and_row_1_starts_with_sin_1()
    {
        var pe = PositionalEncoding.Sinusoidal(4, 6);

        pe.Shape.ToArray().Should().Equal([4, 6]);
        pe.Row(0).ToArray().Should().Equal([0.0, 1.0, 0.0, 1.0, 0.0, 1.0], "sin 0 = 0, cos 0 = 1 in every pair (lesson §7.1)");
        pe[1, 0].Should().BeApproximately(Math.Sin(1.0), 1e-15, "the first pair has frequency 1");
    }
}
