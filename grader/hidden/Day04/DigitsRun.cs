using Course.Engine.Data;
using Course.Engine.Optimizers;

namespace Course.Day04.Tests;

/// <summary>The one 10-epoch SimpleConvNet run the convergence tests share (Momentum 0.9, lr 0.05, batch 32, seed 1):
/// run once per test process, so its cost is paid once.</summary>
internal sealed record DigitsRun(double[] EpochLoss, double TestAccuracy)
{
    private static readonly Lazy<DigitsRun> Shared = new(() => Train(seed: 1, epochs: 10));

    public static DigitsRun Seed1 => Shared.Value;

    public static DigitsRun Train(ulong seed, int epochs)
    {
        var (train, test) = Digits.LoadImages();
        var rng = new Rng(seed);
        var net = new SimpleConvNet(rng.Fork("init"));
        var shuffle = rng.Fork("shuffle");
        var optimizer = new Momentum<double>(0.05, 0.9);
        var curve = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            double sum = 0;
            int batches = 0;
            foreach (var batch in train.Batches(32, shuffle))
            {
                sum += net.Loss(batch.X, batch.Y);   // the loss before this batch's step, as a training log records it
                net.Gradient(batch.X, batch.Y);
                optimizer.Step(net.Parameters);
                batches++;
            }
            curve[e] = sum / batches;
        }
        return new DigitsRun(curve, Accuracy(net, test));
    }

    public static double Accuracy(SimpleConvNet net, Dataset data)
    {
        var scores = net.Predict(data.X);
        int correct = 0, classes = scores.Dim(1);
        var s = scores.Span;
        for (int i = 0; i < data.Count; i++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++) if (s[i * classes + c] > s[i * classes + best]) best = c;
            if (best == data.Y[i]) correct++;
        }
        return (double)correct / data.Count;
    }
}
