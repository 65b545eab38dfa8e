// Kills: D3-M2 Adam without bias correction · D3-M3 ε inside the square root · D3-M4 optimiser state shared across parameters
using Reference = Course.Engine.Optimizers;

namespace Course.Day03.Tests;

/// <summary>Exercise 3.2 (hidden): AdaGrad, RMSProp, Adam — pinned steps, where ε sits, bias correction, per-parameter state.</summary>
[Trait("Exercise", "3.2")]
public class AdaptiveOptimizerTests
{
    private static IOptimizer Create(string kind, double learningRate = 0.1) => kind switch
    {
        "AdaGrad" => new AdaGrad(learningRate),
        "RmsProp" => new RmsProp(learningRate),
        _ => new Adam(learningRate),
    };

    private static double[] StepThrough(IOptimizer optimizer, double start, params double[] gradients)
    {
        var p = new Parameter("theta", Tensor.From([start], 1));
        var values = new double[gradients.Length];
        for (int t = 0; t < gradients.Length; t++)
        {
            p.Grad = Tensor.From([gradients[t]], 1);
            optimizer.Step([p]);
            values[t] = p.Value[0];
        }
        return values;
    }

    [Fact]
    [Trait("Weight", "3")]
    public void AdaGrad_first_two_steps_match_hand_computed_values()
    {
        // h₁ = 0.25, θ₁ = 1 − 0.1·0.5/(0.5 + 1e-7); h₂ = 1.25, θ₂ = θ₁ + 0.1·1/(√1.25 + 1e-7).
        double theta1 = 1 - 0.1 * 0.5 / (0.5 + 1e-7);
        double theta2 = theta1 + 0.1 * 1.0 / (Math.Sqrt(1.25) + 1e-7);

        var values = StepThrough(new AdaGrad(0.1), 1.0, 0.5, -1.0);

        values.Should().Equal([theta1, theta2], (a, e) => Math.Abs(a - e) < 1e-14,
            "h ← h + g² accumulates and θ ← θ − η·g/(√h + ε) (lesson §3.4)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void RmsProp_first_two_steps_match_hand_computed_values()
    {
        // h₁ = 0.01·0.25 = 0.0025, θ₁ = 1 − 0.1·0.5/(0.05 + 1e-7); h₂ = 0.99·0.0025 + 0.01·1 = 0.012475.
        double theta1 = 1 - 0.1 * 0.5 / (0.05 + 1e-7);
        double theta2 = theta1 + 0.1 * 1.0 / (Math.Sqrt(0.012475) + 1e-7);

        var values = StepThrough(new RmsProp(0.1), 1.0, 0.5, -1.0);

        values.Should().Equal([theta1, theta2], (a, e) => Math.Abs(a - e) < 1e-14,
            "h ← ρh + (1 − ρ)g² with ρ = 0.99 and θ ← θ − η·g/(√h + ε) (lesson §3.4)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Adam_first_two_steps_match_hand_computed_values()
    {
        const double eta = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double m = (1 - b1) * 0.5, v = (1 - b2) * 0.25;
        double theta1 = 1 - eta * (m / (1 - b1)) / (Math.Sqrt(v / (1 - b2)) + eps);
        m = b1 * m + (1 - b1) * -1.0;
        v = b2 * v + (1 - b2) * 1.0;
        double theta2 = theta1 - eta * (m / (1 - b1 * b1)) / (Math.Sqrt(v / (1 - b2 * b2)) + eps);

        var values = StepThrough(new Adam(eta), 1.0, 0.5, -1.0);

        values.Should().Equal([theta1, theta2], (a, e) => Math.Abs(a - e) < 1e-14,
            "m, v are moving averages and m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) with t = 1, 2 (lesson §3.5)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Adam_first_step_moves_every_coordinate_by_about_the_learning_rate()
    {
        double[] g = [1e-3, -5, 200, -1e4, 0.3];
        var p = new Parameter("theta", Tensor.Zeros(5)) { Grad = Tensor.From(g, 5) };

        new Adam(0.01).Step([p]);

        for (int i = 0; i < g.Length; i++)
            p.Value[i].Should().BeApproximately(-0.01 * g[i] / (Math.Abs(g[i]) + 1e-8), 1e-14,
                $"at t = 1 bias correction gives m̂ = g and v̂ = g², so the step is η·g/(|g| + ε) ≈ η·sign(g) whatever |g| = {Math.Abs(g[i])} is; " +
                "without the correction it would be ≈ 3.2η (lesson §3.5)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Epsilon_sits_outside_the_square_root()
    {
        // g = 1e-8: outside the root the first steps are η·g/(√h + ε); inside (√(h + ε)) they would be ≈ 1000× smaller.
        StepThrough(new AdaGrad(1.0), 0.0, 1e-8)[0].Should().BeApproximately(-1e-8 / (1e-8 + 1e-7), 1e-12,
            "AdaGrad's first step with g = 1e-8 is η·1e-8/(1e-8 + 1e-7) = 0.0909η; ε inside the root gives ≈ 3.2e-5η (lesson §3.4)");
        StepThrough(new RmsProp(1.0), 0.0, 1e-8)[0].Should().BeApproximately(-1e-8 / (1e-9 + 1e-7), 1e-12,
            "RMSProp's first step with g = 1e-8 is η·1e-8/(√(0.01·1e-16) + 1e-7) ≈ 0.099η with ε outside the root (lesson §3.4)");
        StepThrough(new Adam(1.0), 0.0, 1e-8)[0].Should().BeApproximately(-0.5, 1e-9,
            "Adam's first step with g = 1e-8 is η·1e-8/(1e-8 + 1e-8) = 0.5η with ε outside the root (lesson §3.5)");
    }

    [Theory]
    [InlineData("AdaGrad")]
    [InlineData("RmsProp")]
    [InlineData("Adam")]
    public void Zero_gradient_leaves_theta_unchanged_without_NaN(string kind)
    {
        var optimizer = Create(kind);
        var p = new Parameter("theta", Tensor.From([1.5, -2.5, 0.0], 3)) { Grad = Tensor.Zeros(3) };

        for (int t = 0; t < 3; t++) optimizer.Step([p]);

        p.Value.ToArray().Should().Equal([1.5, -2.5, 0.0],
            $"{kind}: with g = 0 the update is 0/(0 + ε) = 0 — no NaN from 0/0, so ε must be added after the square root");
    }

    [Theory]
    [InlineData("AdaGrad")]
    [InlineData("RmsProp")]
    [InlineData("Adam")]
    [Trait("Weight", "2")]
    public void State_is_kept_per_parameter_object_and_t_counts_steps(string kind)
    {
        var (together, alone) = PerParameterStateRun.Run(() => Create(kind), ["W", "W", "b"], seed: 41);
        var (reference, _) = PerParameterStateRun.Run(() => kind switch
        {
            "AdaGrad" => new Reference.AdaGrad<double>(0.1),
            "RmsProp" => new Reference.RmsProp<double>(0.1),
            _ => new Reference.Adam<double>(0.1),
        }, ["W", "W", "b"], seed: 41);

        for (int i = 0; i < together.Length; i++)
            TensorAssert.Close(together[i].Value, alone[i].Value, 1e-14,
                $"{kind} must keep its moments per Parameter object (not per name, not shared) and, for Adam, count t once per Step call, " +
                $"not once per parameter; parameter {i} differs from a run with only that parameter (lesson §3.4–§3.5)");
        for (int i = 0; i < together.Length; i++)
            TensorAssert.Close(together[i].Value, reference[i].Value, 1e-12, 1e-10, $"{kind} parameter {i}",
                $"{kind} must carry its moments over the three steps like the reference (a stateless update keeps per-parameter state trivially; lesson §3.4–§3.5)");
    }

    [Theory]
    [InlineData("AdaGrad")]
    [InlineData("RmsProp")]
    [InlineData("Adam")]
    public void Step_reads_grad_and_never_changes_it(string kind)
    {
        var optimizer = Create(kind);
        var rng = new Rng(6);
        var p = new Parameter("W", rng.Normal(1.0, [2, 3])) { Grad = rng.Normal(1.0, [2, 3]) };
        var grad = p.Grad;
        var before = grad.Clone();

        optimizer.Step([p]);
        optimizer.Step([p]);

        p.Grad.Should().BeSameAs(grad, $"{kind}.Step must not replace Grad (lesson §3.2)");
        TensorAssert.Close(grad, before, 0, $"{kind}.Step must not write to Grad (e.g. squaring it in place) (lesson §3.2)");
    }

    [Fact]
    public void Adam_uses_a_learning_rate_changed_between_steps()
    {
        var adam = new Adam(0.1);
        var p = new Parameter("theta", Tensor.Zeros(1)) { Grad = Tensor.From([2.0], 1) };
        adam.Step([p]);
        double first = p.Value[0];
        first.Should().BeApproximately(-0.1, 1e-6, "Adam's first step moves θ by about η against the gradient's sign, whatever |g| is (lesson §3.5)");

        adam.LearningRate = 0.0;
        adam.Step([p]);

        p.Value[0].Should().Be(first, "with η set to 0 the second step must not move θ; LearningRate is read at every Step");
    }

    [Theory]
    [InlineData("AdaGrad")]
    [InlineData("RmsProp")]
    [InlineData("Adam")]
    [Trait("Weight", "3")]
    public void Agrees_with_the_engine_reference_over_twenty_steps(string kind)
    {
        (IOptimizer Learner, IOptimizer Reference) pair = kind switch
        {
            "AdaGrad" => (new AdaGrad(0.05), new Reference.AdaGrad<double>(0.05)),
            "RmsProp" => (new RmsProp(0.05, 0.9), new Reference.RmsProp<double>(0.05, 0.9)),
            _ => (new Adam(0.05, 0.8, 0.99), new Reference.Adam<double>(0.05, 0.8, 0.99)),
        };
        DifferentialRun.Compare(pair.Learner, pair.Reference, kind, seed: 52);
    }
}
