using Course.Engine.Benchmarks.Measurement;
using Course.Engine.Benchmarks.TorchSide;
using Course.Engine.Layers;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>Per-call overhead: a 16-element float32 add (new tensor out), engine vs torch eager.</summary>
public sealed class TinyAddWorkload : Workload
{
    private Tensor<float>? a, b;

    public override string Id => "tiny-add";
    public override string Title => "16-element add (a + b)";
    public override string Group => "Tiny-op overhead (issue 3)";
    public override double? TargetRatio => 0.2;

    public override void EngineRound(RunSettings settings)
    {
        var rng = new Rng(3);
        a ??= rng.Normal(1.0, [16]).Cast<float>();
        b ??= rng.Normal(1.0, [16]).Cast<float>();
        Ours.AddRange(OperationTimer.Measure(() => _ = a + b, settings.SamplesPerRound, settings.SampleSeconds / 2));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "tiny_add", threads, samples = settings.SamplesPerRound })));
    }
}

/// <summary>Per-call overhead of a small layer: Affine(64→32) + ReLU, forward and backward at batch 1.</summary>
public sealed class TinyAffineWorkload : Workload
{
    private Affine<float>? affine;
    private readonly Relu<float> relu = new();
    private Tensor<float>? x, dy;

    public override string Id => "tiny-affine";
    public override string Title => "Affine(64→32)+ReLU fwd+bwd, batch 1";
    public override string Group => "Tiny-op overhead (issue 3)";
    public override double? TargetRatio => 0.2;

    public override void EngineRound(RunSettings settings)
    {
        if (affine is null)
        {
            var rng = new Rng(5);
            affine = new Affine<float>(64, 32, rng.Fork("w"));
            x = rng.Normal(1.0, [1, 64]).Cast<float>();
            dy = rng.Normal(1.0, [1, 32]).Cast<float>();
        }
        Ours.AddRange(OperationTimer.Measure(() =>
        {
            relu.Forward(affine.Forward(x!));
            affine.Backward(relu.Backward(dy!));
        }, settings.SamplesPerRound, settings.SampleSeconds / 2));
    }

    public override void TorchRound(TorchProcess torch, RunSettings settings)
    {
        foreach (int threads in (int[])[1, 2])
            TorchSamples(threads).AddRange(TorchProcess.Times(torch.Call(new { cmd = "tiny_affine", threads, samples = settings.SamplesPerRound })));
    }
}
