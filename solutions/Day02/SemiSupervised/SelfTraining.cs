using Course.Engine.Data;

namespace Course.Day02;

/// <summary>Semi-supervised learning by pseudo-labelling, a.k.a. self-training (lesson §2.9).</summary>
public static class SelfTraining
{
    /// <summary>Rows of <paramref name="probs"/> [N, K] whose largest probability is ≥ <paramref name="threshold"/>
    /// (inclusive), in increasing row order, with their argmax class (ties → the lower class index).</summary>
    public static (int[] Index, int[] Label) Select(Tensor probs, double threshold)
    {
        if (probs.Rank != 2)
            throw new ArgumentException($"SelfTraining.Select: expected probabilities of shape (N, K), got {probs.ShapeString}.", nameof(probs));
        int n = probs.Dim(0), k = probs.Dim(1);
        var p = (ReadOnlySpan<double>)probs.Span;
        var index = new List<int>();
        var label = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var row = p.Slice(i * k, k);
            int best = 0;
            for (int c = 1; c < k; c++) if (row[c] > row[best]) best = c;
            if (row[best] >= threshold)
            {
                index.Add(i);
                label.Add(best);
            }
        }
        return (index.ToArray(), label.ToArray());
    }

    /// <summary>
    /// Trains a fresh model on <paramref name="labelled"/> (the baseline), then for each of <paramref name="rounds"/>
    /// rounds: turns the current model's scores on <paramref name="unlabelled"/> into softmax probabilities, selects
    /// the confident rows (<see cref="Select"/>), and trains a fresh model from scratch on labelled ∪ pseudo-labelled.
    /// The labelled set is never relabelled or modified; pseudo-labels are recomputed from scratch every round.
    /// Every fit runs <paramref name="epochs"/> epochs.
    /// </summary>
    /// <param name="makeModel">Builds an untrained model from an init stream.</param>
    /// <param name="rng">Forked per round into "model-r" (init) and "fit-r" (shuffling) streams.</param>
    public static SelfTrainingReport Run(Dataset labelled, Tensor unlabelled, Dataset test,
        Func<Rng, IModel> makeModel, double threshold, int rounds, int epochs, Rng rng)
    {
        if (rounds < 0) throw new ArgumentOutOfRangeException(nameof(rounds), $"SelfTraining.Run: rounds must be ≥ 0, got {rounds}.");
        var model = makeModel(rng.Fork("model-0"));
        model.Fit(labelled, epochs, rng.Fork("fit-0"));
        double baseline = Accuracy(model, test);

        var selectedPerRound = new List<int>();
        double pseudoLabelAccuracy = double.NaN;
        for (int round = 1; round <= rounds; round++)
        {
            var (index, label) = Select(Softmax(model.Predict(unlabelled)), threshold);
            selectedPerRound.Add(index.Length);
            pseudoLabelAccuracy = ConfidentPrecision(model, test, threshold);

            var x = Ops.Concat(0, labelled.X, unlabelled.Rows(index).Reshape(ShapeWithRows(labelled.X, index.Length)));
            var y = new int[labelled.Y.Length + label.Length];
            labelled.Y.CopyTo(y, 0);
            label.CopyTo(y, labelled.Y.Length);

            model = makeModel(rng.Fork($"model-{round}"));
            model.Fit(new Dataset(x, y), epochs, rng.Fork($"fit-{round}"));
        }
        return new SelfTrainingReport(baseline, Accuracy(model, test), selectedPerRound, pseudoLabelAccuracy);
    }

    private static int[] ShapeWithRows(Tensor like, int rows)
    {
        var shape = like.ShapeArray;
        shape[0] = rows;
        return shape;
    }

    private static double Accuracy(IModel model, Dataset d)
    {
        var predicted = model.Predict(d.X).ArgMax(1);
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == d.Y[i]) correct++;
        return (double)correct / predicted.Length;
    }

    private static double ConfidentPrecision(IModel model, Dataset d, double threshold)
    {
        var (index, label) = Select(Softmax(model.Predict(d.X)), threshold);
        if (index.Length == 0) return double.NaN;
        int correct = 0;
        for (int i = 0; i < index.Length; i++) if (label[i] == d.Y[index[i]]) correct++;
        return (double)correct / index.Length;
    }

    /// <summary>Row-wise softmax of scores [N, K] with the row maximum subtracted first (Day 1).</summary>
    private static Tensor Softmax(Tensor scores)
    {
        var max = scores.Max(axis: 1, keepDims: true);
        var e = Ops.Exp(scores - max);
        return e / e.Sum(axis: 1, keepDims: true);
    }
}
