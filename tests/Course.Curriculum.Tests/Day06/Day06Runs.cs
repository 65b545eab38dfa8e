using Course.Engine;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Tensor = Course.Engine.Tensor<double>;
using Parameter = Course.Engine.Parameter<double>;

namespace Course.Curriculum.Tests.Day06;

/// <summary>
/// The deterministic runs the Day 6 lesson, figures, quiz and notebook quote, built from the engine only
/// (Embedding, RnnCell, TimeRnn, TimeAffine, TimeSoftmaxWithLoss, Adam, GradientClipping). The notebook repeats the
/// same code cell by cell, so it prints the same numbers.
/// </summary>
public static class Day06Runs
{
    // ---- the toy corpus: "subject verb object." sentences, 5 × 5 × 5 phrases, drawn uniformly ----

    public static readonly string[] Subjects = ["the cat", "a dog", "my bird", "the old fox", "a small fish"];
    public static readonly string[] Verbs = ["sees", "eats", "likes", "chases", "finds"];
    public static readonly string[] Objects = ["the ball", "a red apple", "the moon", "some bread", "a big box"];

    /// <summary>The 22 symbols (letters of the phrases, space and full stop), sorted by code point.</summary>
    public static readonly char[] Symbols =
        [.. Subjects.Concat(Verbs).Concat(Objects).SelectMany(p => p).Append(' ').Append('.').Distinct().Order()];

    /// <summary><paramref name="sentences"/> sentences; each draws rng.NextInt(5) for subject, verb, object in that order.</summary>
    public static string Corpus(int sentences, Rng rng)
    {
        var parts = new string[sentences];
        for (int i = 0; i < sentences; i++)
        {
            var s = Subjects[rng.NextInt(5)];
            var v = Verbs[rng.NextInt(5)];
            var o = Objects[rng.NextInt(5)];
            parts[i] = $"{s} {v} {o}.";
        }
        return string.Join(' ', parts);
    }

    public static int[] Encode(string text) => [.. text.Select(c => Array.BinarySearch(Symbols, c))];

    /// <summary>The lesson's corpus: 600 sentences from seed 0, first 90% train, the rest test (text order).</summary>
    public static (string Text, int[] Train, int[] Test) LessonCorpus()
    {
        var text = Corpus(600, new Rng(0));
        var ids = Encode(text);
        int cut = (int)Math.Floor(0.9 * ids.Length);
        return (text, ids[..cut], ids[cut..]);
    }

    // ---- n-gram baselines (add-one smoothing) ----

    public static double UnigramPerplexity(int[] train, int[] test, int vocab)
    {
        var counts = new long[vocab];
        foreach (int c in train) counts[c]++;
        double sum = 0;
        foreach (int c in test) sum -= Math.Log((counts[c] + 1.0) / (train.Length + (double)vocab));
        return Math.Exp(sum / test.Length);
    }

    public static double BigramPerplexity(int[] train, int[] test, int vocab)
    {
        var pairs = new long[vocab, vocab];
        var starts = new long[vocab];
        for (int i = 1; i < train.Length; i++) { pairs[train[i - 1], train[i]]++; starts[train[i - 1]]++; }
        double sum = 0;
        for (int i = 1; i < test.Length; i++)
            sum -= Math.Log((pairs[test[i - 1], test[i]] + 1.0) / (starts[test[i - 1]] + (double)vocab));
        return Math.Exp(sum / (test.Length - 1));
    }

    // ---- the character language model: Embedding → TimeRnn (stateful) → TimeAffine → TimeSoftmaxWithLoss ----

    public sealed class CharLm
    {
        public CharLm(int vocab, int hidden, Rng rng)
        {
            Embed = new Embedding<double>(vocab, hidden, rng);
            Rnn = new TimeRnn<double>(hidden, hidden, rng, stateful: true);
            Affine = new TimeAffine<double>(hidden, vocab, rng);
            Parameters = [.. Embed.Parameters, .. Rnn.Parameters, .. Affine.Parameters];
        }

        public Embedding<double> Embed { get; }
        public TimeRnn<double> Rnn { get; }
        public TimeAffine<double> Affine { get; }
        public TimeSoftmaxWithLoss<double> Loss { get; } = new();
        public IReadOnlyList<Parameter> Parameters { get; }

        public Tensor Scores(int[,] xs) => Affine.Forward(Rnn.Forward(Embed.Forward(xs)));

        /// <summary>
        /// One epoch of truncated BPTT: batch parallel streams starting jump = (L − 1) / batch apart; iteration i reads
        /// steps i·T … i·T + T − 1 of every stream; the state is reset at the start and carried between iterations.
        /// </summary>
        /// <returns>The mean loss of the iterations and the largest gradient norm seen before clipping.</returns>
        public (double Loss, double MaxNorm) TrainEpoch(int[] corpus, int batch, int timeSteps, IOptimizer<double> opt, double clip)
        {
            int jump = (corpus.Length - 1) / batch, iterations = jump / timeSteps;
            Rnn.ResetState();
            double total = 0, maxNorm = 0;
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
                total += Loss.Forward(Scores(xs), ts);
                Embed.Backward(Rnn.Backward(Affine.Backward(Loss.Backward())));
                maxNorm = Math.Max(maxNorm, GradientClipping.ClipByGlobalNorm(Parameters, clip));
                opt.Step(Parameters);
            }
            return (total / iterations, maxNorm);
        }

        /// <summary>Mean cross-entropy of predicting text[k + 1] from text[0 … k] as one stream, state carried through.</summary>
        public double Evaluate(int[] text)
        {
            Rnn.ResetState();
            double sum = 0;
            for (int start = 0; start < text.Length - 1; start += 100)
            {
                int len = Math.Min(100, text.Length - 1 - start);
                var xs = new int[1, len];
                var ts = new int[1, len];
                for (int t = 0; t < len; t++) { xs[0, t] = text[start + t]; ts[0, t] = text[start + t + 1]; }
                sum += Loss.Forward(Scores(xs), ts) * len;
            }
            Rnn.ResetState();
            return sum / (text.Length - 1);
        }

        /// <summary>Greedy (temperature 0) continuation of a prefix.</summary>
        public string Greedy(string prefix, int length)
        {
            Rnn.ResetState();
            var ids = Encode(prefix);
            var input = new int[1, ids.Length];
            for (int t = 0; t < ids.Length; t++) input[0, t] = ids[t];
            var scores = Scores(input);
            int last = ids.Length - 1, v = Symbols.Length;
            var text = new System.Text.StringBuilder(prefix);
            for (int i = 0; i < length; i++)
            {
                var row = scores.Span.Slice(last * v, v);
                int best = 0;
                for (int j = 1; j < v; j++) if (row[j] > row[best]) best = j;
                text.Append(Symbols[best]);
                scores = Scores(new int[1, 1] { { best } });
                last = 0;
            }
            Rnn.ResetState();
            return text.ToString();
        }
    }

    public sealed record LmRun(double[] TrainLoss, double[] TestCrossEntropy, double[] MaxGradNorm, double InitialTestCrossEntropy, string Greedy)
    {
        public double[] TestPerplexity => [.. TestCrossEntropy.Select(Math.Exp)];
    }

    public const int LmHidden = 64, LmBatch = 16, LmTimeSteps = 20, LmSeed = 42;
    public const double LmLearningRate = 5e-3, LmClip = 5.0;

    /// <summary>The lesson's run: hidden 64, 16 streams, T = 20, Adam 5e-3, clip 5, model seed 42, on <see cref="LessonCorpus"/>.</summary>
    public static LmRun TrainLanguageModel(int epochs)
    {
        var (_, train, test) = LessonCorpus();
        var lm = new CharLm(Symbols.Length, LmHidden, new Rng(LmSeed));
        var opt = new Adam<double>(LmLearningRate);
        double initial = lm.Evaluate(test);
        var loss = new double[epochs];
        var ce = new double[epochs];
        var norm = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            (loss[e], norm[e]) = lm.TrainEpoch(train, LmBatch, LmTimeSteps, opt, LmClip);
            ce[e] = lm.Evaluate(test);
        }
        return new LmRun(loss, ce, norm, initial, lm.Greedy("the cat ", 40));
    }

    private static readonly Lazy<LmRun> Lesson5 = new(() => TrainLanguageModel(5));

    /// <summary>The 5-epoch run, computed once per test process.</summary>
    public static LmRun LessonRun => Lesson5.Value;

    // ---- vanishing / exploding gradients through the engine's RnnCell ----

    /// <summary>An orthogonal (H, H) matrix: Gram–Schmidt on N(0, 1) draws (rows orthonormal).</summary>
    public static Tensor Orthogonal(int h, Rng rng)
    {
        var a = rng.Normal(1.0, h, h).ToArray();
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double dot = 0;
                for (int k = 0; k < h; k++) dot += a[i * h + k] * a[j * h + k];
                for (int k = 0; k < h; k++) a[i * h + k] -= dot * a[j * h + k];
            }
            double norm = 0;
            for (int k = 0; k < h; k++) norm += a[i * h + k] * a[i * h + k];
            norm = Math.Sqrt(norm);
            for (int k = 0; k < h; k++) a[i * h + k] /= norm;
        }
        return Tensor.From(a, h, h);
    }

    public const int GradHidden = 16, GradSteps = 50;

    /// <summary>
    /// ‖∂L/∂h_{T−k}‖ for k = 0 … T through T engine RnnCells sharing Wh = scale·Q (Q orthogonal, so every singular
    /// value of Wh is <paramref name="scale"/>), Wx Xavier, b = 0, h₀ = 0, batch 1. L = u·h_T with a unit vector u.
    /// Inputs are zeros (<paramref name="inputStd"/> 0: every hₜ = 0, tanh' = 1, a pure product of Whᵀ) or N(0, std²).
    /// </summary>
    public static double[] GradientNormByDistance(double scale, double inputStd, int steps = GradSteps, ulong seed = 7)
    {
        var rng = new Rng(seed);
        int h = GradHidden;
        var wh = Orthogonal(h, rng) * scale;
        var wx = rng.Normal(Math.Sqrt(1.0 / h), h, h);
        var b = Tensor.Zeros(h);
        var xs = rng.Normal(1.0, steps, h);          // drawn always, so the weights do not depend on inputStd
        var cells = new RnnCell<double>[steps];
        var state = Tensor.Zeros(1, h);
        for (int t = 0; t < steps; t++)
        {
            cells[t] = new RnnCell<double>(wx, wh, b);
            var x = Tensor.From([.. xs.Row(t).ToArray().Select(v => v * inputStd)], 1, h);
            state = cells[t].Forward(x, state);
        }
        var u = rng.Normal(1.0, 1, h);
        double un = Math.Sqrt(u.ToArray().Sum(v => v * v));
        var dh = u * (1.0 / un);
        var norms = new double[steps + 1];
        norms[0] = 1.0;
        for (int k = 1; k <= steps; k++)
        {
            (_, dh) = cells[steps - k].Backward(dh);
            norms[k] = Math.Sqrt(dh.ToArray().Sum(v => v * v));
        }
        return norms;
    }

    // ---- the worked example of the lesson (§6.4): D = 2, H = 2, two steps ----

    public static readonly double[,] ExampleWx = { { 0.5, -0.3 }, { 0.2, 0.4 } };   // (H, D)
    public static readonly double[,] ExampleWh = { { 0.1, 0.6 }, { -0.5, 0.3 } };   // (H, H)
    public static readonly double[] ExampleB = [0.0, 0.1];
    public static readonly double[][] ExampleX = [[1.0, 0.0], [0.0, 1.0]];

    /// <summary>h₁, h₂ of the worked example, and with L = h₂[0] + h₂[1]: dh₁, dWh, dWx, db by BPTT through two engine cells.</summary>
    public static (double[] H1, double[] H2, double[] Dh1, double[] DWh, double[] DWx, double[] Db) WorkedExample()
    {
        var wx = Tensor.From(ExampleWx);
        var wh = Tensor.From(ExampleWh);
        var b = Tensor.From(ExampleB, 2);
        var c1 = new RnnCell<double>(wx, wh, b);
        var c2 = new RnnCell<double>(wx, wh, b);
        var h1 = c1.Forward(Tensor.From(ExampleX[0], 1, 2), Tensor.Zeros(1, 2));
        var h2 = c2.Forward(Tensor.From(ExampleX[1], 1, 2), h1);
        var (_, dh1) = c2.Backward(Tensor.From([1.0, 1.0], 1, 2));
        c1.Backward(dh1);
        double[] Sum(Func<RnnCell<double>, Tensor> g) => [.. g(c1).ToArray().Zip(g(c2).ToArray(), (p, q) => p + q)];
        return (h1.ToArray(), h2.ToArray(), dh1.ToArray(), Sum(c => c.Wh.Grad), Sum(c => c.Wx.Grad), Sum(c => c.B.Grad));
    }
}
