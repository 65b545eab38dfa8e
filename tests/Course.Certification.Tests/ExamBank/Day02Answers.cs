using Course.Engine;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 2 (regularisation): inverted dropout from the engine's Dropout, dropout modes, majority votes.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day02Numbers() => new()
    {
        ["D2-Q102"] = () => KeptValues(new Dropout<double>(0.2, new Rng(0)), value: 2.0, count: 16).Distinct().Single(),
        ["D2-Q104"] = () => Math.Pow(0.7, 3) + 3 * 0.7 * 0.7 * 0.3,   // all three right, or exactly two
    };

    [Fact]
    public void Dropout_keeps_scaled_values_in_training_and_is_the_identity_in_inference()
    {
        var drop = new Dropout<double>(0.5, new Rng(0));   // nn.Dropout is the inverted kind too
        var kept = KeptValues(drop, value: 3.0, count: 4);
        var evalSum = drop.Forward(Tensor<double>.Full(3.0, 4), training: false).Sum();

        kept.Should().NotBeEmpty().And.OnlyContain(v => v == 6.0);
        evalSum.Should().Be(12.0);
        Questions["D2-Q111"].Answer.Text.Should().Be(FormattableString.Invariant($"({kept[0]:0.0}, {evalSum:0.0})"));
    }

    /// <summary>The non-zero outputs of one training forward of <paramref name="count"/> equal values.</summary>
    private static List<double> KeptValues(Dropout<double> drop, double value, int count) =>
        drop.Forward(Tensor<double>.Full(value, count), training: true).Span.ToArray().Where(v => v != 0).ToList();
}
