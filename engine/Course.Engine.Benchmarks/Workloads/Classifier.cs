using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>
/// An engine network + softmax cross-entropy + plain SGD, trained the way the PyTorch side trains its twin:
/// a fresh permutation per epoch, mini-batches in that order, one optimizer step per batch.
/// </summary>
public sealed class Classifier(ILayer<float> network, double learningRate, int[]? imageShape = null)
{
    private readonly SoftmaxWithLoss<float> loss = new();
    private readonly IOptimizer<float> optimizer = new Sgd<float>(learningRate);

    // PyTorch (1.x zero_grad) keeps each .grad tensor and overwrites it every step, and its caching allocator hands a
    // step's freed activations back to the next step; the engine does both while a workspace is in use.
    private readonly Workspace workspace = new();

    /// <summary>One forward, backward and update on a batch: x [batch, 784] (reshaped to images for a CNN).</summary>
    public double Step(Tensor<float> x, int[] labels)
    {
        using var scope = workspace.Use();
        var scores = network.Forward(Shape(x));
        double value = loss.Forward(scores, labels);
        // The data needs no gradient (PyTorch's inputs have requires_grad=False), so the first layer's dX is skipped.
        if (network is IParameterBackward<float> parametersOnly) parametersOnly.BackwardParameters(loss.Backward());
        else network.Backward(loss.Backward());
        optimizer.Step(network.Parameters);
        return value;
    }

    /// <summary>Seconds taken by one epoch over (x [N, 784], y [N]).</summary>
    public double Epoch(Tensor<float> x, int[] y, int batch, Rng rng)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        int n = y.Length;
        var order = rng.Permutation(n);
        var labels = new int[batch];
        // One batch buffer reused for every step, as PyTorch's caching allocator reuses xtr[idx]'s block: a fresh
        // 400 KB array per step lands on the large-object heap, on pages the OS must fault in again each time.
        int features = x.Length / Math.Max(1, x.Dim(0));
        var xb = Tensor<float>.Zeros(batch, features);
        for (int s = 0; s < n; s += batch)
        {
            int size = Math.Min(batch, n - s);
            var idx = order.AsSpan(s, size);
            if (labels.Length != size) labels = new int[size];
            if (xb.Dim(0) != size) xb = Tensor<float>.Zeros(size, features);
            for (int i = 0; i < size; i++) labels[i] = y[idx[i]];
            x.CopyRowsTo(idx, xb);
            Step(xb, labels);
        }
        return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Fraction of (x, y) classified correctly, evaluated in chunks of 1,000 in inference mode.</summary>
    public double Accuracy(Tensor<float> x, int[] y)
    {
        int correct = 0;
        for (int s = 0; s < y.Length; s += 1000)
        {
            int size = Math.Min(1000, y.Length - s);
            var predicted = network.Forward(Shape(x.Slice(0, s, size)), training: false).ArgMax(1);
            for (int i = 0; i < size; i++)
                if (predicted[i] == y[s + i]) correct++;
        }
        return (double)correct / y.Length;
    }

    private Tensor<float> Shape(Tensor<float> x) =>
        imageShape is null ? x : x.Reshape([x.Dim(0), .. imageShape]);
}
