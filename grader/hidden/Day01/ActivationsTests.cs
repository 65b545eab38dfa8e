// Kills: (no listed mutant for 1.2) — Step(0) = 1, Relu(0) ≠ 0, sigmoid overflow to NaN, in-place activations, rank-specific code.
namespace Course.Day01.Tests;

[Trait("Exercise", "1.2")]
public class ActivationsTests
{
    public static TheoryData<int[]> Shapes => new() { new[] { 5 }, new[] { 2, 3 }, new[] { 2, 3, 4 }, new[] { 2, 1, 3, 2 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_activation_keeps_the_shape_of_an_input_of_any_rank(int[] shape)
    {
        var x = new Rng(21).Normal(2.0, shape);

        foreach (var (name, f) in Functions)
        {
            var y = f(x);
            y.ShapeString.Should().Be(x.ShapeString, $"{name} works elementwise on any rank");
            for (int i = 0; i < x.Length; i++)
                y.Span[i].Should().BeApproximately(Reference(name, x.Span[i]), 1e-15, $"{name} is applied to element {i} alone");
        }
    }

    [Fact]
    public void No_activation_modifies_its_input()
    {
        var x = new Rng(22).Normal(2.0, 4, 5);
        var before = x.ToArray();

        foreach (var (name, f) in Functions)
        {
            f(x);
            x.ToArray().Should().Equal(before, $"{name} must return a new tensor and leave x unchanged");
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void At_zero_step_and_relu_give_0_and_sigmoid_gives_one_half()
    {
        var zero = Tensor.From([0.0]);

        Activations.Step(zero)[0].Should().Be(0.0, "h(0) = 0: the step fires only for x > 0 (lesson §1.2)");
        Activations.Relu(zero)[0].Should().Be(0.0, "ReLU(0) = 0 (lesson §1.2)");
        Activations.Sigmoid(zero)[0].Should().Be(0.5, "σ(0) = 1 / (1 + 1)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Sigmoid_of_plus_and_minus_800_is_exactly_1_and_0_and_never_NaN()
    {
        var y = Activations.Sigmoid(Tensor.From([800.0, -800.0, 40.0, -40.0]));

        y[0].Should().Be(1.0, "e^(−800) underflows to 0, so 1 / (1 + 0) = 1");
        y[1].Should().Be(0.0, "e^(800) overflows to ∞, so 1 / (1 + ∞) = 0 — not NaN");
        y[2].Should().BeApproximately(1.0, 1e-15, "σ(40) is 1 to double precision");
        y[3].Should().BeApproximately(4.248354255291589e-18, 1e-30, "σ(−40) = 1 / (1 + e⁴⁰), tiny but exact");
    }

    [Fact]
    public void Sigmoid_of_x_plus_sigmoid_of_minus_x_is_one_on_a_thousand_random_values()
    {
        var x = new Rng(23).Normal(4.0, 1000);

        var sum = Activations.Sigmoid(x) + Activations.Sigmoid(-x);

        for (int i = 0; i < sum.Length; i++)
            sum.Span[i].Should().BeApproximately(1.0, 1e-15, $"σ(x) + σ(−x) = 1 (x = {x.Span[i]})");
    }

    [Fact]
    public void Step_and_relu_are_exact_on_both_sides_of_zero()
    {
        var x = Tensor.From([-3.0, -1e-300, 1e-300, 2.5]);

        Activations.Step(x).ToArray().Should().Equal([0.0, 0.0, 1.0, 1.0], "the step switches exactly at 0");
        Activations.Relu(x).ToArray().Should().Equal([0.0, 0.0, 1e-300, 2.5], "ReLU passes any positive value unchanged");
    }

    private static readonly (string Name, Func<Tensor, Tensor> F)[] Functions =
    [
        ("Step", Activations.Step), ("Sigmoid", Activations.Sigmoid), ("Relu", Activations.Relu),
    ];

    private static double Reference(string name, double x) => name switch
    {
        "Step" => x > 0 ? 1 : 0,
        "Sigmoid" => 1 / (1 + Math.Exp(-x)),
        _ => Math.Max(0, x),
    };
}
