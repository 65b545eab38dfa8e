using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.TorchSide;
using Course.Engine.Layers;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>The issue-3 network: 784-256-128-10 with ReLU, He-initialised, softmax cross-entropy, SGD lr 0.1.</summary>
public static class Mlp
{
    public static Classifier Create(ulong seed)
    {
        var rng = new Rng(seed);
        return new Classifier(new Sequential<float>(
            new Affine<float>(784, 256, rng.Fork("fc1")), new Relu<float>(),
            new Affine<float>(256, 128, rng.Fork("fc2")), new Relu<float>(),
            new Affine<float>(128, 10, rng.Fork("fc3"))), learningRate: 0.1);
    }
}

/// <summary>One MLP training step on a batch of 128 (random inputs): the per-step cost without data loading.</summary>
public sealed class MlpStepWorkload : Workload
{
    private Classifier? model;
    private Tensor<float>? x;
    private int[]? y;

    public override string Id => "mlp-step";
    public override string Title => "MLP 784-256-128-10 train step, batch 128";
    public override string Group => "MLP (issue 3)";
    public override double? TargetRatio => 0.8;

    public override void EngineRound(RunSettings settings)
    {
        if (model is null)
        {
            var rng = new Rng(7);
            model = Mlp.Create(1);
            x = rng.Uniform(0, 1, [128, 784]).Cast<float>();
            y = Enumerable.Range(0, 128).Select(_ => rng.NextInt(10)).ToArray();
        }
        Ours.AddRange(OperationTimer.Measure(() => model.Step(x!, y!), settings.SamplesPerRound, settings.SampleSeconds));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "mlp_step", threads, samples = settings.SamplesPerRound })));
    }
}

/// <summary>
/// Full Fashion-MNIST epochs (60,000 images, batch 128) of the MLP, 3 epochs per round from a fresh model, and the
/// test accuracy after those 3 epochs. PyTorch trains with 1 and with 2 threads every round and the faster is kept:
/// the step rows do not decide the epoch's thread count (data loading changes the balance).
/// </summary>
public sealed class MlpEpochWorkload : Workload
{
    private int engineRound, torchRound;
    private readonly List<double> oursAccuracies = [], torchAccuracies = [];

    public override string Id => "mlp-epoch";
    public override string Title => "MLP Fashion-MNIST epoch (60k, batch 128, SGD 0.1)";
    public override string AccuracyLabel => "MLP 784-256-128-10, test accuracy after 3 epochs";
    public override double? AccuracyTolerancePoints => 1.0;
    public override string Group => "MLP (issue 3)";
    public override double? TargetRatio => 0.8;

    public override void EngineRound(RunSettings settings)
    {
        if (settings.FashionFolder is null) { Skipped = "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)"; return; }
        var (trainX, trainY, testX, testY) = FashionData.Load(settings.FashionFolder);
        var model = Mlp.Create((ulong)(100 + engineRound));
        var rng = new Rng((ulong)(200 + engineRound));
        engineRound++;
        for (int e = 0; e < 3; e++) Ours.Add(model.Epoch(trainX, trainY, 128, rng));
        oursAccuracies.Add(model.Accuracy(testX, testY));
        OursAccuracy = oursAccuracies.Average(); // mean over rounds (each a fresh model and seed)
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        if (settings.FashionFolder is null) return;
        foreach (int threads in (int[])[1, 2])
        {
            var reply = torch.Call(new { cmd = "mlp_epochs", threads, epochs = 3, seed = torchRound, data = settings.FashionFolder });
            TorchSamples(threads).AddRange(TorchProcess.Times(reply, "epoch_times"));
            torchAccuracies.Add(reply["accuracy"]!.GetValue<double>());
        }
        TorchAccuracy = torchAccuracies.Average();
        torchRound++;
    }
}
