namespace Course.Day01;

/// <summary>Exercise 1.5 — the gradient by central differences, the yardstick for every backward pass (lesson §1.5).</summary>
public static class NumericalGradient
{
    /// <summary>
    /// ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h for every element i of <paramref name="x"/>.
    /// The central difference has error O(h²); the forward difference (f(x + h) − f(x)) / h only O(h).
    /// </summary>
    /// <param name="f">A scalar function of the tensor, e.g. the loss as a function of one weight tensor.</param>
    /// <param name="x">Any shape. Perturbed in place one element at a time (so f sees it even when f reads a
    /// captured tensor, e.g. a layer's weights) and restored bit-for-bit after each element.</param>
    /// <param name="h">Step; 1e-4 balances truncation error (∝ h²) against rounding error (∝ 1/h).</param>
    /// <returns>Gradient, same shape as <paramref name="x"/>.</returns>
    public static Tensor Compute(Func<Tensor, double> f, Tensor x, double h = 1e-4)
    {
        var grad = Tensor.ZerosLike(x);
        var values = x.Span;
        var g = grad.Span;
        for (int i = 0; i < values.Length; i++)
        {
            double original = values[i];

            values[i] = original + h;
            double fPlus = f(x);
            values[i] = original - h;
            double fMinus = f(x);
            values[i] = original;   // the saved value, not (original − h) + h, which can differ in the last bit

            g[i] = (fPlus - fMinus) / (2 * h);
        }
        return grad;
    }
}
