using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.TorchSide;
using Course.Engine.Layers;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>
/// The issue-4 network: conv 1→16 3×3 pad 1, ReLU, max-pool 2, conv 16→32 3×3 pad 1, ReLU, max-pool 2, linear 1568→10;
/// SGD lr 0.1 (PyTorch's twin: torch_side.py cnn_model).
/// </summary>
public static class SmallCnn
{
    public static Classifier Create(ulong seed)
    {
        var rng = new Rng(seed);
        return new Classifier(new Sequential<float>(
            new Conv2d<float>(1, 16, 3, rng.Fork("conv1"), pad: 1), new Relu<float>(), new MaxPool2d<float>(2, 2),
            new Conv2d<float>(16, 32, 3, rng.Fork("conv2"), pad: 1), new Relu<float>(), new MaxPool2d<float>(2, 2),
            new Flatten<float>(), new Affine<float>(32 * 7 * 7, 10, rng.Fork("fc"))), learningRate: 0.1, imageShape: [1, 28, 28]);
    }
}

/// <summary>One small-CNN training step on a batch of 64 (random images).</summary>
public sealed class CnnStepWorkload : Workload
{
    private Classifier? model;
    private Tensor<float>? x;
    private int[]? y;

    public override string Id => "cnn-step";
    public override string Title => "Small CNN train step, batch 64";
    public override string Group => "CNN / RNN (issue 4)";
    public override double? TargetRatio => 1.0;

    public override void EngineRound(RunSettings settings)
    {
        if (model is null)
        {
            var rng = new Rng(11);
            model = SmallCnn.Create(1);
            x = rng.Uniform(0, 1, [64, 784]).Cast<float>();
            y = Enumerable.Range(0, 64).Select(_ => rng.NextInt(10)).ToArray();
        }
        Ours.AddRange(OperationTimer.Measure(() => model.Step(x!, y!), settings.SamplesPerRound, settings.SampleSeconds));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "cnn_step", threads, samples = settings.SamplesPerRound })));
    }
}

/// <summary>One Fashion-MNIST epoch of the small CNN (batch 64) and the test accuracy after it; one round only (it is slow), PyTorch with 1 and 2 threads.</summary>
public sealed class CnnEpochWorkload : Workload
{
    public override string Id => "cnn-epoch";
    public override string Title => "Small CNN Fashion-MNIST epoch (batch 64)";
    public override string AccuracyLabel => "Small CNN, test accuracy after 1 epoch";
    public override double? AccuracyTolerancePoints => 1.0;
    public override string Group => "CNN / RNN (issue 4)";

    public override void EngineRound(RunSettings settings)
    {
        if (settings.FashionFolder is null) { Skipped = "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)"; return; }
        if (Ours.Count > 0) return;
        var (trainX, trainY, testX, testY) = FashionData.Load(settings.FashionFolder);
        var model = SmallCnn.Create(300);
        Ours.Add(model.Epoch(trainX, trainY, 64, new Rng(301)));
        OursAccuracy = model.Accuracy(testX, testY);
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        if (settings.FashionFolder is null || Torch.Count > 0) return;
        var accuracies = new List<double>();
        foreach (int threads in (int[])[1, 2])
        {
            var reply = torch.Call(new { cmd = "cnn_epochs", threads, epochs = 1, seed = 0, data = settings.FashionFolder });
            TorchSamples(threads).AddRange(TorchProcess.Times(reply, "epoch_times"));
            accuracies.Add(reply["accuracy"]!.GetValue<double>());
        }
        TorchAccuracy = accuracies.Average();
    }
}

/// <summary>A time-unrolled LSTM or GRU layer, batch 32, 35 steps, input 64, hidden 128: forward + backward.</summary>
public sealed class RecurrentWorkload(string cell) : Workload
{
    private ILayer<float>? layer;
    private Tensor<float>? x, dy;

    public override string Id => $"{cell}-fwd-bwd";
    public override string Title => $"{cell.ToUpperInvariant()} b32 s35 in64 h128 fwd+bwd";
    public override string Group => "CNN / RNN (issue 4)";
    public override double? TargetRatio => 1.0;

    public override void EngineRound(RunSettings settings)
    {
        if (layer is null)
        {
            var rng = new Rng(13);
            layer = cell == "lstm" ? new TimeLstm<float>(64, 128, rng.Fork("lstm")) : new TimeGru<float>(64, 128, rng.Fork("gru"));
            x = rng.Normal(1.0, [32, 35, 64]).Cast<float>();
            dy = rng.Normal(1.0, [32, 35, 128]).Cast<float>();
        }
        Ours.AddRange(OperationTimer.Measure(() =>
        {
            layer.Forward(x!);
            layer.Backward(dy!);
        }, settings.SamplesPerRound, settings.SampleSeconds));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "recurrent", cell, threads, samples = settings.SamplesPerRound })));
    }
}
