namespace Course.Day07;

/// <summary>Exercise 7.6 — an encoder–decoder GRU with optional dot-product attention, trained with teacher forcing (lesson §7.6).</summary>
/// <remarks>
/// Token ids as <see cref="Sequences.Reversal"/>: <see cref="Pad"/>, <see cref="Sos"/>, <see cref="Eos"/>. Layers, drawn
/// from rng in this order: source Embedding (vocab, embed), encoder TimeGru (embed → hidden), target Embedding,
/// decoder TimeGru (embed → hidden), output TimeAffine ((attention ? 2 : 1)·hidden → vocab). The decoder starts from
/// the encoder's last state; with attention each decoder state queries the encoder states (padding masked) and
/// [h ; context] goes to the output layer. The loss ignores <see cref="Pad"/> positions of the target.
/// </remarks>
public sealed class Seq2Seq
{
    public const int Pad = Sequences.ReversalPad, Sos = Sequences.ReversalSos, Eos = Sequences.ReversalEos;

    public Seq2Seq(int vocab, int embed, int hidden, bool attention, Rng rng) =>
        throw new NotImplementedException("Seq2Seq: 埋め込み、エンコーダ GRU、埋め込み、デコーダ GRU、出力層の順に作ります（lesson §7.6）。");

    public bool Attention => throw new NotImplementedException("Seq2Seq.Attention（lesson §7.6）。");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("Seq2Seq.Parameters: すべての層のパラメータ（lesson §7.6）。");

    /// <summary>The decoder input of the last <see cref="TrainBatch"/>.</summary>
    public int[,]? LastDecoderInput => throw new NotImplementedException("Seq2Seq.LastDecoderInput（lesson §7.6）。");

    /// <summary>Attention weights (N, steps, Tₑ) of the last <see cref="Greedy"/> call; null without attention.</summary>
    public Tensor? LastAttention => throw new NotImplementedException("Seq2Seq.LastAttention（lesson §7.6）。");

    /// <summary>Teacher forcing: the decoder reads SOS, then the true target shifted right by one — target[:, :-1].</summary>
    public static int[,] DecoderInput(int[,] target) =>
        throw new NotImplementedException("Seq2Seq.DecoderInput: 先頭に SOS、その後ろに正解を一つ右にずらして並べます（lesson §7.6）。");

    /// <summary>One teacher-forced step on the batch: loss, backward, clip by global norm, optimiser step. Returns the mean loss.</summary>
    public double TrainBatch(int[,] source, int[,] target, IOptimizer opt, double clip) =>
        throw new NotImplementedException(
            "Seq2Seq.TrainBatch: デコーダはエンコーダの最後の状態から始め、入力は正解をずらしたもの。デコーダの初期状態の勾配をエンコーダの最後の時刻へ戻すこと（lesson §7.6）。");

    /// <summary>Greedy decoding: each step feeds back its own arg-max; a row stops at EOS (not included) or after maxLength tokens.</summary>
    public int[][] Greedy(int[,] source, int maxLength) =>
        throw new NotImplementedException("Seq2Seq.Greedy: SOS から始め、毎回自分の arg-max を次の入力にし、EOS で止めます（lesson §7.6）。");
}
