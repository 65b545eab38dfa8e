using Course.Engine.Optimizers;

namespace Cert.Technical;

/// <summary>T6: the open model task — any architecture, regularisation and optimiser built from the engine and your code.</summary>
/// <remarks>train holds only the digits train split, X (N, 1, 8, 8) in [0, 1]. Training must finish within 60 s on 2 cores
/// (it is stopped after 90 s). The model is scored on images it never sees, each shifted by one pixel and noisy.</remarks>
public static class OpenModel
{
    private const int Epochs = 60;
    private const int Batch = 32;
    private const double Noise = 0.05;

    /// <summary>conv 3×3 (32) – ReLU – maxpool 2 – affine 128 – ReLU – affine 10, Adam with the step size cut by 3 at half and three quarters of the epochs, every epoch on a freshly shifted
    /// (dx, dy ∈ {−1, 0, 1}) and noisy copy of the train split: the shifts are what the scoring images have.</summary>
    public static IModel TrainBest(Dataset train, Rng rng)
    {
        var net = new ConvNet(rng.Fork("init"));
        var loss = new SoftmaxWithLoss<double>();
        var optimizer = new Adam<double>(0.003);
        var augment = rng.Fork("augment");
        var shuffle = rng.Fork("shuffle");
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            if (epoch == Epochs / 2 || epoch == 3 * Epochs / 4) optimizer.LearningRate /= 3; // settle into the minimum
            var data = epoch == 0 ? train : new Dataset(ShiftedNoisy(train.X, augment), train.Y);
            foreach (var batch in data.Batches(Batch, shuffle))
            {
                loss.Forward(net.Layers.Forward(batch.X, training: true), batch.Y);
                net.Layers.Backward(loss.Backward());
                optimizer.Step(net.Layers.Parameters);
            }
        }
        return net;
    }

    /// <summary>Each image moved by a random (dx, dy) ∈ {−1, 0, 1}² (zero fill, no wrap), plus N(0, σ²) noise, clipped to [0, 1].</summary>
    private static Tensor ShiftedNoisy(Tensor images, Rng rng)
    {
        int n = images.Dim(0), h = images.Dim(2), w = images.Dim(3);
        var result = Tensor.ZerosLike(images);
        var src = (ReadOnlySpan<double>)images.Span;
        var dst = result.Span;
        for (int i = 0; i < n; i++)
        {
            int dx = rng.NextInt(3) - 1, dy = rng.NextInt(3) - 1, o = i * h * w;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int sy = y - dy, sx = x - dx;
                    var v = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[o + sy * w + sx] : 0.0;
                    dst[o + y * w + x] = Math.Clamp(v + Noise * rng.NextGaussian(), 0.0, 1.0);
                }
        }
        return result;
    }

    private sealed class ConvNet(Rng rng) : IModel
    {
        public Sequential<double> Layers { get; } = new(
            new Conv2d<double>(1, 32, 3, rng, stride: 1, pad: 1),
            new Relu<double>(),
            new MaxPool2d<double>(2, 2),
            new Affine<double>(32 * 4 * 4, 128, rng),
            new Relu<double>(),
            new Affine<double>(128, 10, rng));

        public Tensor Predict(Tensor x) => Layers.Forward(x, training: false);
    }
}
