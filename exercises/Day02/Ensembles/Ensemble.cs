namespace Course.Day02;

/// <summary>Ensembles (lesson §2.7): average the members' class probabilities; bagging trains each member on a bootstrap sample.</summary>
public static class Ensemble
{
    /// <summary>Element-wise mean of M probability matrices, each [N, K]; returns [N, K] (rows still sum to 1).</summary>
    public static Tensor AverageProbabilities(IReadOnlyList<Tensor> probs) =>
        throw new NotImplementedException(
            "Ensemble.AverageProbabilities: return the element-wise mean of the M (N, K) probability matrices, shape (N, K); throw ArgumentException for an empty list or mismatched shapes (lesson §2.7).");

    /// <summary>n indices drawn uniformly from [0, n) with replacement (a bootstrap sample; ≈ 63.2% distinct for large n).</summary>
    public static int[] Bootstrap(int n, Rng rng) =>
        throw new NotImplementedException(
            "Ensemble.Bootstrap: return n indices, each rng.NextInt(n) (sampling with replacement) (lesson §2.7).");
}
