namespace Course.Day01;

/// <summary>
/// Exercise 1.2 — activation functions, applied element by element (lesson §1.2).
/// Every function accepts a tensor of any rank, returns a new tensor of the same shape and leaves the input unchanged.
/// </summary>
public static class Activations
{
    /// <summary>Step function h(x) = 1 for x &gt; 0, 0 for x ≤ 0 (so Step(0) = 0). The perceptron's activation.</summary>
    public static Tensor Step(Tensor x) => x.Map(v => v > 0 ? 1.0 : 0.0);

    /// <summary>
    /// Sigmoid σ(x) = 1 / (1 + e^(−x)). For x = −800, e^800 overflows to +∞ and 1 / (1 + ∞) = 0 exactly;
    /// for x = +800, e^(−800) underflows to 0 and the result is exactly 1: never NaN.
    /// </summary>
    public static Tensor Sigmoid(Tensor x) => x.Map(v => 1.0 / (1.0 + Math.Exp(-v)));

    /// <summary>ReLU max(0, x), with ReLU(0) = 0.</summary>
    public static Tensor Relu(Tensor x) => x.Map(v => v > 0 ? v : 0.0);
}
