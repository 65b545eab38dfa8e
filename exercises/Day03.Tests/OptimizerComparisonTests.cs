using Course.Engine.Data;

namespace Course.Day03.Tests;

/// <summary>Exercise 3.7: comparing optimisers on digits (uses the engine's optimisers, so only the training loop is tested).</summary>
[Trait("Exercise", "3.7")]
public class OptimizerComparisonTests
{
    [Fact]
    public void Returns_one_finite_falling_curve_per_optimiser()
    {
        var (train, _) = Digits.Load();
        var optimizers = new Dictionary<string, Func<IOptimizer>>
        {
            ["SGD"] = () => new Course.Engine.Optimizers.Sgd<double>(0.01),
            ["Adam"] = () => new Course.Engine.Optimizers.Adam<double>(0.001),
        };

        var curves = OptimizerComparison.Run(train, optimizers, epochs: 2, batchSize: 32, new Rng(1));

        curves.Keys.Should().BeEquivalentTo(["SGD", "Adam"], because: "one curve per entry, under the same name (lesson §3.13)");
        curves["Adam"].Should().HaveCount(2, because: "one mean training loss per epoch");
        curves["Adam"].Should().OnlyContain(l => double.IsFinite(l) && l > 0, because: "cross-entropy losses are positive numbers");
        curves["Adam"][1].Should().BeLessThan(curves["Adam"][0], because: "Adam lowers the training loss from epoch 1 to epoch 2");
        curves["Adam"][1].Should().BeLessThan(Math.Log(10), because: "after two epochs the net must beat guessing (ln 10 ≈ 2.30)");
    }
}
