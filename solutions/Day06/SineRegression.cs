using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Day06;

/// <summary>Exercise 6.6 — many-to-one regression: read 20 values of a noisy sine, predict the next one (lesson §6.6).</summary>
public static class SineRegression
{
    public const int Windows = 1000, TrainWindows = 800, Window = 20, Hidden = 16, BatchSize = 32;
    public const double NoiseStd = 0.05, LearningRate = 0.01;

    /// <summary>
    /// Data <c>Sequences.NoisySine(1000, 20, 0.05, rng)</c>: the first 800 windows train, the last 200 test (time order).
    /// Model TimeRnn(1, 16, rng) (not stateful) → the last step's hidden state → <c>Affine&lt;double&gt;(16, 1, rng,
    /// WeightInit.Xavier)</c>, trained with the engine's MeanSquaredError and <c>Adam&lt;double&gt;(0.01)</c> on
    /// mini-batches of 32 taken in the order of <c>rng.Permutation(800)</c>, one permutation per epoch. The rng is
    /// used in exactly that order: data, TimeRnn, Affine, then the permutations.
    /// </summary>
    /// <returns>
    /// Mean squared errors (1/M)·Σ(ŷ − y)² after training on the train and test windows, and on the test windows the
    /// error of the persistence baseline ŷ = the window's last value.
    /// </returns>
    public static (double TrainMse, double TestMse, double PersistenceMse) Run(int epochs, Rng rng)
    {
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), $"SineRegression.Run: epochs must be ≥ 0, got {epochs}.");
        ArgumentNullException.ThrowIfNull(rng);
        var (x, y) = Sequences.NoisySine(Windows, Window, NoiseStd, rng);
        var trainIdx = Enumerable.Range(0, TrainWindows).ToArray();
        var testIdx = Enumerable.Range(TrainWindows, Windows - TrainWindows).ToArray();
        var (xTrain, yTrain, xTest, yTest) = (x.Rows(trainIdx), y.Rows(trainIdx), x.Rows(testIdx), y.Rows(testIdx));

        var rnn = new TimeRnn(1, Hidden, rng);
        var fc = new Affine<double>(Hidden, 1, rng, WeightInit.Xavier);
        var loss = new MeanSquaredError<double>();
        var opt = new Adam<double>(LearningRate);
        var ps = rnn.Parameters.Concat(fc.Parameters).ToList();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var perm = rng.Permutation(TrainWindows);
            for (int start = 0; start < TrainWindows; start += BatchSize)
            {
                var idx = perm.AsSpan(start, Math.Min(BatchSize, TrainWindows - start));
                var xb = xTrain.Rows(idx);
                var hs = rnn.Forward(xb);
                var pred = fc.Forward(Last(hs));
                loss.Forward(pred, yTrain.Rows(idx));
                var dh = fc.Backward(loss.Backward());
                rnn.Backward(AtLast(dh, hs.Dim(1)));
                opt.Step(ps);
            }
        }

        double Mse(Tensor xs, Tensor ys)
        {
            var pred = fc.Forward(Last(rnn.Forward(xs, training: false)), training: false);
            double sum = 0;
            for (int i = 0; i < ys.Length; i++) sum += (pred.Span[i] - ys.Span[i]) * (pred.Span[i] - ys.Span[i]);
            return sum / ys.Length;
        }

        double persistence = 0;
        for (int i = 0; i < yTest.Length; i++)
        {
            double last = xTest.Span[i * Window + Window - 1];
            persistence += (last - yTest.Span[i]) * (last - yTest.Span[i]);
        }
        return (Mse(xTrain, yTrain), Mse(xTest, yTest), persistence / yTest.Length);
    }

    /// <summary>hs (N, T, H) → h at the last step (N, H).</summary>
    private static Tensor Last(Tensor hs) => hs.Slice(1, hs.Dim(1) - 1, 1).Reshape(hs.Dim(0), hs.Dim(2));

    /// <summary>dh (N, H) placed at the last of T steps of a zero (N, T, H) gradient: the loss reads only h_T.</summary>
    private static Tensor AtLast(Tensor dh, int steps)
    {
        int n = dh.Dim(0), h = dh.Dim(1);
        var d = Tensor.Zeros(n, steps, h);
        for (int i = 0; i < n; i++) dh.Span.Slice(i * h, h).CopyTo(d.Span.Slice((i * steps + steps - 1) * h, h));
        return d;
    }
}
