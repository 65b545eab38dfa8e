namespace Course.Day02;

/// <summary>Ensembles (lesson §2.7): average the members' class probabilities; bagging trains each member on a bootstrap sample.</summary>
public static class Ensemble
{
    /// <summary>Element-wise mean of M probability matrices, each [N, K]; returns [N, K] (rows still sum to 1).</summary>
    public static Tensor AverageProbabilities(IReadOnlyList<Tensor> probs)
    {
        if (probs.Count == 0)
            throw new ArgumentException("Ensemble.AverageProbabilities: needs at least one member's probabilities.", nameof(probs));
        var first = probs[0];
        if (first.Rank != 2)
            throw new ArgumentException($"Ensemble.AverageProbabilities: expected (N, K) probabilities, got {first.ShapeString}.", nameof(probs));
        var sum = Tensor.ZerosLike(first);
        for (int m = 0; m < probs.Count; m++)
        {
            if (!probs[m].SameShape(first))
                throw new ArgumentException(
                    $"Ensemble.AverageProbabilities: member {m} has shape {probs[m].ShapeString}, expected {first.ShapeString}.", nameof(probs));
            sum.AddInPlace(probs[m]);
        }
        return sum / (double)probs.Count;
    }

    /// <summary>n indices drawn uniformly from [0, n) with replacement (a bootstrap sample; ≈ 63.2% distinct for large n).</summary>
    public static int[] Bootstrap(int n, Rng rng)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), $"Ensemble.Bootstrap: n must be positive, got {n}.");
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = rng.NextInt(n);
        return idx;
    }
}
