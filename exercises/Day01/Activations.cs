namespace Course.Day01;

/// <summary>
/// Exercise 1.2 — activation functions, applied element by element (lesson §1.2).
/// Every function accepts a tensor of any rank, returns a new tensor of the same shape and leaves the input unchanged.
/// </summary>
public static class Activations
{
    /// <summary>Step function h(x) = 1 for x &gt; 0, 0 for x ≤ 0 (so Step(0) = 0). The perceptron's activation.</summary>
    public static Tensor Step(Tensor x) =>
        throw new NotImplementedException(
            "Activations.Step: return a new tensor of x's shape with 1 where x > 0 and 0 elsewhere (x.Map is enough; do not modify x) (lesson §1.2).");

    /// <summary>Sigmoid σ(x) = 1 / (1 + e^(−x)); exactly 0 at x = −800 and exactly 1 at x = +800, never NaN.</summary>
    public static Tensor Sigmoid(Tensor x) =>
        throw new NotImplementedException(
            "Activations.Sigmoid: return 1 / (1 + e^(−x)) elementwise, same shape as x; σ(0) = 0.5 and large |x| must give 0 or 1, not NaN (lesson §1.2).");

    /// <summary>ReLU max(0, x), with ReLU(0) = 0.</summary>
    public static Tensor Relu(Tensor x) =>
        throw new NotImplementedException(
            "Activations.Relu: return max(0, x) elementwise as a new tensor of x's shape (lesson §1.2).");
}
