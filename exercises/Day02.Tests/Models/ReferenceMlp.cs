using Course.Engine.Data;
using Course.Engine.Layers;

namespace Course.Day02.Tests.Models;

/// <summary>
/// The classifier the self-training tests plug into <see cref="SelfTraining.Run"/>: Affine-ReLU-Affine built from the
/// engine's reference layers, softmax cross-entropy, L2 on the weights, plain SGD. Written here (not in the learner's
/// project) so 2.7 grades pseudo-labelling alone.
/// </summary>
internal sealed class ReferenceMlp : IModel
{
    private readonly Affine<double> _fc1, _fc2;
    private readonly Relu<double> _relu = new();
    private readonly SoftmaxWithLoss<double> _loss = new();
    private readonly double _l2, _learningRate;
    private readonly int _batchSize;

    public ReferenceMlp(int inputs, int hidden, int classes, Rng rng, double l2 = 1e-3, double learningRate = 0.1, int batchSize = 20)
    {
        _fc1 = new Affine<double>(inputs, hidden, rng);
        _fc2 = new Affine<double>(hidden, classes, rng);
        _l2 = l2;
        _learningRate = learningRate;
        _batchSize = batchSize;
    }

    public void Fit(Dataset data, int epochs, Rng rng)
    {
        int n = data.X.Dim(0);
        Parameter[] ps = [_fc1.W, _fc1.B, _fc2.W, _fc2.B];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = rng.Permutation(n);
            for (int start = 0; start < n; start += _batchSize)
            {
                var batch = order.AsSpan(start, Math.Min(_batchSize, n - start));
                var labels = new int[batch.Length];
                for (int i = 0; i < labels.Length; i++) labels[i] = data.Y[batch[i]];
                var scores = _fc2.Forward(_relu.Forward(_fc1.Forward(data.X.Rows(batch))));
                _loss.Forward(scores, labels);
                _fc1.Backward(_relu.Backward(_fc2.Backward(_loss.Backward())));
                _fc1.W.Grad.AddInPlace(_fc1.W.Value, _l2);
                _fc2.W.Grad.AddInPlace(_fc2.W.Value, _l2);
                foreach (var p in ps) p.Value.AddInPlace(p.Grad, -_learningRate);
            }
        }
    }

    public Tensor Predict(Tensor x) =>
        _fc2.Forward(_relu.Forward(_fc1.Forward(x, training: false), training: false), training: false);
}
