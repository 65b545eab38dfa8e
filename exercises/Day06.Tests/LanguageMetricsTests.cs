namespace Course.Day06.Tests;

public class LanguageMetricsTests
{
    [Fact]
    [Trait("Exercise", "6.1")]
    public void Perplexity_is_e_to_the_mean_cross_entropy_and_a_uniform_unigram_gives_V()
    {
        LanguageMetrics.Perplexity(2.0).Should().BeApproximately(Math.Exp(2.0), 1e-12, "perplexity = e^(mean cross-entropy) (lesson §6.1)");
        LanguageMetrics.UnigramPerplexity([0, 1, 2], [2, 2, 0], 3).Should().BeApproximately(3, 1e-12,
            "every symbol seen once: add-one smoothing gives each probability 1/3 (lesson §6.1)");
    }

    [Fact]
    [Trait("Exercise", "6.1")]
    public void On_the_toy_corpus_the_bigram_beats_the_unigram()
    {
        var (train, test) = ToyCorpus.Generate(600, new Rng(0)).Split();

        double unigram = LanguageMetrics.UnigramPerplexity(train, test, ToyCorpus.Vocab);
        double bigram = LanguageMetrics.BigramPerplexity(train, test, ToyCorpus.Vocab);

        unigram.Should().BeInRange(14, 18, "about 16 equally likely characters without context (lesson §6.1)");
        bigram.Should().BeLessThan(unigram, "knowing the previous character narrows the choice (lesson §6.1)");
    }
}
