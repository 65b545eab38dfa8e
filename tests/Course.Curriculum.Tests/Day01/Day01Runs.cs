using Course.Day01;
using Course.Engine;
using Course.Engine.Data;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day01;

/// <summary>
/// The runs the Day 1 lesson quotes, built from the reference solutions exactly as the notebook builds them
/// (same seeds, same fork names), so a figure, a number in lesson.md and a notebook output describe one run.
/// </summary>
public static class Day01Runs
{
    /// <summary>The lesson's computational graph: y = σ(w·x + b), L = −ln y (binary cross-entropy with t = 1).</summary>
    public sealed record GraphValues(double X, double W, double B, double U, double A, double Y, double L,
                                     double DLdY, double DLdA, double DLdU, double DLdB, double DLdW, double DLdX);

    /// <summary>Forward and backward through the solution's AffineLayer (w·x + b) and SigmoidLayer, then −ln y.</summary>
    public static GraphValues Graph(double x = 1.0, double w = 2.0, double b = -1.0)
    {
        var affine = new AffineLayer(Tensor.From(new[,] { { w } }), Tensor.From([b]));
        var sigmoid = new SigmoidLayer();
        var a = affine.Forward(Tensor.From(new[,] { { x } }));
        var y = sigmoid.Forward(a);
        double yv = y[0, 0];
        double loss = -Math.Log(yv);
        double dLdY = -1.0 / yv;                                             // d(−ln y)/dy
        var dA = sigmoid.Backward(Tensor.From(new[,] { { dLdY } }));         // × y(1 − y)
        var dX = affine.Backward(dA);                                        // dY·W; sets dW = dYᵀ·X, db = Σ dY
        double u = w * x;
        return new GraphValues(x, w, b, u, a[0, 0], yv, loss, dLdY, dA[0, 0], dA[0, 0], affine.B.Grad[0],
                               affine.W.Grad[0, 0], dX[0, 0]);
    }

    /// <summary>The notebook's noisy XOR: 4 corners × 100 points, N(0, 0.1²) jitter from <c>new Rng(7).Fork("data")</c>.</summary>
    public static Dataset NoisyXor()
    {
        var dataRng = new Rng(7).Fork("data");
        var x = Tensor.Zeros(400, 2);
        var y = new int[400];
        for (int i = 0; i < 400; i++)
        {
            int c = i / 100, a = c >> 1, b = c & 1;
            x[i, 0] = a + 0.1 * dataRng.NextGaussian();
            x[i, 1] = b + 0.1 * dataRng.NextGaussian();
            y[i] = a ^ b;
        }
        return new Dataset(x, y);
    }

    /// <summary>2-8-2 net, std 1.0, forks "init"/"shuffle" of <c>new Rng(7)</c>; batch 32, η = 0.5, 200 epochs.</summary>
    public static (TwoLayerNet Before, TwoLayerNet After, double AccuracyBefore, TrainingHistory History, Dataset Data) Xor()
    {
        var rng = new Rng(7);
        var data = NoisyXor();
        var before = new TwoLayerNet(2, 8, 2, rng.Fork("init"), weightInitStd: 1.0);
        var net = new TwoLayerNet(2, 8, 2, rng.Fork("init"), weightInitStd: 1.0);
        double accuracyBefore = net.Accuracy(data.X, data.Y);
        var history = Trainer.Train(net, data, data, epochs: 200, batchSize: 32, learningRate: 0.5, rng.Fork("shuffle"));
        return (before, net, accuracyBefore, history, data);
    }

    private static readonly Lazy<(TwoLayerNet Net, TrainingHistory History)> DigitsRun = new(() =>
    {
        var (train, test) = Digits.Load();
        var rng = new Rng(2026);
        var net = new TwoLayerNet(64, 50, 10, rng.Fork("init"), weightInitStd: 0.01);
        var history = Trainer.Train(net, train, test, epochs: 30, batchSize: 32, learningRate: 0.5, rng.Fork("shuffle"));
        return (net, history);
    });

    /// <summary>The notebook's digits run: 64-50-10, std 0.01, <c>new Rng(2026)</c>, batch 32, η = 0.5, 30 epochs.</summary>
    public static (TwoLayerNet Net, TrainingHistory History) Digits64() => DigitsRun.Value;
}
