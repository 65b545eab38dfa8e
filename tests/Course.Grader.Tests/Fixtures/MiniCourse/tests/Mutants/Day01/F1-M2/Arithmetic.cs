namespace Course.Day01;

/// <summary>Exercise 1.1 and 1.2 of the mini course.</summary>
public static class Arithmetic
{
    public static double Add(double a, double b) => a + b;

    public static double[] Scale(double[] xs, double factor)
    {
        for (int i = 0; i < xs.Length; i++) xs[i] *= factor;
        return xs;
    }
}
