using Course.Engine.Layers;
using Course.Engine.Data;
using Course.Engine.Optimizers;

namespace Course.Day05;

/// <summary>Exercise 5.4 — plain vs residual sigmoid MLPs of growing depth on the 8×8 digits (lesson §5.4).</summary>
public static class DepthExperiment
{
    public const int Hidden = 32;
    public const double LearningRate = 0.05;
    public const int BatchSize = 32;

    /// <summary>Sigmoid MLP 64 → 32 → depth × (32 → 32) → 10 on digits; residual = h ← h + σ(W h + b).</summary>
    /// <remarks>Xavier init (std √(1/fanIn)), SGD lr 0.05, batch 32, batches shuffled by <paramref name="rng"/>'s "batches" stream.</remarks>
    public static DepthResult Run(int depth, bool residual, int epochs, Rng rng)
    {
        if (depth < 0) throw new ArgumentOutOfRangeException(nameof(depth), $"DepthExperiment: depth must be ≥ 0, got {depth}.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), $"DepthExperiment: epochs must be ≥ 1, got {epochs}.");
        ArgumentNullException.ThrowIfNull(rng);
        var (train, test) = Digits.Load();
        var init = rng.Fork("init");
        var first = new Affine<double>(Digits.Features, Hidden, init, WeightInit.Xavier);
        var firstAct = new Sigmoid<double>();
        var blocks = Enumerable.Range(0, depth).Select(_ => (Layer: new Affine<double>(Hidden, Hidden, init, WeightInit.Xavier), Act: new Sigmoid<double>())).ToArray();
        var head = new Affine<double>(Hidden, Digits.Classes, init, WeightInit.Xavier);
        var loss = new SoftmaxWithLoss<double>();
        var parameters = new List<Parameter>(first.Parameters);
        foreach (var b in blocks) parameters.AddRange(b.Layer.Parameters);
        parameters.AddRange(head.Parameters);
        var sgd = new Sgd<double>(LearningRate);

        Tensor Forward(Tensor x)
        {
            var h = firstAct.Forward(first.Forward(x));
            foreach (var (layer, act) in blocks)
            {
                var f = act.Forward(layer.Forward(h));
                h = residual ? h + f : f;
            }
            return head.Forward(h);
        }

        var epochLoss = new double[epochs];
        var batches = rng.Fork("batches");
        for (int e = 0; e < epochs; e++)
        {
            double sum = 0;
            int count = 0;
            foreach (var batch in train.Batches(BatchSize, batches))
            {
                sum += loss.Forward(Forward(batch.X), batch.Y);
                count++;
                var dh = head.Backward(loss.Backward());
                for (int i = blocks.Length - 1; i >= 0; i--)
                {
                    var df = blocks[i].Layer.Backward(blocks[i].Act.Backward(dh));
                    dh = residual ? dh + df : df;   // the identity path adds dOut itself
                }
                first.Backward(firstAct.Backward(dh));
                sgd.Step(parameters);
            }
            epochLoss[e] = sum / count;
        }

        var gradNorm = Math.Sqrt(first.W.Grad.ToArray().Sum(g => g * g));
        var predicted = Forward(test.X).ArgMax(axis: 1);
        double accuracy = predicted.Zip(test.Y).Count(p => p.First == p.Second) / (double)test.Count;
        return new DepthResult(epochLoss, accuracy, gradNorm);
    }
}
