namespace Course.Day01;

/// <summary>
/// Exercise 1.3 — the weights of the slide deck's worked example, a 2-3-2-2 network (lesson §1.3).
/// Layout W·x as on the slides: W1 [3, 2], b1 [3]; W2 [2, 3], b2 [2]; W3 [2, 2], b3 [2].
/// The slides' input is x = [1.0, 0.5].
/// </summary>
public sealed record SeedNetwork(Tensor W1, Tensor B1, Tensor W2, Tensor B2, Tensor W3, Tensor B3)
{
    /// <summary>The exact weights of the lesson's 2-3-2-2 example (§1.3). Each call returns fresh tensors, so changing one network changes no other.</summary>
    public static SeedNetwork FromSeed003() => new(
        W1: Tensor.From(new[,] { { 0.1, 0.2 }, { 0.3, 0.4 }, { 0.5, 0.6 } }),
        B1: Tensor.From([0.1, 0.2, 0.3]),
        W2: Tensor.From(new[,] { { 0.1, 0.2, 0.3 }, { 0.4, 0.5, 0.6 } }),
        B2: Tensor.From([0.1, 0.2]),
        W3: Tensor.From(new[,] { { 0.1, 0.2 }, { 0.3, 0.4 } }),
        B3: Tensor.From([0.1, 0.2]));
}
