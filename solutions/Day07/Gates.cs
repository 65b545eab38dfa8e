namespace Course.Day07;

/// <summary>The logistic function used by every gate.</summary>
internal static class Gates
{
    public static double Sigmoid(double a) => 1.0 / (1.0 + Math.Exp(-a));
}
