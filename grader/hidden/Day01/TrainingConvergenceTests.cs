// Kills: D1-M3 (gradients N times too large diverge at lr 0.5) · D1-M4 variant dW transposed · D1-M6 variant Grad accumulated ·
//        any chain bug that stops the net from learning (wrong update sign, parameters copied instead of shared).
using Course.Engine.Data;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.7")]
[Trait("Kind", "Convergence")]
public class TrainingConvergenceTests
{
    [Fact]
    [Trait("Weight", "5")]
    public void Sixty_four_fifty_ten_net_reaches_94_percent_on_the_digits_test_split_in_30_epochs()
    {
        var (train, test) = Digits.Load();
        var rng = new Rng(2026);
        var net = new TwoLayerNet(64, 50, 10, rng.Fork("init"), weightInitStd: 0.01);

        var history = Trainer.Train(net, train, test, epochs: 30, batchSize: 32, learningRate: 0.5, rng.Fork("shuffle"));

        // C# reference (solutions/Day01, Release, 2026-11-23): 96.39% test accuracy for this seed (96.4–97.5% over seeds
        // 2026, 1–4; numpy stand-in 95.6–96.9%); loss after epochs 1–3 ≈ 0.66 vs ≈ 0.015 after 28–30; 0.35–0.7 s.
        // Threshold 94% = CURRICULUM's pinned figure, ≥ 2.4 points below every measured seed.
        history.TestAccuracy[^1].Should().BeGreaterThanOrEqualTo(0.94, "a correct two-layer net with SGD reaches ≈ 96% on the 360 test digits");
        history.Loss.Take(3).Average().Should().BeGreaterThan(history.Loss.TakeLast(3).Average(), "the training loss falls");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Net_with_8_hidden_units_solves_noisy_xor()
    {
        var rng = new Rng(7);
        var data = NoisyXor(rng.Fork("data"), perCorner: 100, noise: 0.1);
        var net = new TwoLayerNet(2, 8, 2, rng.Fork("init"), weightInitStd: 1.0);

        var history = Trainer.Train(net, data, data, epochs: 200, batchSize: 32, learningRate: 0.5, rng.Fork("shuffle"));

        // C# reference (Release): 100% for this seed and for seeds 1–5 (final loss ≤ 0.0012); 0.2–0.3 s warm, ≤ 1.3 s cold.
        // Threshold 97% as in CURRICULUM (12 of 400 points may still be wrong).
        history.TrainAccuracy[^1].Should().BeGreaterThanOrEqualTo(0.97, "a hidden layer makes XOR separable (a single perceptron cannot)");
    }

    // The four XOR corners, each repeated with N(0, noise²) jitter: label 1 where exactly one coordinate is 1.
    private static Dataset NoisyXor(Rng rng, int perCorner, double noise)
    {
        int[][] corners = [[0, 0], [0, 1], [1, 0], [1, 1]];
        var x = Tensor.Zeros(4 * perCorner, 2);
        var y = new int[4 * perCorner];
        for (int c = 0; c < 4; c++)
            for (int i = 0; i < perCorner; i++)
            {
                int row = c * perCorner + i;
                x[row, 0] = corners[c][0] + noise * rng.NextGaussian();
                x[row, 1] = corners[c][1] + noise * rng.NextGaussian();
                y[row] = corners[c][0] ^ corners[c][1];
            }
        return new Dataset(x, y);
    }
}
