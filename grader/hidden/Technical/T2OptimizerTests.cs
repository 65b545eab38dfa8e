// Kills: D10-M1 (AdamW as L2 added to the gradient), shared state across parameters, Grad changed by Step, hard-coded
// betas, and the stand-in's plain Adam for AMSGrad (the default-beta path pinned first has a growing v, so it cannot tell).
namespace Course.Technical.Tests;

public class T2OptimizerTests
{
    private static readonly double[] Grads = [0.5, -1.5, 4.0];

    private static double[] Run(IOptimizer opt, double theta, double[] grads)
    {
        var p = new Parameter("w", Tensor.From([theta], 1));
        var path = new double[grads.Length];
        for (int i = 0; i < grads.Length; i++)
        {
            p.Grad = Tensor.From([grads[i]], 1);
            opt.Step([p]);
            p.Grad[0].Should().Be(grads[i], "Step reads Grad and never changes it");
            path[i] = p.Value[0];
        }
        return path;
    }

    private static void Pinned(double[] actual, double[] expected)
    {
        for (int i = 0; i < expected.Length; i++) actual[i].Should().BeApproximately(expected[i], 1e-14, $"step {i + 1}");
    }

    private static void StateIsPerParameter(Func<IOptimizer> make)
    {
        var a = new Parameter("a", Tensor.From([1.0, 2.0], 2)) { Grad = Tensor.From([0.3, -0.7], 2) };
        var b = new Parameter("b", Tensor.From([-1.0], 1)) { Grad = Tensor.From([2.0], 1) };
        var shared = make();
        for (int i = 0; i < 3; i++) shared.Step([a, b]);
        var alone = new Parameter("b", Tensor.From([-1.0], 1)) { Grad = Tensor.From([2.0], 1) };
        var own = make();
        for (int i = 0; i < 3; i++) own.Step([alone]);
        b.Value[0].Should().BeApproximately(alone.Value[0], 1e-15, "each parameter keeps its own moments");
    }

    [Fact]
    [Trait("Exercise", "T2.adamw")]
    public void AdamW_first_three_steps_are_pinned() =>
        Pinned(Run(new AdamW(0.1, 0.05), 2.0, Grads), Reference.AdamWPath(2.0, Grads, 0.1, 0.05));

    [Fact]
    [Trait("Exercise", "T2.adamw")]
    public void AdamW_differs_from_adam_with_L2_where_the_decay_would_enter_the_moments()
    {
        var adamw = Run(new AdamW(0.1, 0.5), 3.0, [0.01, 0.01, 0.01]);
        var l2 = Reference.AdamWPath(3.0, [0.01, 0.01, 0.01], 0.1, 0.5, l2Instead: true);
        Math.Abs(adamw[2] - l2[2]).Should().BeGreaterThan(1e-3, "decoupled decay is not L2 on the gradient");
        Pinned(adamw, Reference.AdamWPath(3.0, [0.01, 0.01, 0.01], 0.1, 0.5));
    }

    [Fact]
    [Trait("Exercise", "T2.adamw")]
    public void AdamW_state_is_per_parameter() => StateIsPerParameter(() => new AdamW(0.01, 0.1));

    [Fact]
    [Trait("Exercise", "T2.rmsprop-momentum")]
    public void RmsPropMomentum_first_three_steps_are_pinned() =>
        Pinned(Run(new RmsPropMomentum(0.01, 0.9, 0.8), 2.0, Grads), Reference.RmsPropMomentumPath(2.0, Grads, 0.01, 0.9, 0.8));

    [Fact]
    [Trait("Exercise", "T2.rmsprop-momentum")]
    public void RmsPropMomentum_defaults_are_pinned() =>
        Pinned(Run(new RmsPropMomentum(0.02), -1.0, Grads), Reference.RmsPropMomentumPath(-1.0, Grads, 0.02, 0.99, 0.9));

    [Fact]
    [Trait("Exercise", "T2.rmsprop-momentum")]
    public void RmsPropMomentum_state_is_per_parameter() => StateIsPerParameter(() => new RmsPropMomentum(0.01));

    [Fact]
    [Trait("Exercise", "T2.amsgrad")]
    public void AmsGrad_first_three_steps_are_pinned() =>
        Pinned(Run(new AmsGrad(0.1), 2.0, Grads), Reference.AmsGradPath(2.0, Grads, 0.1));

    [Fact]
    [Trait("Exercise", "T2.amsgrad")]
    public void AmsGrad_keeps_the_largest_second_moment_after_a_large_gradient()
    {
        double[] grads = [10.0, 0.01, 0.01, 0.01];
        var path = Run(new AmsGrad(0.1), 0.0, grads);
        Pinned(path, Reference.AmsGradPath(0.0, grads, 0.1));
        Math.Abs(path[3] - Reference.AmsGradPath(0.0, grads, 0.1, keepMax: false)[3]).Should().BeGreaterThan(1e-9, "plain Adam would let v shrink");
    }

    [Fact]
    [Trait("Exercise", "T2.amsgrad")]
    public void AmsGrad_with_custom_betas_is_pinned_after_a_large_gradient()
    {
        // β₂ = 0.9 forgets the first gradient within a few steps, so v shrinks at once and only v̂ = max keeps the step small.
        double[] grads = [5.0, 0.1, 0.1, 0.1];
        var path = Run(new AmsGrad(0.05, beta1: 0.8, beta2: 0.9), 1.0, grads);
        Pinned(path, Reference.AmsGradPath(1.0, grads, 0.05, beta1: 0.8, beta2: 0.9));
        Math.Abs(path[3] - Reference.AmsGradPath(1.0, grads, 0.05, keepMax: false, beta1: 0.8, beta2: 0.9)[3]).Should().BeGreaterThan(1e-3);
    }

    [Fact]
    [Trait("Exercise", "T2.amsgrad")]
    public void AmsGrad_state_is_per_parameter() => StateIsPerParameter(() => new AmsGrad(0.01));
}
