namespace Course.Day06;

/// <summary>Exercise 6.7 — a character language model: Embedding → TimeRnn (stateful) → TimeAffine → TimeSoftmaxWithLoss (lesson §6.7).</summary>
/// <remarks>
/// Layers, drawn from rng in this order: Embedding(vocab, hidden), TimeRnn(hidden, hidden, stateful: true),
/// TimeAffine(hidden, vocab). <see cref="Parameters"/> lists the embedding's, the RNN's, then the affine layer's.
/// </remarks>
public sealed class CharRnnLm
{
    private readonly Embedding _embed;
    private readonly TimeAffine _affine;
    private readonly TimeSoftmaxWithLoss _loss = new();
    private readonly Parameter[] _parameters;

    public CharRnnLm(int vocab, int hidden, Rng rng)
    {
        _embed = new Embedding(vocab, hidden, rng);
        Rnn = new TimeRnn(hidden, hidden, rng, stateful: true);
        _affine = new TimeAffine(hidden, vocab, rng);
        _parameters = [.. _embed.Parameters, .. Rnn.Parameters, .. _affine.Parameters];
        Vocab = vocab;
    }

    public int Vocab { get; }

    /// <summary>The recurrent layer (its <see cref="TimeRnn.State"/> is the carried hidden state).</summary>
    public TimeRnn Rnn { get; }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// One pass over <paramref name="corpus"/> as <paramref name="batch"/> parallel streams with truncated BPTT.
    /// With L = length − 1 and jump = L / batch, stream b reads inputs corpus[b·jump + k] and targets corpus[b·jump + k + 1];
    /// iteration i (0 … jump / timeSteps − 1) takes k = i·timeSteps … i·timeSteps + timeSteps − 1 for every stream.
    /// The state is reset at the start of the epoch and carried between iterations. Each iteration: forward, backward,
    /// <see cref="GradientClipping.ClipByGlobalNorm"/> with <paramref name="clip"/> (skipped when clip ≤ 0), opt.Step.
    /// </summary>
    /// <returns>The mean of the iterations' losses.</returns>
    public double TrainEpoch(int[] corpus, int batch, int timeSteps, IOptimizer opt, double clip)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(opt);
        if (batch < 1 || timeSteps < 1) throw new ArgumentOutOfRangeException(nameof(batch), $"CharRnnLm.TrainEpoch: need batch, timeSteps ≥ 1, got ({batch}, {timeSteps}).");
        int jump = (corpus.Length - 1) / batch, iterations = jump / timeSteps;
        if (iterations < 1)
            throw new ArgumentException($"CharRnnLm.TrainEpoch: a corpus of {corpus.Length} symbols is too short for {batch} streams of {timeSteps} steps.", nameof(corpus));
        Rnn.ResetState();
        double total = 0;
        var xs = new int[batch, timeSteps];
        var ts = new int[batch, timeSteps];
        for (int it = 0; it < iterations; it++)
        {
            for (int b = 0; b < batch; b++)
                for (int t = 0; t < timeSteps; t++)
                {
                    int k = b * jump + it * timeSteps + t;
                    xs[b, t] = corpus[k];
                    ts[b, t] = corpus[k + 1];
                }
            total += Step(xs, ts);
            if (clip > 0) GradientClipping.ClipByGlobalNorm(_parameters, clip);
            opt.Step(_parameters);
        }
        return total / iterations;
    }

    /// <summary>
    /// Mean cross-entropy of predicting text[k + 1] from text[0 … k], k = 0 … length − 2, as one stream starting from a
    /// zero state with the state carried through the whole text. Leaves the state reset.
    /// </summary>
    public double Evaluate(int[] text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2) throw new ArgumentException($"CharRnnLm.Evaluate: need at least 2 symbols, got {text.Length}.", nameof(text));
        const int chunk = 100;
        Rnn.ResetState();
        double sum = 0;
        for (int start = 0; start < text.Length - 1; start += chunk)
        {
            int len = Math.Min(chunk, text.Length - 1 - start);
            var xs = new int[1, len];
            var ts = new int[1, len];
            for (int t = 0; t < len; t++) { xs[0, t] = text[start + t]; ts[0, t] = text[start + t + 1]; }
            sum += _loss.Forward(Scores(xs), ts) * len;
        }
        Rnn.ResetState();
        return sum / (text.Length - 1);
    }

    /// <summary>
    /// Feeds <paramref name="prefix"/> from a zero state, then generates <paramref name="length"/> symbols one at a time,
    /// each fed back as the next input. Temperature 0 takes the arg-max (lowest id on ties) and draws nothing; a
    /// temperature τ &gt; 0 draws from softmax(scores / τ) with one <c>rng.NextDouble()</c> u per symbol, taking the first
    /// id whose cumulative probability exceeds u. Leaves the state reset.
    /// </summary>
    /// <returns>The decoded prefix followed by the generated symbols.</returns>
    public string Sample(int[] prefix, int length, double temperature, Rng rng, Func<int, char> decode)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(decode);
        if (prefix.Length == 0) throw new ArgumentException("CharRnnLm.Sample: the prefix must not be empty.", nameof(prefix));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), $"CharRnnLm.Sample: length must be ≥ 0, got {length}.");
        if (!(temperature >= 0)) throw new ArgumentOutOfRangeException(nameof(temperature), $"CharRnnLm.Sample: temperature must be ≥ 0, got {temperature}.");
        Rnn.ResetState();
        var text = new System.Text.StringBuilder();
        var input = new int[1, prefix.Length];
        for (int t = 0; t < prefix.Length; t++) { input[0, t] = prefix[t]; text.Append(decode(prefix[t])); }
        var scores = Scores(input);
        int last = prefix.Length - 1;
        for (int i = 0; i < length; i++)
        {
            var row = scores.Span.Slice(last * Vocab, Vocab);
            int next = Choose(row, temperature, rng);
            text.Append(decode(next));
            scores = Scores(new int[1, 1] { { next } });
            last = 0;
        }
        Rnn.ResetState();
        return text.ToString();
    }

    private static int Choose(ReadOnlySpan<double> scores, double temperature, Rng rng)
    {
        int best = 0;
        for (int j = 1; j < scores.Length; j++) if (scores[j] > scores[best]) best = j;
        if (temperature == 0) return best;
        var p = new double[scores.Length];
        double sum = 0;
        for (int j = 0; j < p.Length; j++) { p[j] = Math.Exp((scores[j] - scores[best]) / temperature); sum += p[j]; }
        double u = rng.NextDouble(), cumulative = 0;
        for (int j = 0; j < p.Length; j++)
        {
            cumulative += p[j] / sum;
            if (cumulative > u) return j;
        }
        return p.Length - 1;
    }

    private Tensor Scores(int[,] xs) => _affine.Forward(Rnn.Forward(_embed.Forward(xs)));

    private double Step(int[,] xs, int[,] ts)
    {
        double loss = _loss.Forward(Scores(xs), ts);
        _embed.Backward(Rnn.Backward(_affine.Backward(_loss.Backward())));
        return loss;
    }
}
