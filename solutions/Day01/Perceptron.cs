namespace Course.Day01;

/// <summary>
/// Exercise 1.1 — the perceptron as a weighted sum plus a threshold, and the logic gates it can build
/// (lesson §1.1). One perceptron draws one straight line, so AND, NAND and OR are single gates;
/// XOR is not linearly separable and needs a second layer of gates.
/// </summary>
public static class Perceptron
{
    /// <summary>One perceptron: 1 if <c>w1·x1 + w2·x2 + b &gt; 0</c>, else 0 (strict: a sum of exactly 0 gives 0).</summary>
    public static int Gate(double x1, double x2, double w1, double w2, double b) =>
        w1 * x1 + w2 * x2 + b > 0 ? 1 : 0;

    /// <summary>AND: fires only when both inputs are 1 (0.5 + 0.5 − 0.7 &gt; 0, 0.5 − 0.7 ≤ 0).</summary>
    public static int And(int x1, int x2) => Gate(Bit(x1, "And"), Bit(x2, "And"), 0.5, 0.5, -0.7);

    /// <summary>NAND: AND with every sign flipped, so it fires unless both inputs are 1.</summary>
    public static int Nand(int x1, int x2) => Gate(Bit(x1, "Nand"), Bit(x2, "Nand"), -0.5, -0.5, 0.7);

    /// <summary>OR: a lower threshold than AND, so one input of 1 is enough.</summary>
    public static int Or(int x1, int x2) => Gate(Bit(x1, "Or"), Bit(x2, "Or"), 0.5, 0.5, -0.2);

    /// <summary>
    /// XOR as a two-layer perceptron: the first layer computes NAND and OR side by side,
    /// the second layer ANDs them (1 when exactly one input is 1).
    /// </summary>
    public static int Xor(int x1, int x2)
    {
        int s1 = Nand(x1, x2);
        int s2 = Or(x1, x2);
        return And(s1, s2);
    }

    // Gates are defined on bits; 2 or −1 would silently give an answer that means nothing.
    private static int Bit(int x, string gate) =>
        x is 0 or 1 ? x : throw new ArgumentOutOfRangeException(nameof(x), x, $"Perceptron.{gate}: inputs must be 0 or 1.");
}
