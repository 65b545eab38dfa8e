// Kills: D3-M1 momentum sign error (v ← αv + ηg) · D3-M4 optimiser state shared across parameters ·
//        D3-M5 Nesterov implemented as plain momentum or as the book's α²·v_new form
using Reference = Course.Engine.Optimizers;

namespace Course.Day03.Tests;

/// <summary>Exercise 3.1 (hidden): SGD, Momentum, Nesterov — pinned first steps, per-parameter state, the Nesterov identity.</summary>
[Trait("Exercise", "3.1")]
public class FirstOrderOptimizerTests
{
    private static Parameter Scalar(double value, string name = "theta") => new(name, Tensor.From([value], 1));

    private static double[] StepThrough(IOptimizer optimizer, double start, params double[] gradients)
    {
        var p = Scalar(start);
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
    public void Sgd_first_three_steps_match_hand_computed_values()
    {
        var p = new Parameter("theta", Tensor.From([1.0, -2.0], 2));
        var sgd = new Sgd(0.1);
        double[][] gradients = [[0.5, -1.0], [0.2, 0.4], [-0.3, 0.1]];
        double[][] expected = [[0.95, -1.9], [0.93, -1.94], [0.96, -1.95]];   // θ − 0.1·g, step by step

        for (int t = 0; t < 3; t++)
        {
            p.Grad = Tensor.From(gradients[t], 2);
            sgd.Step([p]);
            p.Value[0].Should().BeApproximately(expected[t][0], 1e-14, because: $"θ ← θ − η·g at step {t + 1} (lesson §3.1)");
            p.Value[1].Should().BeApproximately(expected[t][1], 1e-14, because: $"θ ← θ − η·g at step {t + 1} (lesson §3.1)");
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Momentum_first_three_steps_match_hand_computed_values()
    {
        // α = 0.9, η = 0.1, θ₀ = 1, g = 0.5, −1, 0.2:
        // v₁ = −0.05, θ₁ = 0.95; v₂ = −0.045 + 0.1 = 0.055, θ₂ = 1.005; v₃ = 0.0495 − 0.02 = 0.0295, θ₃ = 1.0345.
        var values = StepThrough(new Momentum(0.1, 0.9), 1.0, 0.5, -1.0, 0.2);

        values.Should().Equal([0.95, 1.005, 1.0345], (a, e) => Math.Abs(a - e) < 1e-14,
            "v ← αv − η·g and θ ← θ + v, with the minus sign on η·g (lesson §3.2)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Nesterov_first_three_steps_match_hand_computed_values()
    {
        // Same gradients: v as for Momentum, θ ← θ + αv − η·g with the new v:
        // θ₁ = 1 − 0.045 − 0.05 = 0.905; θ₂ = 0.905 + 0.0495 + 0.1 = 1.0545; θ₃ = 1.0545 + 0.02655 − 0.02 = 1.06105.
        var values = StepThrough(new Nesterov(0.1, 0.9), 1.0, 0.5, -1.0, 0.2);

        values.Should().Equal([0.905, 1.0545, 1.06105], (a, e) => Math.Abs(a - e) < 1e-14,
            "θ ← θ + αv − η·g uses the new v, not the book's α²v − (1 + α)η·g (lesson §3.3)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Nesterov_differs_from_momentum_from_the_first_step_on()
    {
        var momentum = StepThrough(new Momentum(0.1, 0.9), 1.0, 0.5);
        var nesterov = StepThrough(new Nesterov(0.1, 0.9), 1.0, 0.5);

        Math.Abs(momentum[0] - nesterov[0]).Should().BeGreaterThan(0.04,
            "Nesterov adds the look-ahead αv − η·g, Momentum adds v: 0.905 vs 0.95 after one step (lesson §3.3)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Nesterov_equals_the_look_ahead_method_under_the_change_of_variables()
    {
        // f(θ) = ½θᵀAθ with A = diag(0.1, 2) (the Day-3 quadratic). Look-ahead method on φ:
        //   u ← αu − η∇f(φ + αu); φ ← φ + u.  With θ = φ + αu this is exactly the course's Nesterov recursion.
        const double alpha = 0.9, eta = 0.1;
        static Tensor Gradient(Tensor t) => Tensor.From([0.1 * t[0], 2 * t[1]], 2);

        var phi = Tensor.From([-7.0, 2.0], 2);
        var u = Tensor.Zeros(2);
        var theta = new Parameter("theta", phi.Clone());
        var nesterov = new Nesterov(eta, alpha);
        for (int t = 1; t <= 10; t++)
        {
            u = u * alpha - Gradient(phi + u * alpha) * eta;
            phi = phi + u;

            theta.Grad = Gradient(theta.Value);
            nesterov.Step([theta]);

            TensorAssert.Close(theta.Value, phi + u * alpha, 1e-12,
                $"after step {t} the course's Nesterov θ must equal φ + αu of the look-ahead method (lesson §3.3)");
        }
    }

    [Theory]
    [InlineData("Momentum")]
    [InlineData("Nesterov")]
    [Trait("Weight", "2")]
    public void State_is_kept_per_parameter_object(string kind)
    {
        IOptimizer Create() => kind == "Momentum" ? new Momentum(0.1) : new Nesterov(0.1);
        // Two parameters of different shapes and two that share a name (every Affine layer calls its weights "W").
        var (together, alone) = PerParameterStateRun.Run(Create, ["W", "W", "W"], seed: 31);
        var (reference, _) = PerParameterStateRun.Run(
            () => kind == "Momentum" ? new Reference.Momentum<double>(0.1) : new Reference.Nesterov<double>(0.1), ["W", "W", "W"], seed: 31);

        for (int i = 0; i < together.Length; i++)
            TensorAssert.Close(together[i].Value, alone[i].Value, 1e-14,
                $"{kind} must keep one velocity per Parameter object (a Dictionary<Parameter, Tensor>), not per name or shared; parameter {i} differs (lesson §3.2)");
        for (int i = 0; i < together.Length; i++)
            TensorAssert.Close(together[i].Value, reference[i].Value, 1e-12, 1e-10, $"{kind} parameter {i}",
                $"{kind} must accumulate a velocity over the three steps like the reference (a stateless update keeps per-parameter state trivially; lesson §3.2)");
    }

    [Theory]
    [InlineData("Sgd")]
    [InlineData("Momentum")]
    [InlineData("Nesterov")]
    public void Step_reads_grad_and_never_changes_it(string kind)
    {
        IOptimizer optimizer = kind switch { "Sgd" => new Sgd(0.1), "Momentum" => new Momentum(0.1), _ => new Nesterov(0.1) };
        var rng = new Rng(5);
        var p = new Parameter("W", rng.Normal(1.0, [3, 4])) { Grad = rng.Normal(1.0, [3, 4]) };
        var grad = p.Grad;
        var before = grad.Clone();

        optimizer.Step([p]);
        optimizer.Step([p]);

        p.Grad.Should().BeSameAs(grad, $"{kind}.Step must not replace Grad (lesson §3.2)");
        TensorAssert.Close(grad, before, 0, $"{kind}.Step must not write to Grad; update Value only (lesson §3.2)");
        p.Value.ShapeArray.Should().Equal([3, 4], $"{kind}.Step keeps Value's shape");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Learning_rate_can_be_changed_between_steps()
    {
        var momentum = new Momentum(0.1, 0.9);
        var p = Scalar(1.0);
        p.Grad = Tensor.From([0.5], 1);
        momentum.Step([p]);                       // v = −0.05, θ = 0.95

        momentum.LearningRate = 0.01;
        momentum.LearningRate.Should().Be(0.01, "LearningRate is settable (schedules set it before each Step)");
        p.Grad = Tensor.From([-1.0], 1);
        momentum.Step([p]);                       // v = −0.045 + 0.01 = −0.035, θ = 0.915

        p.Value[0].Should().BeApproximately(0.915, 1e-14, "the new η = 0.01 is used from the next Step on, with the kept velocity");

        var sgd = new Sgd(0.1) { LearningRate = 0.5 };
        var q = Scalar(1.0);
        q.Grad = Tensor.From([1.0], 1);
        sgd.Step([q]);
        q.Value[0].Should().BeApproximately(0.5, 1e-15, "Sgd reads LearningRate at every Step");
    }

    [Theory]
    [InlineData("Sgd")]
    [InlineData("Momentum")]
    [InlineData("Nesterov")]
    [Trait("Weight", "3")]
    public void Agrees_with_the_engine_reference_over_twenty_steps(string kind)
    {
        (IOptimizer Learner, IOptimizer Reference) pair = kind switch
        {
            "Sgd" => (new Sgd(0.05), new Reference.Sgd<double>(0.05)),
            "Momentum" => (new Momentum(0.05, 0.8), new Reference.Momentum<double>(0.05, 0.8)),
            _ => (new Nesterov(0.05, 0.8), new Reference.Nesterov<double>(0.05, 0.8)),
        };
        DifferentialRun.Compare(pair.Learner, pair.Reference, kind, seed: 51);
    }
}
