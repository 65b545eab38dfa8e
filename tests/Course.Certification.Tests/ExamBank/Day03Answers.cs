using Course.Engine;
using Course.Engine.Optimizers;

namespace Course.Certification.Tests;

/// <summary>Day 3 (optimisation): updates from the engine's optimisers, rates from its schedules.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day03Numbers() => new()
    {
        ["D3-Q101"] = () => Run(new Momentum<double>(0.1, 0.9), [1.0, 1.0]).Last(),
        ["D3-Q102"] = () => { var theta = Run(new AdaGrad<double>(0.1, epsilon: 0), [2.0, 2.0]); return Math.Abs(theta[1] - theta[0]); },
        ["D3-Q103"] = () => Math.Abs(Run(new Adam<double>(0.001, epsilon: 0), [0.5]).Last()),
        ["D3-Q104"] = () => new StepDecay(0.1, 10, 0.5).At(25),
        ["D3-Q105"] = () => new CosineDecay(0.1, 0.0, 90).At(30),
        ["D3-Q106"] = () => Math.Sqrt(2.0 / 50),   // He: √(2 / fan-in)
    };

    private static Dictionary<string, Func<double>> Day03CodeNumbers() => new()
    {
        ["D3-Q111"] = () => Run(new RmsProp<double>(0.01, decay: 0.9, epsilon: 1e-7), [1.0, 1.0], start: 1.0).Last(),
        // StepLR after 24 sched.step() calls is the rate for epoch 24, the 0-based step of the engine's schedule.
        ["D3-Q112"] = () => new StepDecay(0.1, 8, 0.5).At(24),
    };

    [Fact]
    public void The_StepLR_distractor_is_the_rate_of_the_last_trained_epoch()
    {
        new StepDecay(0.1, 8, 0.5).At(23).Should().BeApproximately(0.025, 1e-15);
        Questions["D3-Q112"].Options.Select(o => o.Text).Should().Contain("0.025");
    }

    /// <summary>θ after each step of <paramref name="optimizer"/> on a scalar parameter fed the given gradients.</summary>
    private static double[] Run(IOptimizer<double> optimizer, double[] gradients, double start = 0.0)
    {
        var p = new Parameter<double>("theta", Tensor<double>.From([start], 1));
        return gradients.Select(g => { p.Grad = Tensor<double>.From([g], 1); optimizer.Step([p]); return p.Value.Span[0]; }).ToArray();
    }
}
