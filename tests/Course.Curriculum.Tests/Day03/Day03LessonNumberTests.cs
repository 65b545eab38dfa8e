using Course.Engine;
using Course.Engine.Optimizers;
using D3 = Course.Day03;

namespace Course.Curriculum.Tests.Day03;

/// <summary>
/// The numbers the Day-3 lesson states beyond the exercise tables (bias-correction factors, conjugate gradient,
/// steepest descent with the best step, global-norm clipping, AdamW against L2, Polyak averaging, schedules) are
/// computed here, so the text cannot drift from the code.
/// </summary>
public sealed class Day03LessonNumberTests
{
    private static (double X, double Y) Grad((double X, double Y) p) => (p.X / 10, 2 * p.Y);

    [Fact]
    public void Uncorrected_adam_steps_are_larger_not_smaller()
    {
        var ratio = Day03Figures.UncorrectedOverCorrected(3000);
        ratio[0].Should().BeApproximately(3.162, 5e-4, "t = 1: 0.1 / √0.001");
        ratio[1].Should().BeApproximately(4.250, 5e-4, "t = 2: 0.19 / √0.001999");
        ratio[9].Should().BeApproximately(6.528, 5e-4, "t = 10");
        int peak = Array.IndexOf(ratio, ratio.Max()) + 1;
        peak.Should().Be(12);
        ratio[peak - 1].Should().BeApproximately(6.569, 5e-4);
        ratio[99].Should().BeApproximately(3.241, 5e-4, "t = 100");
        ratio[999].Should().BeApproximately(1.258, 5e-4, "t = 1,000");
        ratio[2999].Should().BeApproximately(1.026, 5e-4, "t = 3,000: the two steps only slowly become equal");
    }

    [Fact]
    public void Conjugate_gradient_reaches_the_minimum_in_two_steps()
    {
        // f = ½ θᵀAθ with A = diag(0.1, 2): CG with exact step sizes and the Fletcher–Reeves β.
        (double X, double Y) x = (-7, 2), g = Grad(x), d = (-g.X, -g.Y);
        var alphas = new List<double>();
        var betas = new List<double>();
        var points = new List<(double X, double Y)>();
        for (int k = 0; k < 2; k++)
        {
            double alpha = (g.X * g.X + g.Y * g.Y) / (0.1 * d.X * d.X + 2 * d.Y * d.Y);
            x = (x.X + alpha * d.X, x.Y + alpha * d.Y);
            var gNew = Grad(x);
            double beta = (gNew.X * gNew.X + gNew.Y * gNew.Y) / (g.X * g.X + g.Y * g.Y);
            d = (-gNew.X + beta * d.X, -gNew.Y + beta * d.Y);
            g = gNew;
            alphas.Add(alpha); betas.Add(beta); points.Add(x);
        }
        alphas[0].Should().BeApproximately(0.514525, 1e-6);
        points[0].X.Should().BeApproximately(-6.639833, 1e-6);
        points[0].Y.Should().BeApproximately(-0.058099, 1e-6);
        betas[0].Should().BeApproximately(0.027555, 1e-6);
        alphas[1].Should().BeApproximately(9.717708, 1e-6);
        points[1].X.Should().BeApproximately(0, 1e-12);
        points[1].Y.Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Steepest_descent_with_the_best_step_zigzags()
    {
        (double X, double Y) x = (-7, 2);
        var f = new List<double> { D3.Trajectory.F(x.X, x.Y) };
        for (int k = 0; k < 30; k++)
        {
            var g = Grad(x);
            double eta = D3.SecondOrder.OptimalStepAlongGradient(Tensor<double>.From([g.X, g.Y], 2),
                Tensor<double>.From(new double[,] { { 0.1, 0 }, { 0, 2 } }));
            x = (x.X - eta * g.X, x.Y - eta * g.Y);
            f.Add(D3.Trajectory.F(x.X, x.Y));
        }
        f[1].Should().BeApproximately(2.2077, 1e-4);
        f[2].Should().BeApproximately(0.7557, 1e-4);
        f[10].Should().BeApproximately(1.424e-4, 1e-7);
        (f[2] / f[1]).Should().BeApproximately(0.342, 1e-3, "every step after the first multiplies f by about 0.342");
        (f[30] / f[29]).Should().BeApproximately(0.342, 1e-3);
        Math.Pow(19.0 / 21.0, 2).Should().BeApproximately(0.8186, 1e-4, "the worst case ((κ − 1)/(κ + 1))² for κ = 20");
    }

    [Fact]
    public void Global_norm_clipping_scales_every_gradient_by_the_same_factor()
    {
        var a = new Parameter<double>("a", Tensor<double>.Zeros(2)) { Grad = Tensor<double>.From([3.0, 4.0], 2) };
        var b = new Parameter<double>("b", Tensor<double>.Zeros(1)) { Grad = Tensor<double>.From([12.0], 1) };
        double norm = GradientClipping.ClipByGlobalNorm<double>([a, b], 5.0);
        norm.Should().Be(13);
        a.Grad[0].Should().BeApproximately(1.1538, 1e-4);
        a.Grad[1].Should().BeApproximately(1.5385, 1e-4);
        b.Grad[0].Should().BeApproximately(4.6154, 1e-4);
    }

    [Fact]
    public void AdamW_decays_a_parameter_without_gradient_by_eta_lambda_while_L2_in_adam_moves_it_by_eta()
    {
        // θ = 1, loss gradient 0, η = 1e-3, λ = 0.01, one step.
        var w = new Parameter<double>("w", Tensor<double>.From([1.0], 1)) { Grad = Tensor<double>.Zeros(1) };
        new AdamW<double>(1e-3, weightDecay: 0.01).Step([w]);
        (1 - w.Value[0]).Should().BeApproximately(1e-5, 1e-12, "decoupled: θ ← θ − ηλθ");

        var l2 = new Parameter<double>("l2", Tensor<double>.From([1.0], 1)) { Grad = Tensor<double>.From([0.01 * 1.0], 1) };
        new D3.Adam(1e-3).Step([l2]);
        (1 - l2.Value[0]).Should().BeApproximately(1e-3, 1e-9, "λθ added to the gradient is normalised away: a full η step");
    }

    [Fact]
    public void Polyak_averaging_of_noisy_sgd_iterates()
    {
        // f(θ) = θ²/2 with gradient noise N(0, 1), η = 0.1, 1,000 steps from θ = 5, seed 1;
        // average the iterates of the second half.
        var rng = new Rng(1).Fork("noise");
        double theta = 5, sum = 0;
        const int steps = 1000;
        for (int t = 1; t <= steps; t++)
        {
            theta -= 0.1 * (theta + rng.NextGaussian());
            if (t > steps / 2) sum += theta;
        }
        double average = sum / (steps / 2);
        (theta * theta / 2).Should().BeApproximately(LastLoss, 5e-5);
        (average * average / 2).Should().BeApproximately(AverageLoss, 5e-6);
        (average * average).Should().BeLessThan(theta * theta / 5);
        // Stationary expectations: Var θ = η/(2 − η) = 0.0526 so E f = 0.0263 for the last iterate; the mean of N = 500
        // iterates of θ ← 0.9θ − 0.1ξ has variance ≈ (0.1/(1 − 0.9))²/N = 0.002, so E f ≈ 0.001.
        (0.1 / (2 - 0.1) / 2).Should().BeApproximately(0.0263, 1e-4);
        (Math.Pow(0.1 / (1 - 0.9), 2) / 500 / 2).Should().BeApproximately(0.001, 1e-9);
    }

    private const double LastLoss = 0.005274;
    private const double AverageLoss = 0.000958;

    [Fact]
    public void Schedules_at_their_boundaries()
    {
        var cosine = new D3.CosineAnnealing(0.1, 0.001, 100);
        var warm = new D3.LinearWarmup(cosine, 10);
        var step = new D3.StepDecay(0.1, 30, 0.5);
        step.At(29).Should().Be(0.1);
        step.At(30).Should().Be(0.05);
        step.At(90).Should().Be(0.0125);
        cosine.At(50).Should().BeApproximately(0.0505, 1e-12);
        cosine.At(25).Should().BeApproximately(0.08550, 1e-5);
        cosine.At(100).Should().Be(0.001);
        warm.At(0).Should().BeApproximately(0.009758, 1e-6);
        warm.At(9).Should().BeApproximately(0.097577, 1e-6);
        warm.At(10).Should().BeApproximately(0.097577, 1e-6);
    }
}
