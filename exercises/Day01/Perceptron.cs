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
        throw new NotImplementedException(
            "Perceptron.Gate: return 1 when w1·x1 + w2·x2 + b > 0 and 0 otherwise — strictly greater, so a sum of 0 gives 0 (lesson §1.1).");

    /// <summary>AND: 1 only when both inputs are 1. Inputs other than 0/1 throw <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static int And(int x1, int x2) =>
        throw new NotImplementedException(
            "Perceptron.And: check both inputs are 0 or 1 (else ArgumentOutOfRangeException), then call Gate with weights and a bias " +
            "that fire only for (1, 1), e.g. w = (0.5, 0.5), b = −0.7 (lesson §1.1).");

    /// <summary>NAND: 0 only when both inputs are 1. Inputs other than 0/1 throw <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static int Nand(int x1, int x2) =>
        throw new NotImplementedException(
            "Perceptron.Nand: validate the bits like And, then use Gate with AND's weights and bias negated (lesson §1.1).");

    /// <summary>OR: 1 when at least one input is 1. Inputs other than 0/1 throw <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static int Or(int x1, int x2) =>
        throw new NotImplementedException(
            "Perceptron.Or: validate the bits like And, then use Gate with a bias low enough that one input of 1 fires, e.g. b = −0.2 (lesson §1.1).");

    /// <summary>XOR as a two-layer perceptron: 1 when exactly one input is 1.</summary>
    public static int Xor(int x1, int x2) =>
        throw new NotImplementedException(
            "Perceptron.Xor: no single Gate can do it. Layer 1: s1 = Nand(x1, x2), s2 = Or(x1, x2); layer 2: return And(s1, s2) (lesson §1.1).");
}
