// Kills: state reset every iteration or never carried (no truncated BPTT); streams not spread over the corpus;
// clipping skipped; Evaluate not carrying the state; greedy sampling that draws; sampling that ignores its rng or
// temperature; loss curve not following the reference.
using Course.Engine.Optimizers;

namespace Course.Day06.Tests;

[Trait("Exercise", "6.7")]
public class CharRnnLmTests
{
    private static readonly string[] Grammar = [.. ToyCorpus.Words];

    [Fact]
    [Trait("Weight", "4")]
    public void Test_perplexity_after_5_epochs_is_at_most_1_6_far_below_the_bigram_4_36()
    {
        var lm = Reference.Lm.Value;

        LanguageMetrics.Perplexity(lm.TestCrossEntropy).Should().BeLessThanOrEqualTo(1.6,
            "hidden 64, T = 20, 16 streams, Adam 5e-3, clip 5 learns the grammar in 5 epochs");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void The_reference_loss_curve_and_test_cross_entropy_are_pinned()
    {
        var lm = Reference.Lm.Value;
        double[] expected = [1.8908457545263113, 0.46025000087915835, 0.24677441437231987, 0.219688443897467, 0.21049140919114387];

        for (int e = 0; e < expected.Length; e++)
            lm.EpochLosses[e].Should().BeApproximately(expected[e], 1e-6 * expected[e] + 1e-9, $"the reference mean training loss of epoch {e + 1}");
        lm.TestCrossEntropy.Should().BeApproximately(0.21132204468933802, 1e-6, "the reference test cross-entropy (perplexity 1.235) after 5 epochs");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_small_model_follows_the_reference_curve_and_carries_a_state_of_batch_rows()
    {
        var ids = ToyCorpus.Generate(40, new Rng(1)).Ids;
        var lm = new CharRnnLm(ToyCorpus.Vocab, 8, new Rng(2));
        var opt = new Adam<double>(0.01);

        double first = lm.TrainEpoch(ids, 4, 10, opt, 1.0);
        double second = lm.TrainEpoch(ids, 4, 10, opt, 1.0);

        lm.Rnn.State.Should().NotBeNull("the recurrent layer is stateful: h_T of the last iteration is kept");
        lm.Rnn.State!.Shape.ToArray().Should().Equal([4, 8], "one state row per stream");
        first.Should().BeApproximately(2.792097947395342, 1e-7, "streams b·jump, chunks of timeSteps, state carried within the epoch (reference)");
        second.Should().BeApproximately(2.287500747634266, 1e-7, "the second epoch starts from a reset state at position 0 (reference)");
        lm.Evaluate(ids).Should().BeApproximately(2.059948849796419, 1e-7, "Evaluate: one stream from a zero state carried through the text (reference)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_clip_argument_is_used()
    {
        var ids = ToyCorpus.Generate(40, new Rng(1)).Ids;

        double clipped = new CharRnnLm(ToyCorpus.Vocab, 8, new Rng(2)).TrainEpoch(ids, 4, 10, new Sgd<double>(0.5), 0.1);
        double free = new CharRnnLm(ToyCorpus.Vocab, 8, new Rng(2)).TrainEpoch(ids, 4, 10, new Sgd<double>(0.5), 0);

        clipped.Should().BeApproximately(2.926438664626201, 1e-7, "clip 0.1 scales the global gradient norm down before every SGD step (reference)");
        free.Should().BeApproximately(2.7321638678010127, 1e-7, "clip 0 means no clipping (reference)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Greedy_samples_contain_only_words_of_the_grammar_and_draw_nothing()
    {
        var lm = Reference.Lm.Value.Model;

        var text = lm.Sample(ToyCorpus.Encode("the "), 120, 0.0, new Rng(1), ToyCorpus.Decode);
        var again = lm.Sample(ToyCorpus.Encode("the "), 120, 0.0, new Rng(99), ToyCorpus.Decode);

        text.Should().StartWith("the ").And.HaveLength(124, "the prefix followed by 120 generated symbols");
        again.Should().Be(text, "temperature 0 takes the arg-max and does not use the rng");
        var words = text.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        words[..^1].Should().OnlyContain(w => Grammar.Contains(w), "at temperature → 0 the model produces only words of the grammar (the last may be cut off)");
        text.Should().Be("the ball. the cat eats some bread. the old fox chases the ball. the cat eats some bread. the old fox chases the ball. the ca",
            "the reference greedy continuation");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Temperature_1_sampling_is_reproducible_with_a_fixed_rng_and_follows_the_reference()
    {
        var lm = Reference.Lm.Value.Model;

        var a = lm.Sample(ToyCorpus.Encode("a "), 60, 1.0, new Rng(11), ToyCorpus.Decode);
        var b = lm.Sample(ToyCorpus.Encode("a "), 60, 1.0, new Rng(11), ToyCorpus.Decode);
        var c = lm.Sample(ToyCorpus.Encode("a "), 60, 1.0, new Rng(12), ToyCorpus.Decode);

        b.Should().Be(a, "the same rng seed gives the same sample");
        c.Should().NotBe(a, "another seed gives another sample");
        c.Should().Be("a fish chases the ball. my bird sees a big box. the old fox ea",
            "the reference sample: one rng.NextDouble() per symbol, first id whose cumulative probability exceeds it");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_temperature_is_used_half_and_one_and_a_half_follow_the_reference()
    {
        var lm = Reference.Lm.Value.Model;

        lm.Sample(ToyCorpus.Encode("a "), 60, 0.5, new Rng(12), ToyCorpus.Decode).Should().Be(
            "a see bapple. my bird finds the ball. the old fox chases the b", "softmax(scores / 0.5) sharpens the distribution (reference)");
        lm.Sample(ToyCorpus.Encode("a "), 60, 1.5, new Rng(12), ToyCorpus.Decode).Should().Be(
            "a eits apredmapple. a sma bires the ald chole. ahd cia bikes t", "softmax(scores / 1.5) flattens it (reference)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Sampling_draws_afresh_for_every_symbol_and_can_reach_every_symbol()
    {
        var lm = new CharRnnLm(ToyCorpus.Vocab, 8, new Rng(3));   // untrained: nearly uniform predictions

        var text = lm.Sample(ToyCorpus.Encode("a"), 1000, 1.0, new Rng(4), ToyCorpus.Decode);
        var flat = lm.Sample(ToyCorpus.Encode("a"), 1000, 1e6, new Rng(4), ToyCorpus.Decode);

        text.Distinct().Should().HaveCount(ToyCorpus.Vocab, "every symbol, the last id included, can be drawn");
        var counts = flat[1..].GroupBy(ch => ch).Select(g => g.Count()).ToArray();
        counts.Should().HaveCount(ToyCorpus.Vocab);
        counts.Should().OnlyContain(n => n >= 20 && n <= 75, "a huge temperature makes the draw uniform: about 1000/22 ≈ 45 of each symbol");
    }

    [Fact]
    public void Evaluate_is_repeatable_and_does_not_depend_on_the_training_state()
    {
        var lm = Reference.Lm.Value;

        lm.Model.Evaluate(lm.Test).Should().Be(lm.TestCrossEntropy, "Evaluate starts from a zero state and leaves it reset");
    }
}
