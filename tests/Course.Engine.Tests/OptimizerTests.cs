using Course.Engine.Optimizers;

namespace Course.Engine.Tests;

/// <summary>
/// Optimiser updates against the pinned paths of CURRICULUM Day 3, 3.3: f(x, y) = x²/20 + y², ∇f = (x/10, 2y),
/// start (−7, 2), the book's step sizes.
/// </summary>
public class OptimizerTests
{
    private static List<(double X, double Y)> Path(IOptimizer<double> optimizer, int steps)
    {
        var p = new Parameter<double>("theta", Tensor<double>.From([-7.0, 2.0]));
        var path = new List<(double, double)> { (-7.0, 2.0) };
        for (int s = 0; s < steps; s++)
        {
            p.Grad = Tensor<double>.From([p.Value[0] / 10, 2 * p.Value[1]]);
            optimizer.Step([p]);
            path.Add((p.Value[0], p.Value[1]));
        }
        return path;
    }

    public static TheoryData<string, double, double, double, double, double, double> FirstTwoSteps => new()
    {
        { "SGD 0.95", -6.335, -1.8, -5.733175, 1.62, -0.350392995752, 0.084782316550 },
        { "Momentum 0.1", -6.93, 1.6, -6.7977, 0.92, 0.896413858494, 0.088085601715 },
        { "Nesterov 0.1", -6.867, 1.24, -6.679827, 0.4448, 0.689614901697, -0.000679905836 },
        { "AdaGrad 1.5", -5.5000002143, 0.5000000375, -4.5732679682, 0.1361965831, -0.120162322314, 0.0 },
        { "RMSProp 0.1", -6.0000014286, 1.0000002500, -5.3473267162, 0.5509870061, -0.697420309681, 1.48e-8 },
        { "Adam 0.3", -6.7000000043, 1.7000000008, -6.4004143017, 1.4022453286, 0.136014617326, 0.318245388896 },
    };

    private static IOptimizer<double> Make(string name) => name switch
    {
        "SGD 0.95" => new Sgd<double>(0.95),
        "Momentum 0.1" => new Momentum<double>(0.1),
        "Nesterov 0.1" => new Nesterov<double>(0.1),
        "AdaGrad 1.5" => new AdaGrad<double>(1.5),
        "RMSProp 0.1" => new RmsProp<double>(0.1),
        "Adam 0.3" => new Adam<double>(0.3),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(FirstTwoSteps))]
    public void Path_on_the_quadratic_matches_the_pinned_table(string optimizer, double x1, double y1, double x2, double y2, double x30, double y30)
    {
        var path = Path(Make(optimizer), 30);

        path[1].X.Should().BeApproximately(x1, 1e-9);
        path[1].Y.Should().BeApproximately(y1, 1e-9);
        path[2].X.Should().BeApproximately(x2, 1e-9);
        path[2].Y.Should().BeApproximately(y2, 1e-9);
        path[30].X.Should().BeApproximately(x30, 1e-9);
        path[30].Y.Should().BeApproximately(y30, optimizer.StartsWith("RMSProp") ? 1e-9 : 1e-9);
    }

    [Fact]
    public void Sgd_first_two_steps_by_hand()
    {
        // θ1 = (−7 − 0.95·(−0.7), 2 − 0.95·4) = (−6.335, −1.8); θ2 = (−6.335 + 0.95·0.6335, −1.8 + 0.95·3.6)
        var path = Path(new Sgd<double>(0.95), 2);

        path[1].Should().Be((-7 + 0.95 * 0.7, 2 - 0.95 * 4));
        path[2].X.Should().BeApproximately(-6.335 + 0.95 * 0.6335, 1e-15);
        path[2].Y.Should().BeApproximately(-1.8 + 0.95 * 3.6, 1e-15);
    }

    [Fact]
    public void Adam_first_step_moves_each_coordinate_by_about_eta_times_the_sign()
    {
        var p = new Parameter<double>("w", Tensor<double>.From([1.0, 1.0, 1.0])) { Grad = Tensor<double>.From([3.0, -0.001, 1e-6]) };

        new Adam<double>(0.01).Step([p]);

        // m̂ = g, v̂ = g² at t = 1: Δ = −η·g / (|g| + ε)
        p.Value[0].Should().BeApproximately(1 - 0.01 * 3 / (3 + 1e-8), 1e-15);
        p.Value[1].Should().BeApproximately(1 + 0.01 * 0.001 / (0.001 + 1e-8), 1e-15);
        p.Value[2].Should().BeApproximately(1 - 0.01 * 1e-6 / (1e-6 + 1e-8), 1e-15);
    }

    [Fact]
    public void AdaGrad_keeps_epsilon_outside_the_square_root()
    {
        var p = new Parameter<double>("w", Tensor<double>.From([0.0])) { Grad = Tensor<double>.From([1e-8]) };

        new AdaGrad<double>(1.0).Step([p]);

        p.Value[0].Should().BeApproximately(-1e-8 / (1e-8 + 1e-7), 1e-15);   // −0.0909…, not −3.2e-5
    }

    [Fact]
    public void AdamW_decays_the_weights_outside_the_moments()
    {
        double eta = 0.1, lambda = 0.5;
        var p = new Parameter<double>("w", Tensor<double>.From([2.0])) { Grad = Tensor<double>.From([0.4]) };
        var opt = new AdamW<double>(eta, lambda);

        opt.Step([p]);
        double theta1 = 2.0 * (1 - eta * lambda) - eta * 0.4 / (0.4 + 1e-8);
        p.Value[0].Should().BeApproximately(theta1, 1e-15);

        p.Grad = Tensor<double>.From([-0.2]);
        opt.Step([p]);
        double m = 0.9 * 0.1 * 0.4 + 0.1 * -0.2, v = 0.999 * 0.001 * 0.16 + 0.001 * 0.04;
        double mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999);
        p.Value[0].Should().BeApproximately(theta1 * (1 - eta * lambda) - eta * mHat / (Math.Sqrt(vHat) + 1e-8), 1e-14);
    }

    [Fact]
    public void Sgd_weight_decay_is_the_closed_form_of_an_l2_penalty()
    {
        var p = new Parameter<double>("W", Tensor<double>.From([1.5, -2.0])) { Grad = Tensor<double>.From([0.3, 0.1]) };

        new Sgd<double>(0.1, weightDecay: 0.01).Step([p]);

        p.Value[0].Should().BeApproximately((1 - 0.1 * 0.01) * 1.5 - 0.1 * 0.3, 1e-15);
        p.Value[1].Should().BeApproximately((1 - 0.1 * 0.01) * -2.0 - 0.1 * 0.1, 1e-15);
    }

    [Fact]
    public void State_is_per_parameter_and_step_never_changes_grad()
    {
        var a = new Parameter<double>("a", Tensor<double>.Zeros(3)) { Grad = Tensor<double>.Ones(3) };
        var b = new Parameter<double>("b", Tensor<double>.Zeros(2, 2)) { Grad = Tensor<double>.Full(-2.0, 2, 2) };
        var opt = new Momentum<double>(0.1);

        opt.Step([a, b]);
        opt.Step([a, b]);

        a.Value[0].Should().BeApproximately(-0.1 - 0.19, 1e-15);          // v1 = −0.1, v2 = −0.19
        b.Value[1, 1].Should().BeApproximately(0.2 + 0.38, 1e-15);
        a.Grad.ToArray().Should().Equal(1, 1, 1);
        b.Grad.ToArray().Should().Equal(-2, -2, -2, -2);
    }

    [Fact]
    public void Nesterov_equals_the_look_ahead_method_after_the_change_of_variables()
    {
        // Look-ahead: v ← αv − η∇f(θ̃ + αv); θ̃ ← θ̃ + v.  The engine's θ equals θ̃ + αv at every step.
        double alpha = 0.9, eta = 0.1;
        double tx = -7, ty = 2, vx = 0, vy = 0;
        var path = Path(new Nesterov<double>(eta, alpha), 10);
        for (int s = 1; s <= 10; s++)
        {
            double gx = (tx + alpha * vx) / 10, gy = 2 * (ty + alpha * vy);
            vx = alpha * vx - eta * gx; vy = alpha * vy - eta * gy;
            tx += vx; ty += vy;
            path[s].X.Should().BeApproximately(tx + alpha * vx, 1e-12);
            path[s].Y.Should().BeApproximately(ty + alpha * vy, 1e-12);
        }
    }

    [Fact]
    public void Zero_gradient_leaves_parameters_unchanged_without_nan()
    {
        IOptimizer<double>[] all = [new AdaGrad<double>(0.1), new RmsProp<double>(0.1), new Adam<double>(0.1), new AdamW<double>(0.1, 0.0)];
        foreach (var opt in all)
        {
            var p = new Parameter<double>("w", Tensor<double>.From([0.5, -0.5]));
            opt.Step([p]);
            p.Value.ToArray().Should().Equal(0.5, -0.5);
        }
    }

    [Fact]
    public void Float_optimisers_follow_the_double_path()
    {
        var pd = new Parameter<double>("w", Tensor<double>.From([1.0, -2.0])) { Grad = Tensor<double>.From([0.5, 0.25]) };
        var pf = new Parameter<float>("w", Tensor<float>.From([1.0f, -2.0f])) { Grad = Tensor<float>.From([0.5f, 0.25f]) };
        new Adam<double>(0.01).Step([pd]);
        new Adam<float>(0.01).Step([pf]);

        TensorAssert.Close(pf.Value.Cast<double>(), pd.Value, 1e-6);
    }

    [Fact]
    public void Schedules_follow_their_formulas()
    {
        var step = new StepDecay(0.1, 10, 0.5);
        step.At(0).Should().Be(0.1);
        step.At(9).Should().Be(0.1);
        step.At(10).Should().Be(0.05);

        var cosine = new CosineDecay(0.1, 0.001, 100);
        cosine.At(0).Should().BeApproximately(0.1, 1e-15);
        cosine.At(50).Should().BeApproximately(0.0505, 1e-15);
        cosine.At(100).Should().Be(0.001);
        cosine.At(200).Should().Be(0.001);

        var warm = new WarmUp(cosine, 5);
        warm.At(0).Should().BeApproximately(cosine.At(5) / 5, 1e-15);
        warm.At(4).Should().BeApproximately(cosine.At(5), 1e-15);
        warm.At(5).Should().Be(cosine.At(5));
    }

    [Fact]
    public void Clipping_scales_to_the_max_norm_and_returns_the_norm_before()
    {
        var a = new Parameter<double>("a", Tensor<double>.Zeros(2)) { Grad = Tensor<double>.From([3.0, 0.0]) };
        var b = new Parameter<double>("b", Tensor<double>.Zeros(1)) { Grad = Tensor<double>.From([4.0]) };

        double norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);

        norm.Should().Be(5.0);
        a.Grad[0].Should().BeApproximately(0.6, 1e-15);
        b.Grad[0].Should().BeApproximately(0.8, 1e-15);
        GradientClipping.ClipByGlobalNorm([a, b], 2.0).Should().BeApproximately(1.0, 1e-15);
        a.Grad[0].Should().BeApproximately(0.6, 1e-15);   // below the limit: unchanged
    }
}
