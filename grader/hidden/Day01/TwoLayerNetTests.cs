// Kills: D1-M3 SoftmaxWithLoss backward not divided by N (whole-net gradient check) · D1-M4 db from one row ·
//        D1-M6 accumulating Grad · wrong parameter order/shapes, copies instead of live parameters, ties not going to the first class.
using Course.Engine.Data;
using EngineLayers = Course.Engine.Layers;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.7")]
public class TwoLayerNetTests
{
    [Fact]
    [Trait("Weight", "5")]
    public void Gradient_matches_central_differences_of_the_loss_on_a_5_4_3_net_with_a_batch_of_3()
    {
        var rng = new Rng(101);
        var net = new TwoLayerNet(5, 4, 3, rng.Fork("init"), weightInitStd: 1.0);
        var x = rng.Fork("data").Normal(1.0, 3, 5);
        int[] t = [2, 0, 1];

        net.Gradient(x, t);

        foreach (var p in net.Parameters)
        {
            var analytic = p.Grad.Clone();
            var saved = p.Value.Clone();
            // Write the probe point into the live parameter, so the net sees it however the layers hold their weights.
            GradAssert.FunctionGradientMatches(v => { p.Value.CopyFrom(v); return net.Loss(x, t); }, saved, analytic, tolerance: 1e-7);
            p.Value.CopyFrom(saved);
        }
    }

    [Fact]
    public void Loss_equals_the_engines_softmax_cross_entropy_of_the_scores()
    {
        var rng = new Rng(102);
        var net = new TwoLayerNet(6, 5, 4, rng.Fork("init"), weightInitStd: 1.0);
        var x = rng.Normal(1.0, 7, 6);
        int[] t = [0, 1, 2, 3, 3, 2, 1];

        double loss = net.Loss(x, t);

        loss.Should().BeApproximately(new EngineLayers.SoftmaxWithLoss<double>().Forward(net.Predict(x), t), 1e-10,
            "Loss is the mean cross-entropy of softmax(Predict(x))");
    }

    [Fact]
    public void Predict_computes_W2_relu_W1_x_plus_biases()
    {
        var rng = new Rng(103);
        var net = new TwoLayerNet(3, 4, 2, rng.Fork("init"), weightInitStd: 1.0);
        foreach (var p in net.Parameters) p.Value.CopyFrom(rng.Normal(1.0, p.Value.ShapeArray));
        var (w1, b1, w2, b2) = (net.Parameters[0].Value, net.Parameters[1].Value, net.Parameters[2].Value, net.Parameters[3].Value);
        var x = rng.Normal(1.0, 5, 3);

        var scores = net.Predict(x);

        var hidden = Ops.Maximum(Ops.MatMul(x, w1, transB: true) + b1, 0.0);
        TensorAssert.Close(scores, Ops.MatMul(hidden, w2, transB: true) + b2, 1e-12,
            "scores = ReLU(X·W1ᵀ + b1)·W2ᵀ + b2, reading the live parameter values");
    }

    [Fact]
    public void Weights_are_drawn_with_the_given_std_from_the_given_rng_and_biases_start_at_zero()
    {
        var a = new TwoLayerNet(64, 50, 10, new Rng(104), weightInitStd: 0.01);
        var b = new TwoLayerNet(64, 50, 10, new Rng(104), weightInitStd: 0.01);
        var w1 = a.Parameters[0].Value;

        double std = Math.Sqrt((w1 * w1).Mean());
        std.Should().BeApproximately(0.01, 0.001, "W1's 3,200 entries come from N(0, 0.01²)");
        a.Parameters[1].Value.ToArray().Should().OnlyContain(v => v == 0, "b1 starts at 0");
        a.Parameters[3].Value.ToArray().Should().OnlyContain(v => v == 0, "b2 starts at 0");
        a.Parameters[0].Value.ToArray().Should().Equal(b.Parameters[0].Value.ToArray(), "the same seed gives the same W1 (no System.Random)");
        a.Parameters[2].Value.ToArray().Should().Equal(b.Parameters[2].Value.ToArray(), "the same seed gives the same W2");
    }

    [Fact]
    public void Parameters_are_the_live_objects_the_layers_compute_with()
    {
        var rng = new Rng(105);
        var net = new TwoLayerNet(4, 3, 5, rng.Fork("init"));
        var x = rng.Normal(1.0, 2, 4);
        var before = net.Predict(x);

        net.Parameters[3].Value[2] += 10;   // b2[2]

        var after = net.Predict(x);
        after[0, 2].Should().BeApproximately(before[0, 2] + 10, 1e-12, "raising b2[2] by 10 raises class 2's score by 10");
        after[1, 0].Should().BeApproximately(before[1, 0], 1e-15, "other classes are untouched");
    }

    [Fact]
    public void Gradient_twice_on_the_same_batch_gives_the_same_gradients()
    {
        var rng = new Rng(106);
        var net = new TwoLayerNet(5, 4, 3, rng.Fork("init"), weightInitStd: 1.0);
        var x = rng.Normal(1.0, 6, 5);
        int[] t = [0, 1, 2, 2, 1, 0];

        net.Gradient(x, t);
        var first = net.Parameters.Select(p => p.Grad.Clone()).ToArray();
        net.Gradient(x, t);

        for (int i = 0; i < first.Length; i++)
            TensorAssert.Close(net.Parameters[i].Grad, first[i], 0, $"{net.Parameters[i].Name}.Grad is overwritten, not accumulated");
    }

    [Fact]
    public void Accuracy_counts_argmax_hits_and_tied_scores_go_to_the_first_class()
    {
        var net = new TwoLayerNet(3, 2, 4, new Rng(107));
        foreach (var p in net.Parameters) p.Value.Clear();   // every score is 0: a four-way tie in every row
        var x = new Rng(108).Normal(1.0, 4, 3);

        net.Accuracy(x, [0, 1, 0, 3]).Should().Be(0.5, "with all scores tied, argmax picks the first class, 0, which is right for 2 of 4 rows");

        net.Parameters[3].Value[3] = 1;   // b2 = [0, 0, 0, 1]: class 3 now wins every row
        net.Accuracy(x, [0, 1, 0, 3]).Should().Be(0.25, "only the last row's label is 3");
    }

    [Fact]
    public void Training_records_one_entry_per_epoch_and_is_reproducible_from_its_seed()
    {
        var (train, test) = Synthetic2D(200, new Rng(109));

        TrainingHistory Run() => Trainer.Train(new TwoLayerNet(2, 8, 2, new Rng(1), weightInitStd: 1.0), train, test,
                                               epochs: 4, batchSize: 16, learningRate: 0.3, rng: new Rng(2));
        var h1 = Run();
        var h2 = Run();

        h1.Loss.Should().HaveCount(4, "one mean loss per epoch");
        h1.TrainAccuracy.Should().HaveCount(4, "one training accuracy per epoch");
        h1.TestAccuracy.Should().HaveCount(4, "one test accuracy per epoch");
        h1.Loss.Should().Equal(h2.Loss, "the same seeds give the same run");
        h1.TestAccuracy.Should().OnlyContain(a => a >= 0 && a <= 1, "accuracy is a fraction");
    }

    [Fact]
    public void A_learning_rate_of_zero_changes_nothing()
    {
        var (train, test) = Synthetic2D(64, new Rng(110));
        var net = new TwoLayerNet(2, 5, 2, new Rng(3), weightInitStd: 1.0);
        var w1 = net.Parameters[0].Value.ToArray();
        double initialLoss = net.Loss(train.X, train.Y);

        var history = Trainer.Train(net, train, test, epochs: 2, batchSize: 64, learningRate: 0.0, rng: new Rng(4));

        net.Parameters[0].Value.ToArray().Should().Equal(w1, "θ − 0·∇L = θ");
        history.Loss[0].Should().BeApproximately(initialLoss, 1e-12, "one batch of the whole set: the epoch's mean loss is the loss of the unchanged net");
        history.Loss[1].Should().BeApproximately(initialLoss, 1e-12, "nothing moved in epoch 1 either");
    }

    [Fact]
    public void One_full_batch_step_moves_every_parameter_by_minus_lr_times_its_gradient()
    {
        var (train, test) = Synthetic2D(32, new Rng(111));
        var net = new TwoLayerNet(2, 5, 2, new Rng(5), weightInitStd: 1.0);
        net.Gradient(train.X, train.Y);
        var expected = net.Parameters.Select(p => p.Value - p.Grad * 0.1).ToArray();

        Trainer.Train(net, train, test, epochs: 1, batchSize: 32, learningRate: 0.1, rng: new Rng(6));

        for (int i = 0; i < expected.Length; i++)
            TensorAssert.Close(net.Parameters[i].Value, expected[i], 1e-12, $"SGD: {net.Parameters[i].Name} ← {net.Parameters[i].Name} − 0.1·grad (one batch = the whole, shuffled, set)");
    }

    // Two Gaussian blobs, class 1 around (1, 1) and class 0 around (−1, −1): quick to learn, any order of rows.
    private static (Dataset Train, Dataset Test) Synthetic2D(int n, Rng rng)
    {
        var x = rng.Normal(0.7, n, 2);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            double shift = y[i] == 1 ? 1 : -1;
            x[i, 0] += shift;
            x[i, 1] += shift;
        }
        var all = new Dataset(x, y);
        return (all, all.Take(n / 2));
    }
}
