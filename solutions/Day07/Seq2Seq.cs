using Course.Engine.Layers;
using Course.Engine.Optimizers;

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

    private readonly Embedding<double> _sourceEmbed, _targetEmbed;
    private readonly TimeGru<double> _encoder, _decoder;
    private readonly TimeAffine<double> _output;
    private readonly TimeSoftmaxWithLoss<double> _loss = new(ignoreIndex: Pad);
    private readonly Parameter[] _parameters;
    private readonly int _hidden;

    public Seq2Seq(int vocab, int embed, int hidden, bool attention, Rng rng)
    {
        if (vocab <= Eos || embed < 1 || hidden < 1) throw new ArgumentException($"Seq2Seq: need vocab > {Eos} and embed, hidden ≥ 1, got ({vocab}, {embed}, {hidden}).");
        ArgumentNullException.ThrowIfNull(rng);
        _sourceEmbed = new Embedding<double>(vocab, embed, rng);
        _encoder = new TimeGru<double>(embed, hidden, rng);
        _targetEmbed = new Embedding<double>(vocab, embed, rng);
        _decoder = new TimeGru<double>(embed, hidden, rng);
        _output = new TimeAffine<double>((attention ? 2 : 1) * hidden, vocab, rng);
        _parameters = [.. _sourceEmbed.Parameters, .. _encoder.Parameters, .. _targetEmbed.Parameters, .. _decoder.Parameters, .. _output.Parameters];
        (Attention, _hidden) = (attention, hidden);
    }

    public bool Attention { get; }
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The decoder input of the last <see cref="TrainBatch"/> (teacher forcing: <see cref="DecoderInput"/> of its target).</summary>
    public int[,]? LastDecoderInput { get; private set; }

    /// <summary>Attention weights (N, steps, Tₑ) of the last <see cref="Greedy"/> call; null without attention.</summary>
    public Tensor? LastAttention { get; private set; }

    /// <summary>Teacher forcing: the decoder reads SOS, then the true target shifted right by one — target[:, :-1].</summary>
    public static int[,] DecoderInput(int[,] target)
    {
        ArgumentNullException.ThrowIfNull(target);
        int n = target.GetLength(0), t = target.GetLength(1);
        var input = new int[n, t];
        for (int i = 0; i < n; i++)
        {
            input[i, 0] = Sos;
            for (int s = 1; s < t; s++) input[i, s] = target[i, s - 1];
        }
        return input;
    }

    /// <summary>One teacher-forced step on the batch: loss, backward, clip by global norm, optimiser step. Returns the mean loss.</summary>
    public double TrainBatch(int[,] source, int[,] target, IOptimizer opt, double clip)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(opt);
        if (source.GetLength(0) != target.GetLength(0))
            throw new ArgumentException($"Seq2Seq: source has {source.GetLength(0)} rows but target {target.GetLength(0)}.");
        var decoderInput = DecoderInput(target);
        LastDecoderInput = decoderInput;
        var mask = PaddingMask(source);
        var encHs = Encode(source);
        _decoder.State = _encoder.State;
        var decHs = _decoder.Forward(_targetEmbed.Forward(decoderInput));
        var (features, attentions) = Features(decHs, encHs, mask);
        double loss = _loss.Forward(_output.Forward(features), target);

        var dFeatures = _output.Backward(_loss.Backward());
        int n = decHs.Dim(0), td = decHs.Dim(1), te = encHs.Dim(1), h = _hidden;
        Tensor dDecHs, dEncHs = Tensor.Zeros(n, te, h);
        if (Attention)
        {
            var parts = Ops.Split(dFeatures, 2, h, h);
            dDecHs = parts[0].Clone();
            for (int t = 0; t < td; t++)
            {
                var (dq, dk) = attentions![t].Backward(parts[1].Slice(1, t, 1).Reshape(n, h));
                AddStep(dDecHs, t, dq);
                dEncHs.AddInPlace(dk);
            }
        }
        else dDecHs = dFeatures;
        _targetEmbed.Backward(_decoder.Backward(dDecHs));
        AddStep(dEncHs, te - 1, _decoder.StateGrad!);   // the decoder's start state is the encoder's last state
        _sourceEmbed.Backward(_encoder.Backward(dEncHs));
        GradientClipping.ClipByGlobalNorm(_parameters, clip);
        opt.Step(_parameters);
        return loss;
    }

    /// <summary>Greedy decoding: each step feeds back its own arg-max; a row stops at EOS (not included) or after maxLength tokens.</summary>
    public int[][] Greedy(int[,] source, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(source);
        int n = source.GetLength(0);
        var mask = PaddingMask(source);
        var encHs = Encode(source);
        var h = _encoder.State!;
        var token = new int[n, 1];
        for (int i = 0; i < n; i++) token[i, 0] = Sos;
        var outputs = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var done = new bool[n];
        var weights = new List<Tensor>();
        for (int step = 0; step < maxLength && done.Contains(false); step++)
        {
            _decoder.State = h;
            var decH = _decoder.Forward(_targetEmbed.Forward(token));
            h = _decoder.State!;
            var (features, attentions) = Features(decH, encHs, mask);
            if (attentions is not null) weights.Add(attentions[0].Weights!);
            var next = _output.Forward(features).Reshape(n, -1).ArgMax(1);
            for (int i = 0; i < n; i++)
            {
                token[i, 0] = next[i];
                if (done[i]) continue;
                if (next[i] == Eos) done[i] = true;
                else outputs[i].Add(next[i]);
            }
        }
        LastAttention = Attention && weights.Count > 0 ? StackSteps(weights) : null;
        return [.. outputs.Select(o => o.ToArray())];
    }

    /// <summary>Steps of (N, Tₑ) weights → (N, steps, Tₑ).</summary>
    private static Tensor StackSteps(List<Tensor> steps)
    {
        int n = steps[0].Dim(0), te = steps[0].Dim(1);
        var all = Tensor.Zeros(n, steps.Count, te);
        for (int t = 0; t < steps.Count; t++) AddStep(all, t, steps[t]);
        return all;
    }

    private Tensor Encode(int[,] source)
    {
        _encoder.ResetState();
        return _encoder.Forward(_sourceEmbed.Forward(source));
    }

    /// <summary>[h ; context] per decoder step with attention, else h itself.</summary>
    private (Tensor Features, DotAttention[]? Attentions) Features(Tensor decHs, Tensor encHs, bool[,] mask)
    {
        if (!Attention) return (decHs, null);
        int n = decHs.Dim(0), td = decHs.Dim(1), h = _hidden;
        var contexts = Tensor.Zeros(n, td, h);
        var attentions = new DotAttention[td];
        for (int t = 0; t < td; t++)
        {
            attentions[t] = new DotAttention();
            var (context, _) = attentions[t].Forward(decHs.Slice(1, t, 1).Reshape(n, h), encHs, mask);
            AddStep(contexts, t, context);
        }
        return (Ops.Concat(2, decHs, contexts), attentions);
    }

    private static bool[,] PaddingMask(int[,] source)
    {
        var mask = new bool[source.GetLength(0), source.GetLength(1)];
        for (int i = 0; i < source.GetLength(0); i++)
            for (int t = 0; t < source.GetLength(1); t++) mask[i, t] = source[i, t] == Pad;
        return mask;
    }

    /// <summary>Adds the (N, K) step tensor into time slot t of the (N, T, K) sequence tensor.</summary>
    private static void AddStep(Tensor seq, int t, Tensor step)
    {
        int n = seq.Dim(0), steps = seq.Dim(1), k = seq.Dim(2);
        var dst = seq.Span;
        var src = step.Span;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) dst[(i * steps + t) * k + j] += src[i * k + j];
    }
}
