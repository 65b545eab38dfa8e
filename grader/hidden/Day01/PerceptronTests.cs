// Kills: (no listed mutant for 1.1) — wrong truth tables, a non-strict threshold (≥ instead of >), gates that accept non-bits.
namespace Course.Day01.Tests;

[Trait("Exercise", "1.1")]
public class PerceptronTests
{
    public static TheoryData<int, int> Inputs => new() { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };

    [Theory]
    [Trait("Weight", "3")]
    [MemberData(nameof(Inputs))]
    public void Every_gate_gives_its_truth_table_value_for_each_of_the_four_inputs(int x1, int x2)
    {
        Perceptron.And(x1, x2).Should().Be(x1 & x2, $"AND({x1}, {x2})");
        Perceptron.Nand(x1, x2).Should().Be(1 - (x1 & x2), $"NAND({x1}, {x2})");
        Perceptron.Or(x1, x2).Should().Be(x1 | x2, $"OR({x1}, {x2})");
        Perceptron.Xor(x1, x2).Should().Be(x1 ^ x2, $"XOR({x1}, {x2})");
    }

    [Fact]
    public void Gate_with_a_weighted_sum_of_exactly_zero_does_not_fire()
    {
        Perceptron.Gate(0, 0, 1, 1, 0).Should().Be(0, "the threshold is strict: 0 > 0 is false");
        Perceptron.Gate(1, -1, 1, 1, 0).Should().Be(0, "1 − 1 + 0 = 0 is not > 0");
        Perceptron.Gate(1, 0, 1, 1, -1).Should().Be(0, "1 + 0 − 1 = 0 is not > 0");
    }

    [Fact]
    public void Gate_uses_both_weights_and_the_bias()
    {
        Perceptron.Gate(0.5, 2.0, -1.0, 0.3, 0.0).Should().Be(1, "−0.5 + 0.6 = 0.1 > 0");
        Perceptron.Gate(0.5, 2.0, -1.0, 0.3, -0.2).Should().Be(0, "−0.5 + 0.6 − 0.2 = −0.1 ≤ 0");
        Perceptron.Gate(2.0, 0.5, 0.3, -1.0, 0.0).Should().Be(1, "0.6 − 0.5 = 0.1 > 0 (weights pair with their own inputs)");
    }

    public static TheoryData<string, int, int> NonBits => new()
    {
        { "And", 2, 0 }, { "Nand", 0, -1 }, { "Or", 1, 3 }, { "Xor", -1, 1 },
    };

    [Theory]
    [MemberData(nameof(NonBits))]
    public void Gates_reject_inputs_other_than_0_and_1(string gate, int x1, int x2)
    {
        Func<int, int, int> f = gate switch
        {
            "And" => Perceptron.And,
            "Nand" => Perceptron.Nand,
            "Or" => Perceptron.Or,
            _ => Perceptron.Xor,
        };

        var call = () => f(x1, x2);

        call.Should().Throw<ArgumentOutOfRangeException>($"{gate}({x1}, {x2}) is not a logic gate input");
    }
}
