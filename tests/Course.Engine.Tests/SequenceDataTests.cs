using Course.Engine.Data;

namespace Course.Engine.Tests;

/// <summary>The Day-7 series and the reversal task: deterministic, the documented shape and values.</summary>
public class SequenceDataTests
{
    [Fact]
    public void Mackey_glass_starts_at_x0_follows_ten_euler_steps_and_stays_in_its_band()
    {
        var s = Sequences.MackeyGlass(2000);

        s[0].Should().Be(1.2);
        // Before t = τ the delayed term is the constant history x0: ten Euler steps of 0.1 by hand.
        s[1].Should().BeApproximately(1.117167754547027, 1e-12);
        s.Should().Equal(Sequences.MackeyGlass(2000), "the series has no randomness");
        s.Skip(300).Min().Should().BeInRange(0.2, 0.5);
        s.Skip(300).Max().Should().BeInRange(1.2, 1.45);
        FluentActions.Invoking(() => Sequences.MackeyGlass(0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*count must be ≥ 1*");
    }

    [Fact]
    public void Reversal_targets_are_the_reversed_digits_then_eos_then_padding()
    {
        var (source, target) = Sequences.Reversal(500, 3, 8, new Rng(7));

        source.GetLength(1).Should().Be(8);
        target.GetLength(1).Should().Be(9);
        var lengths = new HashSet<int>();
        var digits = new HashSet<int>();
        for (var i = 0; i < 500; i++)
        {
            var len = Enumerable.Range(0, 8).TakeWhile(t => source[i, t] != Sequences.ReversalPad).Count();
            lengths.Add(len);
            for (var t = 0; t < len; t++)
            {
                digits.Add(source[i, t] - Sequences.ReversalDigit0);
                target[i, t].Should().Be(source[i, len - 1 - t]);
            }
            target[i, len].Should().Be(Sequences.ReversalEos);
            for (var t = len; t < 8; t++) source[i, t].Should().Be(Sequences.ReversalPad);
            for (var t = len + 1; t < 9; t++) target[i, t].Should().Be(Sequences.ReversalPad);
        }
        lengths.Should().BeEquivalentTo(Enumerable.Range(3, 6), "every length from min to max occurs");
        digits.Should().BeEquivalentTo(Enumerable.Range(0, 10), "every digit occurs");
        Sequences.Reversal(500, 3, 8, new Rng(7)).Source.Should().BeEquivalentTo(source, "the same seed gives the same pairs");
    }
}
