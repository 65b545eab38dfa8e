namespace Course.Day01;

/// <summary>Exercise 1.5 — the gradient by central differences, the yardstick for every backward pass (lesson §1.5).</summary>
public static class NumericalGradient
{
    /// <summary>
    /// ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h for every element i of <paramref name="x"/>.
    /// </summary>
    /// <param name="f">A scalar function of the tensor, e.g. the loss as a function of one weight tensor.</param>
    /// <param name="x">Any shape. Perturb it in place one element at a time and restore each element bit-for-bit.</param>
    /// <param name="h">Step.</param>
    /// <returns>Gradient, same shape as <paramref name="x"/>.</returns>
    public static Tensor Compute(Func<Tensor, double> f, Tensor x, double h = 1e-4) =>
        throw new NotImplementedException(
            "NumericalGradient.Compute: for each element i of x.Span save v = x[i], set v + h and evaluate f(x), set v − h and evaluate f(x), " +
            "put v back exactly; grad[i] = (f₊ − f₋) / 2h (central, not forward, difference). Return a tensor shaped like x (lesson §1.5).");
}
