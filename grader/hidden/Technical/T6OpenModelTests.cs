// Scores T6 by accuracy bands on the held-out set: ≥ 0.80 → 5, ≥ 0.90 → 12, ≥ 0.95 → 20, ≥ 0.97 → 25 points. The
// weights 5 + 7 + 8 + 5 make the passed tests sum to the band's points; the model is trained once per process. Each
// band test writes the measured accuracy to its output: the certification's best-model award ranks by it.
namespace Course.Technical.Tests;

public class T6OpenModelTests(T6ModelRun run, ITestOutputHelper output) : IClassFixture<T6ModelRun>
{
    /// <summary>The line the grader reads the accuracy back from (Cert technical grading parses this prefix).</summary>
    public const string AccuracyLine = "held-out accuracy";

    [Fact]
    [Trait("Exercise", "T6.open-model")]
    [Trait("Weight", "5")]
    public void Held_out_accuracy_reaches_0_80() => Band(0.80);

    [Fact]
    [Trait("Exercise", "T6.open-model")]
    [Trait("Weight", "7")]
    public void Held_out_accuracy_reaches_0_90() => Band(0.90);

    [Fact]
    [Trait("Exercise", "T6.open-model")]
    [Trait("Weight", "8")]
    public void Held_out_accuracy_reaches_0_95() => Band(0.95);

    [Fact]
    [Trait("Exercise", "T6.open-model")]
    [Trait("Weight", "5")]
    public void Held_out_accuracy_reaches_0_97() => Band(0.97);

    private void Band(double threshold)
    {
        if (run.Problem is null) output.WriteLine($"{AccuracyLine} {run.Accuracy.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}");
        run.Problem.Should().BeNull();
        run.Accuracy.Should().BeGreaterThanOrEqualTo(threshold, run.Because);
    }
}
