// Kills: D3-M7 Newton step with H instead of H⁻¹, or the wrong sign
namespace Course.Day03.Tests;

/// <summary>Exercise 3.6 (hidden): Taylor model, optimal step, Newton step, Hessian-vector products, Newton for logistic regression.</summary>
[Trait("Exercise", "3.6")]
public class SecondOrderTests
{
    private static readonly Tensor G = Tensor.From([-0.7, 4.0], 2);                        // ∇f(−7, 2) for f = x²/20 + y²
    private static readonly Tensor H = Tensor.From(new double[,] { { 0.1, 0 }, { 0, 2 } });  // ∇²f

    private static double Dot(Tensor a, Tensor b) => a.ToArray().Zip(b.ToArray(), (x, y) => x * y).Sum();

    private static Tensor MatVec(Tensor m, Tensor v) => Ops.MatMul(m, v.Reshape(-1, 1)).Reshape(-1);

    [Fact]
    public void Pinned_optimal_step_and_model_value_at_minus_7_2()
    {
        double eta = SecondOrder.OptimalStepAlongGradient(G, H);
        var d = G * -eta;
        double model = SecondOrder.TaylorModel(6.45, G, H, d);

        eta.Should().BeApproximately(0.514524634154, 1e-12, "η* = gᵀg / gᵀHg = 16.49 / 32.049 (lesson §3.9)");
        model.Should().BeApproximately(2.207744391401, 1e-12, "m(−η*g) = f − η*gᵀg + ½η*² gᵀHg (lesson §3.9)");
        (6.45 - model).Should().BeApproximately(4.242255608599, 1e-12, "the predicted decrease is ½(gᵀg)²/gᵀHg");
        Trajectory.F(-7 + d[0], 2 + d[1]).Should().BeApproximately(model, 1e-12, "for a quadratic the second-order model is exact");
    }

    [Fact]
    public void Taylor_model_is_f_plus_g_dot_d_plus_half_d_H_d()
    {
        var g = Tensor.From([1.0, -2.0, 0.5], 3);
        var h = Tensor.From(new double[,] { { 2, 0.5, 0 }, { 0.5, 1, -0.25 }, { 0, -0.25, 3 } });
        var d = Tensor.From([0.3, 0.1, -0.2], 3);
        double expected = 1.5 + Dot(g, d) + 0.5 * Dot(d, MatVec(h, d));   // = 1.5 + 0.0 + 0.5·0.315

        SecondOrder.TaylorModel(1.5, g, h, d).Should().BeApproximately(expected, 1e-14, "m(d) = f + gᵀd + ½ dᵀHd, with the ½ (lesson §3.9)");
    }

    [Fact]
    public void Newton_step_lands_on_the_minimum_of_the_quadratic()
    {
        var d = SecondOrder.NewtonStep(G, H);

        d[0].Should().BeApproximately(7, 1e-12, "d = −H⁻¹g = (0.7/0.1, −4/2) (lesson §3.10)");
        d[1].Should().BeApproximately(-2, 1e-12, "d = −H⁻¹g = (0.7/0.1, −4/2) (lesson §3.10)");
        Math.Abs(-7 + d[0]).Should().BeLessThan(1e-12, "one Newton step from (−7, 2) reaches x = 0");
        Math.Abs(2 + d[1]).Should().BeLessThan(1e-12, "one Newton step from (−7, 2) reaches y = 0");
    }

    [Fact]
    public void Newton_step_solves_H_d_equals_minus_g_for_a_full_matrix()
    {
        var h = Tensor.From(new double[,] { { 4, 1, 0.5 }, { 1, 3, -0.5 }, { 0.5, -0.5, 2 } });
        var g = Tensor.From([1.0, -2.0, 3.0], 3);
        var hBefore = h.Clone();
        var gBefore = g.Clone();

        var d = SecondOrder.NewtonStep(g, h);

        d.ShapeArray.Should().Equal([3], "d has g's shape");
        TensorAssert.Close(MatVec(h, d), -g, 1e-12, "Newton's step satisfies H·d = −g: use H⁻¹ (not H) and the minus sign (lesson §3.10)");
        TensorAssert.Close(h, hBefore, 0, "NewtonStep must not modify H (factor into new storage)");
        TensorAssert.Close(g, gBefore, 0, "NewtonStep must not modify g");
    }

    [Fact]
    public void Non_positive_definite_Hessians_are_rejected_with_a_message()
    {
        var indefinite = Tensor.From(new double[,] { { 1, 0 }, { 0, -1 } });
        var negative = Tensor.From(new double[,] { { -1, 0 }, { 0, -2 } });

        var newton = () => SecondOrder.NewtonStep(G, indefinite);
        newton.Should().Throw<Exception>()
            .Where(e => !(e is NotImplementedException) && !(e is NullReferenceException) && e.Message.Length > 0,
                "at a saddle point H is indefinite and −H⁻¹g need not descend: Cholesky fails and the step must throw with a message (lesson §3.10)");

        var step = () => SecondOrder.OptimalStepAlongGradient(G, negative);
        step.Should().Throw<ArgumentException>("gᵀHg ≤ 0: the model has no minimum along −g (lesson §3.9)");
    }

    [Fact]
    public void Hessian_vector_product_equals_A_v_on_a_quadratic()
    {
        // f(θ) = ½θᵀAθ + bᵀθ, ∇f = Aθ + b, ∇²f = A.
        var a = Tensor.From(new double[,] { { 3, 1, 0, 0.5 }, { 1, 2, 0.25, 0 }, { 0, 0.25, 1, -0.5 }, { 0.5, 0, -0.5, 4 } });
        var b = Tensor.From([0.1, -0.2, 0.3, 0.4], 4);
        Tensor Gradient(Tensor theta) => MatVec(a, theta) + b;
        var theta = Tensor.From([1.0, -1.0, 2.0, 0.5], 4);
        var v = Tensor.From([0.3, 0.7, -1.2, 2.0], 4);
        var thetaBefore = theta.Clone();

        var hv = SecondOrder.HessianVectorProduct(Gradient, theta, v);

        TensorAssert.Close(hv, MatVec(a, v), 1e-8, "(∇f(θ + rv) − ∇f(θ − rv)) / 2r equals A·v for a quadratic (lesson §3.11)");
        TensorAssert.Close(theta, thetaBefore, 0, "θ must not be modified: evaluate ∇f at new tensors θ ± rv");

        var quadratic = SecondOrder.HessianVectorProduct(t => Tensor.From([t[0] / 10, 2 * t[1]], 2), Tensor.From([-7.0, 2.0], 2),
            Tensor.From([1.0, 1.0], 2));
        TensorAssert.Close(quadratic, Tensor.From([0.1, 2.0], 2), 1e-8, "H·(1, 1) = (0.1, 2) for f = x²/20 + y²");
    }

    private static (Tensor X, int[] Y) TwoBlobs(ulong seed)
    {
        // 100 points around (−1, −1) labelled 0, 100 around (1, 1) labelled 1, σ = 1, plus a bias column of ones.
        var rng = new Rng(seed).Fork("blobs");
        var x = Tensor.Zeros(200, 3);
        var y = new int[200];
        for (int i = 0; i < 200; i++)
        {
            y[i] = i < 100 ? 0 : 1;
            double mean = y[i] == 1 ? 1 : -1;
            x[i, 0] = mean + rng.NextGaussian();
            x[i, 1] = mean + rng.NextGaussian();
            x[i, 2] = 1;
        }
        return (x, y);
    }

    private static Tensor LogisticGradient(Tensor x, int[] y, double lambda, Tensor w)
    {
        int n = x.Dim(0);
        var p = Ops.Sigmoid(MatVec(x, w));
        var residual = p - Tensor.From(y.Select(v => (double)v).ToArray(), n);
        return Ops.MatMul(residual.Reshape(1, n), x).Reshape(-1) / n + w * lambda;
    }

    [Fact]
    public void Hessian_vector_product_matches_the_exact_logistic_Hessian()
    {
        var (x, y) = TwoBlobs(5);
        const double lambda = 1e-2;
        var w = Tensor.From([0.4, -0.3, 0.2], 3);
        var v = Tensor.From([1.0, 0.5, -2.0], 3);
        var p = Ops.Sigmoid(MatVec(x, w));
        var s = p * (1.0 - p);
        var h = Ops.MatMul(x * s.Reshape(-1, 1), x, transA: true) / 200;   // XᵀSX/N
        for (int i = 0; i < 3; i++) h[i, i] += lambda;

        var hv = SecondOrder.HessianVectorProduct(t => LogisticGradient(x, y, lambda, t), w, v);

        TensorAssert.Close(hv, MatVec(h, v), 1e-6, "the finite-difference HVP agrees with (XᵀSX/N + λI)·v (lesson §3.11)");
    }

    [Fact]
    public void Taylor_model_error_shrinks_eightfold_when_the_step_is_halved()
    {
        // f(x, y) = eˣ + y⁴/4 + xy at (0.3, 0.5): not quadratic, so m(d) − f(θ + d) = O(‖d‖³). Measured ratio 8.07.
        static double F(double x, double y) => Math.Exp(x) + Math.Pow(y, 4) / 4 + x * y;
        double x0 = 0.3, y0 = 0.5;
        var g = Tensor.From([Math.Exp(x0) + y0, y0 * y0 * y0 + x0], 2);
        var h = Tensor.From(new double[,] { { Math.Exp(x0), 1 }, { 1, 3 * y0 * y0 } });
        double Error(double s) => Math.Abs(F(x0 + s, y0 + s) - SecondOrder.TaylorModel(F(x0, y0), g, h, Tensor.From([s, s], 2)));

        double ratio = Error(0.04) / Error(0.02);

        ratio.Should().BeInRange(6, 10, "the second-order model's error is third order: halving d divides it by ≈ 2³ = 8 (lesson §3.9)");
    }

    [Fact]
    [Trait("Kind", "Convergence")]
    public void Newton_converges_quadratically_on_regularised_logistic_regression()
    {
        // Measured with the C# reference (seeds 3 and 11): 7 iterations to ‖∇L‖ < 1e-10
        // (seed 3: 6.9e-1, 1.8e-1, 5.7e-2, 1.3e-2, 1.1e-3, 8.8e-6, 6.2e-10, 7.8e-18); accuracy 0.92 / 0.895; ≈ 5 ms.
        var (x, y) = TwoBlobs(3);

        var (w, norms) = SecondOrder.NewtonLogistic(x, y, lambda: 1e-2, maxIter: 20);

        w.ShapeArray.Should().Equal([3], "one weight per feature column, bias included");
        norms.Should().NotBeEmpty("the gradient norm at w = 0 is recorded first");
        norms[0].Should().BeApproximately(Math.Sqrt(Dot(LogisticGradient(x, y, 1e-2, Tensor.Zeros(3)), LogisticGradient(x, y, 1e-2, Tensor.Zeros(3)))), 1e-12,
            "GradNorms[0] is ‖∇L‖ at the start w = 0 with ∇L = Xᵀ(σ(Xw) − y)/N + λw");
        int first = norms.ToList().FindIndex(n => n < 1e-10);
        first.Should().BeInRange(3, 8, $"Newton reaches ‖∇L‖ < 1e-10 within 8 iterations (measured 7); norms: {string.Join(", ", norms.Select(n => n.ToString("E2")))}");
        for (int k = first - 2; k <= first; k++)
            norms[k].Should().BeLessThanOrEqualTo(100 * norms[k - 1] * norms[k - 1],
                $"quadratic convergence: each of the last three norms is ≤ 100 × the previous one squared (step {k}) (lesson §3.10)");

        var finalGradient = LogisticGradient(x, y, 1e-2, w);
        Math.Sqrt(Dot(finalGradient, finalGradient)).Should().BeLessThan(1e-9, "the returned weights are the converged ones");
        int correct = Enumerable.Range(0, 200).Count(i => (x[i, 0] * w[0] + x[i, 1] * w[1] + x[i, 2] * w[2] > 0 ? 1 : 0) == y[i]);
        (correct / 200.0).Should().BeGreaterThanOrEqualTo(0.85, "the blobs overlap but a linear boundary separates most points (measured 0.92)");
    }
}
