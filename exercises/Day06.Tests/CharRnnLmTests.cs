using Course.Engine.Optimizers;

namespace Course.Day06.Tests;

public class CharRnnLmTests
{
    [Fact]
    [Trait("Exercise", "6.7")]
    public void One_epoch_on_a_small_corpus_lowers_the_loss_below_log_V()
    {
        var ids = ToyCorpus.Generate(40, new Rng(1)).Ids;
        var lm = new CharRnnLm(ToyCorpus.Vocab, 8, new Rng(2));

        double loss = lm.TrainEpoch(ids, 4, 10, new Adam<double>(0.01), 1.0);

        loss.Should().BeLessThan(Math.Log(ToyCorpus.Vocab), "a model that learnt nothing scores log 22 ≈ 3.09 (lesson §6.7)");
        lm.Sample(ToyCorpus.Encode("the "), 10, 0.0, new Rng(3), ToyCorpus.Decode).Should().HaveLength(14, "the prefix plus 10 symbols (lesson §6.7)");
    }
}
