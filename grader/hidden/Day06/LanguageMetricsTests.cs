// Kills: perplexity as 2^CE or CE itself; missing add-one smoothing; bigram normalised by unigram counts (the last
// training symbol has no successor); the first test symbol scored by the bigram; inputs mutated; ids not checked.
namespace Course.Day06.Tests;

[Trait("Exercise", "6.1")]
public class LanguageMetricsTests
{
    [Fact]
    public void Perplexity_of_a_mean_cross_entropy_of_2_nats_is_e_squared()
    {
        LanguageMetrics.Perplexity(2.0).Should().BeApproximately(7.38905609893065, 1e-12, "perplexity = e^CE with CE in nats");
        LanguageMetrics.Perplexity(0.0).Should().Be(1.0, "a model that is always certain and right leaves one choice");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Uniform_predictions_over_V_symbols_give_perplexity_V()
    {
        LanguageMetrics.Perplexity(Math.Log(22)).Should().BeApproximately(22, 1e-10);
        LanguageMetrics.UnigramPerplexity([0, 1, 2, 3], [3, 1, 1, 0, 2], 4).Should().BeApproximately(4, 1e-12,
            "each symbol seen once: add-one smoothing gives (1 + 1)/(4 + 4) = 1/4 for every symbol");
        LanguageMetrics.UnigramPerplexity([], [2, 0, 1], 5).Should().BeApproximately(5, 1e-12, "an empty training set leaves the add-one prior 1/V");
        LanguageMetrics.BigramPerplexity([], [2, 0, 1, 4], 5).Should().BeApproximately(5, 1e-12, "no training bigrams: every conditional is 1/V");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Unigram_with_add_one_smoothing_on_a_hand_example()
    {
        // p(0) = (2 + 1)/(3 + 2) = 0.6, p(1) = (1 + 1)/(3 + 2) = 0.4 → exp(−(ln 0.6 + ln 0.4)/2) = 1/√0.24.
        LanguageMetrics.UnigramPerplexity([0, 0, 1], [0, 1], 2).Should().BeApproximately(1 / Math.Sqrt(0.24), 1e-12,
            "p(c) = (count(c) + 1)/(|train| + V), averaged in log space over every test symbol");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Bigram_conditions_on_the_previous_symbol_and_normalises_by_the_bigrams_that_start_with_it()
    {
        // Training bigrams (0,1), (1,1): one bigram starts with 1, so p(0 | 1) = (0 + 1)/(1 + 2) = 1/3 → perplexity 3.
        // (Dividing by the unigram count 2 of symbol 1 would give 1/4; scoring the first test symbol would add a term.)
        LanguageMetrics.BigramPerplexity([0, 1, 1], [1, 0], 2).Should().BeApproximately(3, 1e-12,
            "p(c | prev) = (count(prev, c) + 1)/(count(prev, ·) + V), over test positions 1 … |test| − 1");
        // p(1 | 0) = (1 + 1)/(2 + 2) = 1/2 → perplexity 2.
        LanguageMetrics.BigramPerplexity([0, 0, 1], [0, 1], 2).Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Toy_corpus_baselines_are_pinned_unigram_15_867_and_bigram_4_359()
    {
        var (train, test) = ToyCorpus.Generate(600, new Rng(0)).Split();

        LanguageMetrics.UnigramPerplexity(train, test, ToyCorpus.Vocab).Should().BeApproximately(15.867110873280264, 1e-9,
            "the reference unigram perplexity of ToyCorpus.Generate(600, new Rng(0)), first 90 % train");
        LanguageMetrics.BigramPerplexity(train, test, ToyCorpus.Vocab).Should().BeApproximately(4.358885523260486, 1e-9,
            "the reference bigram perplexity on the same split");
    }

    [Fact]
    public void Inputs_are_left_unchanged_and_an_id_outside_the_vocabulary_throws()
    {
        int[] train = [2, 0, 1, 1], test = [1, 2, 0];
        LanguageMetrics.UnigramPerplexity(train, test, 3);
        LanguageMetrics.BigramPerplexity(train, test, 3);
        train.Should().Equal([2, 0, 1, 1]);
        test.Should().Equal([1, 2, 0]);

        var act = () => LanguageMetrics.UnigramPerplexity([0, 3], [0], 3);
        act.Should().Throw<ArgumentException>("id 3 is outside a vocabulary of 3");
        var act2 = () => LanguageMetrics.BigramPerplexity([0, 1], [0, -1], 3);
        act2.Should().Throw<ArgumentException>("a negative id is outside the vocabulary");
    }
}
