// Kills: D7-M4 decoder not teacher-forced in training, or input/target shifted the wrong way; the decoder not started
// from the encoder's last state (or no gradient flowing back into it); attention over padding; greedy decoding that
// does not feed back its own predictions or does not stop at EOS; clip ignored; loss curve not following the reference.
using Course.Engine.Optimizers;

namespace Course.Day07.Tests;

[Trait("Exercise", "7.6")]
public class Seq2SeqTests
{
    [Fact]
    [Trait("Weight", "7")]
    public void With_attention_reversal_accuracy_is_at_least_90_percent_and_15_points_above_without()
    {
        double with = Reference.WithAttention.Value.TestAccuracy, without = Reference.WithoutAttention.Value.TestAccuracy;

        with.Should().BeGreaterThanOrEqualTo(0.9, "embed 32, hidden 64, Adam 1e-2, clip 5, batch 64, 5 epochs on 3,000 reversal pairs");
        (with - without).Should().BeGreaterThanOrEqualTo(0.15, "attention lifts the fixed-length bottleneck of the encoder's last state");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_reference_loss_curves_are_pinned()
    {
        double[] att = [1.2626062379587992, 0.08232721666984645, 0.014607239975436313, 0.002257087671779333, 0.0013156939860187536];
        double[] plain = [1.8970054791201432, 1.0505700390913, 0.473397015640186, 0.2305747874413407, 0.13430485791396204];
        var a = Reference.WithAttention.Value.EpochLosses;
        var p = Reference.WithoutAttention.Value.EpochLosses;

        for (int e = 0; e < 5; e++)
        {
            a[e].Should().BeApproximately(att[e], 1e-5 * att[e] + 1e-9, $"the reference mean loss of epoch {e + 1} with attention");
            p[e].Should().BeApproximately(plain[e], 1e-5 * plain[e] + 1e-9, $"the reference mean loss of epoch {e + 1} without attention");
        }
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_decoder_reads_SOS_then_the_target_shifted_right_and_a_small_model_follows_the_reference()
    {
        var (source, target) = Sequences.Reversal(16, 3, 5, new Rng(20));
        var model = new Seq2Seq(Sequences.ReversalVocab, 8, 10, attention: true, new Rng(21));
        var opt = new Adam<double>(1e-2);
        var losses = new double[3];
        for (int i = 0; i < 3; i++) losses[i] = model.TrainBatch(source, target, opt, 5.0);

        var input = model.LastDecoderInput!;
        for (int n = 0; n < 16; n++)
        {
            input[n, 0].Should().Be(Seq2Seq.Sos, "the decoder starts from SOS");
            for (int t = 1; t < target.GetLength(1); t++) input[n, t].Should().Be(target[n, t - 1], "teacher forcing: the input at t is the TRUE token of t − 1");
        }
        losses.Should().Equal(Pinned.SmallLosses, (x, y) => Math.Abs(x - y) <= 1e-9 + 1e-8 * Math.Abs(y), "the reference losses of three steps on one batch");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_clip_argument_is_used_and_the_model_without_attention_follows_the_reference()
    {
        var (source, target) = Sequences.Reversal(16, 3, 5, new Rng(22));
        double Run(double clip, bool attention)
        {
            var model = new Seq2Seq(Sequences.ReversalVocab, 8, 10, attention, new Rng(23));
            var opt = new Sgd<double>(1.0);
            model.TrainBatch(source, target, opt, clip);
            return model.TrainBatch(source, target, opt, clip);
        }

        Run(0.01, true).Should().BeApproximately(Pinned.ClipSmall, 1e-8, "clip 0.01 scales the global gradient norm down (reference)");
        Run(1e9, true).Should().BeApproximately(Pinned.ClipLarge, 1e-8, "a huge clip leaves the gradient alone (reference)");
        Run(1e9, false).Should().BeApproximately(Pinned.NoAttention, 1e-8, "the decoder state alone goes to the output layer (reference)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Greedy_feeds_back_its_own_predictions_and_stops_at_EOS()
    {
        var model = Reference.WithAttention.Value.Model;
        var (source, target) = Reference.ReversalData.Value.Test;
        var rows = Enumerable.Range(0, 20).ToArray();
        var src = Reference.Rows(source, rows);

        var full = model.Greedy(src, 12);
        var two = model.Greedy(src, 2);

        for (int i = 0; i < 20; i++)
        {
            full[i].Should().NotContain(Seq2Seq.Eos, "EOS ends a row and is not part of the output");
            full[i].Length.Should().BeLessThan(12, $"row {i} stops at EOS long before maxLength");
            two[i].Should().Equal(full[i].Take(2), "greedy decoding is deterministic: its first two tokens are those of the longer run");
        }
        full.Select(r => r.Length).Should().Equal(rows.Select(i => Enumerable.Range(0, target.GetLength(1)).Count(t => target[i, t] > Seq2Seq.Eos)),
            "the trained model stops after as many digits as the source has");
        model.LastAttention!.Shape.ToArray()[..2].Should().Equal([20, 2], "attention weights of the last Greedy call, one row per step");
    }
}
