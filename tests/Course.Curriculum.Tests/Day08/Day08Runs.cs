using Course.Day08;
using Course.Engine;
using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day08;

/// <summary>
/// The deterministic runs the Day 8 lesson, figures, quiz and notebook quote, built from the reference solutions
/// (Course.Day08: Autoencoder, Vae, Gan1D, GanLoss, TransposedConv2d) and the engine (Digits, Gaussian1D, Ring8, Adam).
/// The notebook repeats the same code cell by cell with the same seeds, so it prints the same numbers.
/// </summary>
public static class Day08Runs
{
    public static readonly Lazy<(Dataset Train, Dataset Test)> Data = new(Digits.Load);

    // ---- 8.3 the autoencoder: Rng 42, Adam 1e-3, batch 32, 30 epochs, shuffling from Rng 43 ----

    public const int AeEpochs = 30;

    public sealed record AeRun(Autoencoder Model, double MeanImageMse, double UntrainedTestMse, double[] TrainLoss, double[] TestMse);

    public static readonly Lazy<AeRun> Ae = new(() =>
    {
        var (train, test) = Data.Value;
        var mean = train.X.Mean(0, keepDims: true);
        var diff = test.X - mean;
        double meanImage = (diff * diff).Mean();
        var ae = new Autoencoder(new Rng(42));
        double untrained = ae.Loss(test.X);
        var opt = new Adam<double>(1e-3);
        var rng = new Rng(43);
        var trainLoss = new double[AeEpochs];
        var testMse = new double[AeEpochs];
        for (int e = 0; e < AeEpochs; e++)
        {
            trainLoss[e] = ae.TrainEpoch(train, 32, opt, rng);
            testMse[e] = ae.Loss(test.X);
        }
        return new AeRun(ae, meanImage, untrained, trainLoss, testMse);
    });

    // ---- 8.5 the VAE: Rng 42, Adam 1e-3, batch 32, 50 epochs from Rng 43; test −ELBO with ε from Rng 44 ----

    public const int VaeEpochs = 50;

    public sealed record VaeRun(Vae Model, double[] TrainLoss, double[] TestReconstruction, double[] TestKl)
    {
        public double TestElbo(int epoch) => TestReconstruction[epoch - 1] + TestKl[epoch - 1];
    }

    public static VaeRun TrainVae(int latent)
    {
        var (train, test) = Data.Value;
        var vae = new Vae(latent, new Rng(42));
        var opt = new Adam<double>(1e-3);
        var rng = new Rng(43);
        var trainLoss = new double[VaeEpochs];
        var rec = new double[VaeEpochs];
        var kl = new double[VaeEpochs];
        for (int e = 0; e < VaeEpochs; e++)
        {
            trainLoss[e] = vae.TrainEpoch(train, 32, opt, rng);
            (rec[e], kl[e]) = vae.Loss(test.X, new Rng(44));
        }
        return new VaeRun(vae, trainLoss, rec, kl);
    }

    public static readonly Lazy<VaeRun> Vae2 = new(() => TrainVae(2));
    public static readonly Lazy<VaeRun> Vae8 = new(() => TrainVae(8));

    /// <summary>The decoder of the 2-D VAE on a grid: z₁, z₂ ∈ {−2, …, 2} in <paramref name="side"/> steps, row by row (z₂ from top down).</summary>
    public static Tensor LatentGrid(Vae vae, int side = 9)
    {
        var z = Tensor.Zeros(side * side, 2);
        for (int r = 0; r < side; r++)
            for (int c = 0; c < side; c++)
            {
                z[r * side + c, 0] = -2 + 4.0 * c / (side - 1);
                z[r * side + c, 1] = 2 - 4.0 * r / (side - 1);
            }
        return vae.Decode(z);
    }

    // ---- 8.6 the 1-D GAN: Gan1D(Rng seed), batches of 64 from Rng(seed + 100), 3,000 steps; 10,000 samples from Rng 9 ----

    public static readonly int[] GanCheckpoints = [1, 100, 250, 500, 1000, 1500, 2000, 3000];

    public sealed record GanSnapshot(int Step, double DLoss, double GLoss, double Mean, double Std, double[] Samples);

    public static GanSnapshot[] TrainGan1D(ulong seed)
    {
        var gan = new Gan1D(new Rng(seed));
        var data = new Rng(seed + 100);
        var snapshots = new List<GanSnapshot>();
        for (int s = 1; s <= GanCheckpoints[^1]; s++)
        {
            var (d, g) = gan.Step(Gaussian1D.Sample(64, data), Gaussian1D.Noise(64, data));
            if (!GanCheckpoints.Contains(s)) continue;
            var x = gan.Generate(Gaussian1D.Noise(10_000, new Rng(9)));
            double mean = x.Mean();
            var c = x - mean;
            snapshots.Add(new GanSnapshot(s, d, g, mean, Math.Sqrt((c * c).Mean()), x.ToArray()));
        }
        return [.. snapshots];
    }

    public static readonly Lazy<GanSnapshot[][]> Gan1DSeeds = new(() => [TrainGan1D(1), TrainGan1D(2), TrainGan1D(3)]);

    /// <summary>Counts of <paramref name="samples"/> in <paramref name="bins"/> equal bins over [lo, hi), as a density (area 1 over the range).</summary>
    public static double[] Histogram(double[] samples, double lo, double hi, int bins)
    {
        var counts = new double[bins];
        double width = (hi - lo) / bins;
        foreach (var v in samples)
        {
            int b = (int)Math.Floor((v - lo) / width);
            if (b >= 0 && b < bins) counts[b]++;
        }
        return [.. counts.Select(c => c / (samples.Length * width))];
    }

    // ---- Ring8: a 2-D GAN from engine layers and the 8.4 losses; balanced (1 G step per D step) vs G-dominated (3) ----

    public const int RingSteps = 3000, RingEvery = 500, RingBatch = 128, RingHidden = 64, RingNoise = 2, RingSamples = 2000;

    /// <summary>A sample "hits" a mode when it lies within this distance of the mode's centre (4σ of a mode).</summary>
    public const double RingHitRadius = 0.2;

    public sealed record RingSnapshot(int Step, Tensor Samples, int[] NearestCounts, int[] HitCounts)
    {
        /// <summary>Modes that at least 1% of the samples hit.</summary>
        public int ModesCovered => HitCounts.Count(c => c >= RingSamples / 100);
        public double HitShare => HitCounts.Sum() / (double)RingSamples;
    }

    /// <summary>
    /// G: 2 → 64 → 64 → 2 (ReLU), D: 2 → 64 → 64 → 1 (LeakyReLU 0.2), PyTorch's Linear init from Rng(seed), each with
    /// Adam(1e-3, β₁ 0.5); per step one D update on 128 real + 128 fake, then <paramref name="generatorSteps"/> G updates
    /// (the first on the same noise, further ones on fresh noise), all data from Rng(seed + 100).
    /// </summary>
    public static RingSnapshot[] TrainRing8(int generatorSteps, ulong seed = 1)
    {
        var rng = new Rng(seed);
        Affine<double> Dense(int inputs, int outputs)
        {
            double k = 1 / Math.Sqrt(inputs);
            var w = rng.Uniform(-k, k, outputs, inputs);
            return new Affine<double>(w, rng.Uniform(-k, k, outputs));
        }
        var g = new Sequential<double>(Dense(RingNoise, RingHidden), new Relu<double>(), Dense(RingHidden, RingHidden), new Relu<double>(), Dense(RingHidden, 2));
        var d = new Sequential<double>(Dense(2, RingHidden), new LeakyRelu<double>(0.2), Dense(RingHidden, RingHidden), new LeakyRelu<double>(0.2), Dense(RingHidden, 1));
        var optG = new Adam<double>(1e-3, 0.5);
        var optD = new Adam<double>(1e-3, 0.5);
        var data = new Rng(seed + 100);
        var snapshots = new List<RingSnapshot>();
        for (int s = 1; s <= RingSteps; s++)
        {
            var real = Ring8.Sample(RingBatch, data);
            var z = data.Normal(1.0, RingBatch, RingNoise);
            var logits = d.Forward(Ops.Concat(0, real, g.Forward(z)));
            var (dReal, dFake) = GanLoss.DiscriminatorGradient(logits.Slice(0, 0, RingBatch).Clone(), logits.Slice(0, RingBatch, RingBatch).Clone());
            d.BackwardParameters(Ops.Concat(0, dReal, dFake));
            optD.Step(d.Parameters);
            for (int k = 0; k < generatorSteps; k++)
            {
                var fakeLogits = d.Forward(g.Forward(k == 0 ? z : data.Normal(1.0, RingBatch, RingNoise)));
                g.BackwardParameters(d.Backward(GanLoss.GeneratorGradient(fakeLogits)));
                optG.Step(g.Parameters);
            }
            if (s % RingEvery == 0) snapshots.Add(Snapshot(s, g.Forward(new Rng(9).Normal(1.0, RingSamples, RingNoise), training: false)));
        }
        return [.. snapshots];
    }

    private static RingSnapshot Snapshot(int step, Tensor x)
    {
        var nearest = new int[Ring8.Modes];
        var hits = new int[Ring8.Modes];
        for (int i = 0; i < x.Dim(0); i++)
        {
            double a = x[i, 0], b = x[i, 1];
            int m = Ring8.NearestMode(a, b);
            nearest[m]++;
            var (cx, cy) = Ring8.Centre(m);
            if ((a - cx) * (a - cx) + (b - cy) * (b - cy) < RingHitRadius * RingHitRadius) hits[m]++;
        }
        return new RingSnapshot(step, x, nearest, hits);
    }

    public static readonly Lazy<RingSnapshot[]> RingBalanced = new(() => TrainRing8(1));
    public static readonly Lazy<RingSnapshot[]> RingCollapsed = new(() => TrainRing8(3));

    // ---- small worked examples ----

    /// <summary>The transposed-convolution example: x (1, 1, 2, 2) = [[1, 2], [3, 4]], a 3×3 kernel of ones, stride 2, pad 1 → 3×3.</summary>
    public static (Tensor X, Tensor W, Tensor Y) TransposedExample()
    {
        var x = Tensor.From([1.0, 2, 3, 4], 1, 1, 2, 2);
        var w = Tensor.Full(1.0, 1, 1, 3, 3);
        var y = new TransposedConv2d(w.Clone(), null, 2, 1).Forward(x);
        return (x, w, y);
    }

    /// <summary>⟨Conv(u), x⟩ and ⟨u, TConv(x)⟩ for the example's x and kernel and u = 1…9 (3×3): the adjoint identity.</summary>
    public static (Tensor U, Tensor ConvU, double Left, double Right) AdjointExample()
    {
        var (x, w, y) = TransposedExample();
        var u = Tensor.From([.. Enumerable.Range(1, 9).Select(i => (double)i)], 1, 1, 3, 3);
        var convU = new Conv2d<double>(w.Clone(), null, 2, 1).Forward(u);
        double left = (convU * x).Sum(), right = (u * y).Sum();
        return (u, convU, left, right);
    }

    /// <summary>A Monte-Carlo estimate of E_q[log q(z) − log p(z)] for q = N(μ, σ²), p = N(0, 1), from <paramref name="samples"/> draws of Rng(seed).</summary>
    public static double MonteCarloKl(double mu, double sigma, int samples = 200_000, ulong seed = 8)
    {
        var rng = new Rng(seed);
        double sum = 0;
        for (int i = 0; i < samples; i++)
        {
            double eps = rng.NextGaussian(), z = mu + sigma * eps;
            double logQ = -0.5 * eps * eps - Math.Log(sigma), logP = -0.5 * z * z;   // the ½ log 2π cancels
            sum += logQ - logP;
        }
        return sum / samples;
    }
    /// <summary>
    /// Two unbiased estimates of d/dμ E[z²] = 2μ for z ~ N(μ, σ²) from <paramref name="samples"/> draws of Rng(seed):
    /// the reparameterised 2z (z = μ + σε) and the score-function z²·(z − μ)/σ². Returns each estimator's mean and std.
    /// </summary>
    public static (double ReparamMean, double ReparamStd, double ScoreMean, double ScoreStd) GradientEstimators(
        double mu, double sigma, int samples = 100_000, ulong seed = 8)
    {
        var rng = new Rng(seed);
        var reparam = new double[samples];
        var score = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            double z = mu + sigma * rng.NextGaussian();
            reparam[i] = 2 * z;
            score[i] = z * z * (z - mu) / (sigma * sigma);
        }
        static (double, double) Stats(double[] v)
        {
            double m = v.Average();
            return (m, Math.Sqrt(v.Average(x => (x - m) * (x - m))));
        }
        var (rm, rs) = Stats(reparam);
        var (sm, ss) = Stats(score);
        return (rm, rs, sm, ss);
    }

    /// <summary>The least reconstruction term a Bernoulli decoder can reach on <paramref name="x"/>: Σ over pixels of the
    /// entropy −x ln x − (1 − x) ln(1 − x), averaged over images (the BCE when σ(logit) equals the pixel exactly).</summary>
    public static double BernoulliEntropyFloor(Tensor x)
    {
        double sum = 0;
        foreach (var v in x.ToArray())
            if (v > 0 && v < 1) sum -= v * Math.Log(v) + (1 - v) * Math.Log(1 - v);
        return sum / x.Dim(0);
    }
}
