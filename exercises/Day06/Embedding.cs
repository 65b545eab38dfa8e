namespace Course.Day06;

/// <summary>Exercise 6.3 — embedding lookup: each id selects a row of W, the same as one-hot · W without the product (lesson §6.3).</summary>
/// <remarks>
/// W: (vocab, dim), drawn as <c>rng.Normal(0.01, vocab, dim)</c>; parameter "W". Forward caches the ids. Backward
/// scatter-adds the rows of dOut into a fresh W.Grad (overwritten per call): an id that occurs k times receives the
/// sum of its k rows, rows of unused ids are exactly 0.
/// </remarks>
public sealed class Embedding
{
    public Embedding(int vocab, int dim, Rng rng) =>
        throw new NotImplementedException("Embedding: create the parameter W of shape (vocab, dim) from rng with std 0.01 (lesson §6.3).");

    public Parameter W => throw new NotImplementedException("Embedding.W (lesson §6.3).");
    public int Vocab => throw new NotImplementedException("Embedding.Vocab: rows of W (lesson §6.3).");
    public int Dim => throw new NotImplementedException("Embedding.Dim: columns of W (lesson §6.3).");
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException("Embedding.Parameters: just W (lesson §6.3).");

    /// <summary>ids (N, T) → (N, T, dim); an id outside [0, vocab) throws.</summary>
    public Tensor Forward(int[,] ids) =>
        throw new NotImplementedException("Embedding.Forward: copy row ids[n, t] of W to position (n, t); remember the ids for Backward (lesson §6.3).");

    /// <summary>dOut (N, T, dim) → W.Grad (vocab, dim) by scatter-add.</summary>
    public void Backward(Tensor dOut) =>
        throw new NotImplementedException(
            "Embedding.Backward: start from zeros and ADD each position's gradient row into the row of its id — the same id may occur several times (lesson §6.3).");
}
