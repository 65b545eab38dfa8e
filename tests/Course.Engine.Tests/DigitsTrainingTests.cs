using Course.Engine.Data;
using Course.Engine.Optimizers;

namespace Course.Engine.Tests;

/// <summary>The engine end to end: the Day-1 two-layer net on the bundled digits (CURRICULUM 1.7 settings).</summary>
public class DigitsTrainingTests
{
    [Fact]
    [Trait("Kind", "Convergence")]
    public void Two_layer_net_reaches_95_percent_test_accuracy_on_digits()
    {
        // 64-50-10, N(0, 0.01²) init, batch 32, SGD lr 0.5, 30 epochs (numpy reference: 95.6–96.9% over 3 seeds).
        // Measured with this seed: 96.9% test accuracy (349/360); 0.54 s of CPU for load + 30 epochs + evaluation
        // (Debug test build, engine optimised, on a heavily loaded 2-core machine).
        var (train, test) = Digits.Load();
        var rng = new Rng(2024);
        var init = rng.Fork("init");
        var net = new Sequential<double>(
            new Affine<double>(64, 50, init, WeightInit.Normal, 0.01), new Relu<double>(), new Affine<double>(50, 10, init, WeightInit.Normal, 0.01));
        var loss = new SoftmaxWithLoss<double>();
        var sgd = new Sgd<double>(0.5);
        var shuffle = rng.Fork("shuffle");
        var epochLoss = new List<double>();

        for (int epoch = 0; epoch < 30; epoch++)
        {
            double total = 0;
            int batches = 0;
            foreach (var (x, y) in train.Batches(32, shuffle))
            {
                total += loss.Forward(net.Forward(x), y);
                net.Backward(loss.Backward());
                sgd.Step(net.Parameters);
                batches++;
            }
            epochLoss.Add(total / batches);
        }

        var predicted = net.Forward(test.X, training: false).ArgMax(axis: 1);
        double accuracy = predicted.Zip(test.Y).Count(p => p.First == p.Second) / (double)test.Count;
        accuracy.Should().BeGreaterThanOrEqualTo(0.95);
        epochLoss.Take(3).Average().Should().BeGreaterThan(epochLoss.TakeLast(3).Average());
    }
}
