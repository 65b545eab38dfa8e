using Course.Engine.Optimizers;

namespace Course.Day07.Tests;

/// <summary>The expensive runs, done once per test process and shared by the tests that read them.</summary>
internal static class Reference
{
    public const int TrainPairs = 3000, TestPairs = 500, Epochs = 5, Batch = 64, Embed = 32, Hidden = 64;

    /// <summary>Reversal pairs of 3–6 digits: the training set from Rng(70), the test set from Rng(71).</summary>
    public static readonly Lazy<((int[,] Source, int[,] Target) Train, (int[,] Source, int[,] Target) Test)> ReversalData = new(() =>
        (Sequences.Reversal(TrainPairs, 3, 6, new Rng(70)), Sequences.Reversal(TestPairs, 3, 6, new Rng(71))));

    public static readonly Lazy<TrainedSeq2Seq> WithAttention = new(() => TrainSeq2Seq(attention: true, seed: 72));
    public static readonly Lazy<TrainedSeq2Seq> WithoutAttention = new(() => TrainSeq2Seq(attention: false, seed: 72));

    /// <summary>
    /// The Mackey–Glass one-step prediction: tanh(u − 1) of 2,601 samples, input uₜ and target uₜ₊₁; the first 2,000
    /// pairs train (washout 100), the remaining 600 test with the state continuing from the training run.
    /// </summary>
    public static (double[] TrainIn, double[] TrainOut, double[] TestIn, double[] TestOut) MackeyGlass()
    {
        var u = Sequences.MackeyGlass(2601).Select(v => Math.Tanh(v - 1)).ToArray();
        return (u[..2000], u[1..2001], u[2000..2600], u[2001..2601]);
    }

    /// <summary>NRMSE = RMSE / std(target).</summary>
    public static double Nrmse(double[] prediction, double[] target)
    {
        double mean = target.Average();
        double se = 0, var = 0;
        for (int i = 0; i < target.Length; i++)
        {
            se += (prediction[i] - target[i]) * (prediction[i] - target[i]);
            var += (target[i] - mean) * (target[i] - mean);
        }
        return Math.Sqrt(se / var);
    }

    public static readonly Lazy<double> EsnTestNrmse = new(() => EsnNrmse(0.9, new Rng(73)));

    public static double EsnNrmse(double spectralRadius, Rng rng)
    {
        var (trainIn, trainOut, testIn, testOut) = MackeyGlass();
        var esn = new EchoStateNetwork(200, spectralRadius, 0.5, 1.0, rng);
        esn.Fit(trainIn, trainOut, 100, 1e-6);
        return Nrmse(esn.Predict(testIn), testOut);
    }

    /// <summary>Five epochs of shuffled batches of 64 with Adam(1e-2) and clipping at 5; returns the model, the mean loss per epoch and the test accuracy.</summary>
    public static TrainedSeq2Seq TrainSeq2Seq(bool attention, ulong seed)
    {
        var ((source, target), test) = ReversalData.Value;
        var rng = new Rng(seed);
        var model = new Seq2Seq(Sequences.ReversalVocab, Embed, Hidden, attention, rng.Fork("init"));
        var opt = new Adam<double>(1e-2);
        var shuffle = rng.Fork("shuffle");
        var losses = new double[Epochs];
        for (int e = 0; e < Epochs; e++)
        {
            var order = shuffle.Permutation(TrainPairs);
            double sum = 0;
            int batches = 0;
            for (int start = 0; start < TrainPairs; start += Batch)
            {
                var rows = order.AsSpan(start, Math.Min(Batch, TrainPairs - start)).ToArray();
                sum += model.TrainBatch(Rows(source, rows), Rows(target, rows), opt, 5.0);
                batches++;
            }
            losses[e] = sum / batches;
        }
        return new TrainedSeq2Seq(model, losses, ExactAccuracy(model, test.Source, test.Target));
    }

    /// <summary>The share of test pairs whose greedy output equals the reversed digits exactly (EOS at the right place).</summary>
    public static double ExactAccuracy(Seq2Seq model, int[,] source, int[,] target)
    {
        var outputs = model.Greedy(source, target.GetLength(1));
        int correct = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            var expected = Enumerable.Range(0, target.GetLength(1)).Select(t => target[i, t]).TakeWhile(v => v != Sequences.ReversalEos).ToArray();
            if (outputs[i].SequenceEqual(expected)) correct++;
        }
        return (double)correct / outputs.Length;
    }

    public static int[,] Rows(int[,] m, int[] rows)
    {
        var r = new int[rows.Length, m.GetLength(1)];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < m.GetLength(1); j++) r[i, j] = m[rows[i], j];
        return r;
    }

    internal sealed record TrainedSeq2Seq(Seq2Seq Model, double[] EpochLosses, double TestAccuracy);
}
