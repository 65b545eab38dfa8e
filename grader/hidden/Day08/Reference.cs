using Course.Engine.Optimizers;

namespace Course.Day08.Tests;

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

    /// <summary>Vae(2, Rng 5), Adam 1e-3, batch 32, 10 epochs from Rng 51; test −ELBO (the documented loss, test side) after each epoch with ε from Rng 52.</summary>
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
            // Scored with the documented loss, not the learner's Loss, so a loss that under-reports a term cannot pass.
            var terms = VaeTests.LossTerms(vae, test.X, new Rng(52).Normal(1.0, test.X.Dim(0), vae.Latent));
            int pixels = test.X.Length;
            testElbo[e] = terms.Sum();
            testKl[e] = terms.Slice(0, pixels, terms.Length - pixels).Sum();
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

    /// <summary>
    /// The largest relative error |a − n| / max(1e-8, |a| + |n|) between every parameter's Grad (after the caller's
    /// Backward) and central differences (h = 1e-5) of the loss Σ <paramref name="lossTerms"/>(), with the location.
    /// </summary>
    /// <remarks>
    /// The numerator is Σ (terms⁺ − terms⁻) rather than L⁺ − L⁻, as <see cref="GradCheck.Layer"/> does for a layer: a
    /// loss of ≈ 50 nats rounds to ≈ 1e-14, which over 2h = 2e-5 is ≈ 5e-10, a relative error of 1e-5 on the many
    /// gradients of size 1e-4 to 1e-7 (a decoder weight that only moves one pixel). Differencing term by term leaves the
    /// terms the perturbation does not touch at exactly 0 and rounds the others at the scale of one term.
    /// Tensors above 2,000 elements are checked at 200 indices drawn from a fixed seed.
    /// </remarks>
    public static (double Error, string Where) WorstGradientError(IReadOnlyList<Parameter> parameters, Func<Tensor> lossTerms)
    {
        const double h = 1e-5;
        var grads = parameters.Select(p => p.Grad.Clone()).ToArray();
        var rng = new Rng(GradCheck.FullCheckLimit);
        (double Error, string Where) worst = (0, "");
        for (int i = 0; i < grads.Length; i++)
        {
            var p = parameters[i];
            var v = p.Value.Span;
            foreach (int k in Indices(v.Length, rng))
            {
                double original = v[k];
                v[k] = original + h;
                var plus = lossTerms().Clone();
                v[k] = original - h;
                var minus = lossTerms();
                v[k] = original;
                double diff = 0;
                for (int j = 0; j < plus.Length; j++) diff += plus.Span[j] - minus.Span[j];
                double numeric = diff / (2 * h), analytic = grads[i].Span[k];
                double error = double.IsFinite(analytic) && double.IsFinite(numeric) ? GradCheck.RelativeError(analytic, numeric) : double.PositiveInfinity;
                if (error >= worst.Error)
                    worst = (error, $"parameter #{i} ({p.Name}, {p.Value.ShapeString}) element {k}: analytic {analytic:G10}, numeric {numeric:G10}");
            }
        }
        return worst;
    }

    /// <summary>Fails unless <see cref="WorstGradientError"/> is at most <paramref name="tolerance"/>.</summary>
    public static void ParametersMatch(IReadOnlyList<Parameter> parameters, Func<Tensor> lossTerms, double tolerance)
    {
        var (error, where) = WorstGradientError(parameters, lossTerms);
        if (!(error <= tolerance))
            throw new Xunit.Sdk.XunitException($"GradCheck FAILED at {where}: relative error {error:0.00e+00} > tolerance {tolerance:G3}.");
    }

    private static IEnumerable<int> Indices(int length, Rng rng)
    {
        if (length <= GradCheck.FullCheckLimit) return Enumerable.Range(0, length);
        var chosen = new SortedSet<int>();
        while (chosen.Count < GradCheck.SampleCount) chosen.Add(rng.NextInt(length));
        return chosen;
    }

    /// <summary>Every parameter's value, copied.</summary>
    public static double[][] Snapshot(IReadOnlyList<Parameter> parameters) => parameters.Select(p => p.Value.ToArray()).ToArray();

    /// <summary>True when every value equals the snapshot bit for bit.</summary>
    public static bool Unchanged(IReadOnlyList<Parameter> parameters, double[][] snapshot) =>
        parameters.Select((p, i) => p.Value.ToArray().SequenceEqual(snapshot[i])).All(b => b);
}
