namespace Course.Day01;

/// <summary>Exercise 1.1 and 1.2 of the mini course.</summary>
public static class Arithmetic
{
    public static double Add(double a, double b) =>
        throw new NotImplementedException("Arithmetic.Add: return a + b (lesson §1.1).");

    public static double[] Scale(double[] xs, double factor) =>
        throw new NotImplementedException("Arithmetic.Scale: return a new array with every element times factor (lesson §1.2).");
}
