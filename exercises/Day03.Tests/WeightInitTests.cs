namespace Course.Day03.Tests;

/// <summary>Exercise 3.5: Xavier/He initialisation and activation statistics.</summary>
[Trait("Exercise", "3.5")]
public class WeightInitTests
{
    [Fact]
    public void He_returns_fan_out_by_fan_in_weights_with_std_root_two_over_fan_in()
    {
        var w = WeightInit.He(fanIn: 400, fanOut: 300, new Rng(7));

        w.ShapeArray.Should().Equal([300, 400], because: "weights are [fanOut, fanIn] like W in Y = X·Wᵀ (the course layout)");
        double std = Math.Sqrt(w.Span.ToArray().Select(v => v * v).Average());
        std.Should().BeApproximately(Math.Sqrt(2.0 / 400), 0.02 * Math.Sqrt(2.0 / 400), because: "He uses N(0, 2/fanIn) (lesson §3.8)");
    }

    [Fact]
    public void Activation_std_returns_one_value_per_layer()
    {
        var stds = WeightInit.ActivationStd(3, WeightInit.Xavier, Ops.Sigmoid, new Rng(1));

        stds.Should().HaveCount(3, because: "one standard deviation per layer (lesson §3.8)");
        stds.Should().OnlyContain(s => s > 0.05 && s < 0.3,
            because: "sigmoid layers with Xavier weights neither saturate nor collapse (std ≈ 0.1–0.2, lesson §3.8)");
    }
}
