namespace Course.Day01.Tests;

[Trait("Exercise", "1.1")]
public class PerceptronTests
{
    [Fact]
    public void Gate_fires_only_when_the_weighted_sum_is_positive()
    {
        Perceptron.Gate(1, 1, 0.5, 0.5, -0.7).Should().Be(1, "0.5 + 0.5 − 0.7 = 0.3 > 0");
        Perceptron.Gate(1, 0, 0.5, 0.5, -0.7).Should().Be(0, "0.5 − 0.7 = −0.2 ≤ 0");
    }

    [Theory]
    [InlineData(0, 0, 0, 1, 0)]
    [InlineData(0, 1, 0, 1, 1)]
    [InlineData(1, 0, 0, 1, 1)]
    [InlineData(1, 1, 1, 0, 1)]
    public void And_Nand_and_Or_follow_their_truth_tables(int x1, int x2, int and, int nand, int or)
    {
        Perceptron.And(x1, x2).Should().Be(and, $"AND({x1}, {x2}) is {and}");
        Perceptron.Nand(x1, x2).Should().Be(nand, $"NAND({x1}, {x2}) is {nand}");
        Perceptron.Or(x1, x2).Should().Be(or, $"OR({x1}, {x2}) is {or}");
    }

    [Fact]
    public void Xor_is_one_exactly_when_the_inputs_differ()
    {
        Perceptron.Xor(0, 0).Should().Be(0, "XOR(0, 0) = 0");
        Perceptron.Xor(1, 0).Should().Be(1, "XOR(1, 0) = 1");
        Perceptron.Xor(0, 1).Should().Be(1, "XOR(0, 1) = 1");
        Perceptron.Xor(1, 1).Should().Be(0, "XOR(1, 1) = 0: NAND gives 0, so the final AND gives 0");
    }
}
