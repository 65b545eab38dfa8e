namespace Course.Day01;

/// <summary>
/// Exercise 1.3 — the weights of the slide deck's worked example, a 2-3-2-2 network (lesson §1.3).
/// Layout W·x as on the slides: W1 [3, 2], b1 [3]; W2 [2, 3], b2 [2]; W3 [2, 2], b3 [2].
/// The slides' input is x = [1.0, 0.5].
/// </summary>
public sealed record SeedNetwork(Tensor W1, Tensor B1, Tensor W2, Tensor B2, Tensor W3, Tensor B3)
{
    /// <summary>The exact weights of the lesson's 2-3-2-2 example (§1.3). Each call returns fresh tensors, so changing one network changes no other.</summary>
    public static SeedNetwork FromSeed003() =>
        throw new NotImplementedException(
            "SeedNetwork.FromSeed003: return new SeedNetwork(W1, B1, W2, B2, W3, B3) with new tensors built from the slide's numbers, " +
            "e.g. Tensor.From(new[,] { { 0.1, 0.2 }, { 0.3, 0.4 }, { 0.5, 0.6 } }) for W1 [3, 2] and Tensor.From([0.1, 0.2, 0.3]) for b1 (lesson §1.3).");
}
