// Kills: — (no listed Day-3 mutant targets 3.5; these tests pin the statistics of CURRICULUM 3.5 and the book's §6.2 experiment)
namespace Course.Day03.Tests;

/// <summary>Exercise 3.5 (hidden): initialiser statistics and the activation-distribution experiment.</summary>
/// <remarks>
/// Measured with the C# reference (seeds 1–3, 5 sigmoid / 10 ReLU layers of width 100, 1,000 samples):
/// std-1 sigmoid 0.427–0.460 per layer; std-0.01 sigmoid 0.011–0.025; Xavier sigmoid 0.110–0.209;
/// He ReLU 0.68–1.05 (within 1.2× of layer 1); Xavier ReLU 0.58 → 0.027 (21× smaller). About 60 ms per call.
/// </remarks>
[Trait("Exercise", "3.5")]
public class WeightInitTests
{
    private static double Std(Tensor w)
    {
        double mean = w.Mean();
        return Math.Sqrt(w.Span.ToArray().Select(v => (v - mean) * (v - mean)).Average());
    }

    [Fact]
    public void Xavier_and_He_have_their_target_std_on_a_500_by_500_draw()
    {
        Std(WeightInit.Xavier(500, 500, new Rng(11))).Should().BeApproximately(Math.Sqrt(1.0 / 500), 0.02 * Math.Sqrt(1.0 / 500),
            "Xavier in the book's form is N(0, 1/fanIn) (lesson §3.8)");
        Std(WeightInit.He(500, 500, new Rng(12))).Should().BeApproximately(Math.Sqrt(2.0 / 500), 0.02 * Math.Sqrt(2.0 / 500),
            "He is N(0, 2/fanIn): twice Xavier's variance because ReLU zeroes half the inputs (lesson §3.8)");
    }

    [Fact]
    public void Weights_are_fan_out_by_fan_in_and_scale_with_fan_in()
    {
        var xavier = WeightInit.Xavier(fanIn: 800, fanOut: 200, new Rng(13));
        var he = WeightInit.He(fanIn: 50, fanOut: 2000, new Rng(14));

        xavier.ShapeArray.Should().Equal([200, 800], "W is [fanOut, fanIn] as in Y = X·Wᵀ (lesson §3.2)");
        he.ShapeArray.Should().Equal([2000, 50], "W is [fanOut, fanIn] as in Y = X·Wᵀ (lesson §3.2)");
        Std(xavier).Should().BeApproximately(Math.Sqrt(1.0 / 800), 0.03 * Math.Sqrt(1.0 / 800), "the variance divides by fanIn, not fanOut");
        Std(he).Should().BeApproximately(Math.Sqrt(2.0 / 50), 0.03 * Math.Sqrt(2.0 / 50), "the variance divides by fanIn, not fanOut");
    }

    [Fact]
    public void Activation_std_draws_standard_normal_inputs_and_calls_init_and_activation_once_per_layer()
    {
        var initCalls = new List<(int FanIn, int FanOut)>();
        var activationShapes = new List<int[]>();
        Tensor Identity(int fanIn, int fanOut, Rng rng)
        {
            initCalls.Add((fanIn, fanOut));
            var w = Tensor.Zeros(fanOut, fanIn);
            for (int i = 0; i < fanIn; i++) w[i, i] = 1;
            return w;
        }
        Tensor Linear(Tensor a)
        {
            activationShapes.Add(a.ShapeArray);
            return a;
        }

        var stds = WeightInit.ActivationStd(4, Identity, Linear, new Rng(15));

        stds.Should().HaveCount(4, "one std per layer");
        initCalls.Should().Equal([(100, 100), (100, 100), (100, 100), (100, 100)], "each of the 4 layers draws its own 100×100 weights");
        activationShapes.Should().HaveCount(4, "the activation is applied once per layer").And
            .OnlyContain(s => s.SequenceEqual(new[] { 1000, 100 }), "activations are [1000 samples, 100 units]");
        stds.Should().OnlyContain(s => Math.Abs(s - 1) < 0.02,
            "with identity weights and activation every layer passes the N(0, 1) input through, so std ≈ 1 (100,000 values)");
    }

    [Fact]
    public void Sigmoid_layers_saturate_with_std_1_collapse_with_std_0_01_and_stay_spread_with_Xavier()
    {
        static Tensor Std1(int fanIn, int fanOut, Rng rng) => rng.Normal(1.0, [fanOut, fanIn]);
        static Tensor Std001(int fanIn, int fanOut, Rng rng) => rng.Normal(0.01, [fanOut, fanIn]);

        var large = WeightInit.ActivationStd(5, Std1, Ops.Sigmoid, new Rng(1));
        var small = WeightInit.ActivationStd(5, Std001, Ops.Sigmoid, new Rng(1));
        var xavier = WeightInit.ActivationStd(5, WeightInit.Xavier, Ops.Sigmoid, new Rng(1));

        large.Should().OnlyContain(s => s > 0.4, "std-1 weights push sigmoid outputs to 0 and 1 (measured 0.43–0.46): gradients vanish (lesson §3.8)");
        small.Should().OnlyContain(s => s < 0.03, "std-0.01 weights make every unit output ≈ 0.5 (measured 0.011–0.025): no expressive power");
        xavier.Should().OnlyContain(s => s >= 0.1 && s <= 0.25, "Xavier keeps sigmoid activations spread (measured 0.11–0.21)");
    }

    [Fact]
    public void He_keeps_relu_activations_alive_over_ten_layers_while_Xavier_shrinks_them()
    {
        static Tensor Relu(Tensor a) => Ops.Maximum(a, 0.0);

        var he = WeightInit.ActivationStd(10, WeightInit.He, Relu, new Rng(1));
        var xavier = WeightInit.ActivationStd(10, WeightInit.Xavier, Relu, new Rng(1));

        he.Should().OnlyContain(s => s >= he[0] / 2 && s <= he[0] * 2,
            $"He's 2/fanIn compensates ReLU's halving, so every layer stays within 2× of layer 1 (measured 0.82–1.02; got {string.Join(", ", he.Select(s => s.ToString("F3")))})");
        xavier[9].Should().BeLessThan(xavier[0] / 5,
            "with ReLU, Xavier's 1/fanIn halves the variance at every layer (measured 0.59 → 0.028)");
    }
}
