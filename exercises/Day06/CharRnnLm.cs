namespace Course.Day06;

/// <summary>Exercise 6.7 — a character language model: Embedding → TimeRnn (stateful) → TimeAffine → TimeSoftmaxWithLoss (lesson §6.7).</summary>
/// <remarks>
/// Layers, drawn from rng in this order: Embedding(vocab, hidden), TimeRnn(hidden, hidden, stateful: true),
/// TimeAffine(hidden, vocab). <see cref="Parameters"/> lists the embedding's, the RNN's, then the affine layer's.
/// </remarks>
public sealed class CharRnnLm
{
    public CharRnnLm(int vocab, int hidden, Rng rng) =>
        throw new NotImplementedException("CharRnnLm: build the three layers in the documented order and a time loss (lesson §6.7).");

    public int Vocab => throw new NotImplementedException("CharRnnLm.Vocab (lesson §6.7).");

    /// <summary>The recurrent layer (its <see cref="TimeRnn.State"/> is the carried hidden state).</summary>
    public TimeRnn Rnn => throw new NotImplementedException("CharRnnLm.Rnn (lesson §6.7).");

    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("CharRnnLm.Parameters: embedding, RNN, affine (lesson §6.7).");

    /// <summary>
    /// One pass over <paramref name="corpus"/> as <paramref name="batch"/> parallel streams with truncated BPTT.
    /// With L = length − 1 and jump = L / batch, stream b reads inputs corpus[b·jump + k] and targets corpus[b·jump + k + 1];
    /// iteration i (0 … jump / timeSteps − 1) takes k = i·timeSteps … i·timeSteps + timeSteps − 1 for every stream.
    /// The state is reset at the start of the epoch and carried between iterations. Each iteration: forward, backward,
    /// <see cref="GradientClipping.ClipByGlobalNorm"/> with <paramref name="clip"/> (skipped when clip ≤ 0), opt.Step.
    /// </summary>
    /// <returns>The mean of the iterations' losses.</returns>
    public double TrainEpoch(int[] corpus, int batch, int timeSteps, IOptimizer opt, double clip) =>
        throw new NotImplementedException(
            "CharRnnLm.TrainEpoch: cut the corpus into batch streams, walk them in chunks of timeSteps; the stateful RNN carries h between chunks while each backward stays inside its chunk (lesson §6.7).");

    /// <summary>
    /// Mean cross-entropy of predicting text[k + 1] from text[0 … k], k = 0 … length − 2, as one stream starting from a
    /// zero state with the state carried through the whole text. Leaves the state reset.
    /// </summary>
    public double Evaluate(int[] text) =>
        throw new NotImplementedException("CharRnnLm.Evaluate: one stream, state carried across chunks, weight each chunk's mean loss by its length (lesson §6.7).");

    /// <summary>
    /// Feeds <paramref name="prefix"/> from a zero state, then generates <paramref name="length"/> symbols one at a time,
    /// each fed back as the next input. Temperature 0 takes the arg-max (lowest id on ties) and draws nothing; a
    /// temperature τ &gt; 0 draws from softmax(scores / τ) with one <c>rng.NextDouble()</c> u per symbol, taking the first
    /// id whose cumulative probability exceeds u. Leaves the state reset.
    /// </summary>
    /// <returns>The decoded prefix followed by the generated symbols.</returns>
    public string Sample(int[] prefix, int length, double temperature, Rng rng, Func<int, char> decode) =>
        throw new NotImplementedException("CharRnnLm.Sample: warm the state up on the prefix, then feed each chosen symbol back in; divide the scores by τ before the softmax (lesson §6.7).");
}
