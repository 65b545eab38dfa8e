namespace Course.Day09;

/// <summary>A sampled mini-batch of transitions: S and S2 are [N, observationSize]; row i of every field is one transition.</summary>
public sealed record Batch(Tensor S, int[] A, double[] R, Tensor S2, bool[] Done)
{
    /// <summary>Number of transitions.</summary>
    public int Count => A.Length;
}
