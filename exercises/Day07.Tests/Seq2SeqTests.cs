namespace Course.Day07.Tests;

public class Seq2SeqTests
{
    [Fact]
    [Trait("Exercise", "7.6")]
    public void The_decoder_input_is_SOS_followed_by_the_target_shifted_right()
    {
        var input = Seq2Seq.DecoderInput(new[,] { { 5, 4, 3, Seq2Seq.Eos } });

        input.Should().BeEquivalentTo(new[,] { { Seq2Seq.Sos, 5, 4, 3 } }, "teacher forcing (lesson §7.6)");
    }

    [Fact]
    [Trait("Exercise", "7.6")]
    public void One_training_step_returns_a_loss_near_log_V_and_Greedy_respects_maxLength()
    {
        var (source, target) = Sequences.Reversal(8, 3, 4, new Rng(6));
        var model = new Seq2Seq(Sequences.ReversalVocab, 8, 8, attention: true, new Rng(7));

        model.TrainBatch(source, target, new Course.Engine.Optimizers.Adam<double>(1e-2), 5.0)
            .Should().BeInRange(1.5, 3.5, "an untrained model is close to uniform over 13 tokens: log 13 ≈ 2.56");
        model.Greedy(source, 3).Should().HaveCount(8).And.OnlyContain(r => r.Length <= 3);
    }
}
