using Course.Engine.Optimizers;

namespace Course.Day06.Tests;

/// <summary>The expensive runs, done once per test process and shared by the tests that read them.</summary>
internal static class Reference
{
    public static readonly Lazy<(double TrainMse, double TestMse, double PersistenceMse)> Sine20 = new(() => SineRegression.Run(20, new Rng(6)));

    public static readonly Lazy<TrainedLm> Lm = new(() =>
    {
        var (train, test) = ToyCorpus.Generate(600, new Rng(0)).Split();
        var lm = new CharRnnLm(ToyCorpus.Vocab, 64, new Rng(7));
        var opt = new Adam<double>(5e-3);
        var losses = new double[5];
        for (int e = 0; e < losses.Length; e++) losses[e] = lm.TrainEpoch(train, 16, 20, opt, 5.0);
        return new TrainedLm(lm, losses, lm.Evaluate(test), test);
    });

    internal sealed record TrainedLm(CharRnnLm Model, double[] EpochLosses, double TestCrossEntropy, int[] Test);
}
