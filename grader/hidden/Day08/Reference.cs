using Course.Engine.Optimizers;

namespace Course.Day08.Hidden;

/// <summary>The expensive runs, done once per test process and shared by the tests that read them.</summary>
internal static class Reference
{
    public static readonly Lazy<(Dataset Train, Dataset Test)> Digits8x8 = new(Digits.Load);

    /// <summary>Autoencoder(Rng 8), Adam 1e-3, batch 32, 30 epochs with shuffling from Rng 81.</summary>
    public static readonly Lazy<AeRun> Ae30 = new(() =>
    {
        var (train, test) = Digits8x8.Value;
        var ae = new Autoencoder(new Rng(8));
        double untrained = ae.Loss(test.X);
        var opt = new Adam<double>(1e-3);
        var rng = new Rng(81);
        var losses = new double[30];
        for (int e = 0; e < losses.Length; e++) losses[e] = ae.TrainEpoch(train, 32, opt, rng);
        return new AeRun(ae, untrained, losses, ae.Loss(test.X));
    });

    /// <summary>Vae(2, Rng 5), Adam 1e-3, batch 32, 10 epochs from Rng 51; test −ELBO after each epoch with ε from Rng 52.</summary>
    public static readonly Lazy<VaeRun> Vae10 = new(() =>
    {
        var (train, test) = Digits8x8.Value;
        var vae = new Vae(2, new Rng(5));
        var opt = new Adam<double>(1e-3);
        var rng = new Rng(51);
        var trainLoss = new double[10];
        var testElbo = new double[10];
        var testKl = new double[10];
        for (int e = 0; e < 10; e++)
        {
            trainLoss[e] = vae.TrainEpoch(train, 32, opt, rng);
            var (rec, kl) = vae.Loss(test.X, new Rng(52));
            (testElbo[e], testKl[e]) = (rec + kl, kl);
        }
        return new VaeRun(vae, trainLoss, testElbo, testKl);
    });

    /// <summary>Gan1D(Rng 1) for 3,000 steps on batches of 64 from Rng 101; the first two steps' losses; 10,000 samples from Rng 9.</summary>
    public static readonly Lazy<GanRun> Gan3000 = new(() =>
    {
        var gan = new Gan1D(new Rng(1));
        var data = new Rng(101);
        var first = new (double, double)[2];
        for (int s = 0; s < 3000; s++)
        {
            var losses = gan.Step(Gaussian1D.Sample(64, data), Gaussian1D.Noise(64, data));
            if (s < 2) first[s] = losses;
        }
        var x = gan.Generate(Gaussian1D.Noise(10_000, new Rng(9)));
        double mean = x.Mean();
        var c = x - mean;
        return new GanRun(first, mean, Math.Sqrt((c * c).Mean()));
    });

    internal sealed record AeRun(Autoencoder Model, double UntrainedTestMse, double[] TrainLosses, double TestMse);
    internal sealed record VaeRun(Vae Model, double[] TrainLosses, double[] TestElbo, double[] TestKl);
    internal sealed record GanRun((double D, double G)[] FirstSteps, double Mean, double Std);

    /// <summary>Central differences of <paramref name="loss"/> against every parameter's Grad (after the caller's Backward).</summary>
    public static void ParametersMatch(IReadOnlyList<Parameter> parameters, Func<double> loss, double tolerance)
    {
        var grads = parameters.Select(p => p.Grad.Clone()).ToArray();
        for (int i = 0; i < grads.Length; i++)
        {
            var p = parameters[i];
            var saved = p.Value.Clone();
            try
            {
                GradAssert.FunctionGradientMatches(v =>
                {
                    p.Value.CopyFrom(v);
                    return loss();
                }, saved, grads[i], tolerance);
            }
            catch (EngineAssertionException e)
            {
                throw new Xunit.Sdk.XunitException($"parameter #{i} ({p.Name}, {p.Value.ShapeString}): {e.Message}");
            }
            finally
            {
                p.Value.CopyFrom(saved);
            }
        }
    }

    /// <summary>Every parameter's value, copied.</summary>
    public static double[][] Snapshot(IReadOnlyList<Parameter> parameters) => parameters.Select(p => p.Value.ToArray()).ToArray();

    /// <summary>True when every value equals the snapshot bit for bit.</summary>
    public static bool Unchanged(IReadOnlyList<Parameter> parameters, double[][] snapshot) =>
        parameters.Select((p, i) => p.Value.ToArray().SequenceEqual(snapshot[i])).All(b => b);
}
