namespace Course.Engine.Tests;

public class LinalgTests
{
    [Fact]
    public void Solve_needs_the_row_exchange_and_gets_it_right()
    {
        // a[0,0] = 0: without partial pivoting this divides by zero.
        var a = Tensor<double>.From(new[,] { { 0.0, 2.0, 1.0 }, { 1.0, 1.0, 1.0 }, { 2.0, 1.0, 3.0 } });
        var x = Tensor<double>.From([1.0, -2.0, 3.0]);
        var b = Ops.MatMul(a, x.Reshape(3, 1)).Reshape(3);

        TensorAssert.Close(Linalg.Solve(a, b), x, 1e-14);
    }

    [Fact]
    public void Solve_handles_several_right_hand_sides_and_rejects_singular_matrices()
    {
        var rng = new Rng(1);
        var a = rng.Normal(1.0, 6, 6);
        var x = rng.Normal(1.0, 6, 3);

        TensorAssert.Close(Linalg.Solve(a, Ops.MatMul(a, x)), x, 1e-12);
        var singular = Tensor<double>.From(new[,] { { 1.0, 2.0 }, { 2.0, 4.0 } });
        var act = () => Linalg.Solve(singular, Tensor<double>.From([1.0, 1.0]));
        act.Should().Throw<ArgumentException>().WithMessage("*singular*");
    }

    [Fact]
    public void Cholesky_factor_reproduces_the_matrix_and_solves_newtons_step()
    {
        var h = Tensor<double>.From(new[,] { { 4.0, 2.0, 0.4 }, { 2.0, 5.0, 1.0 }, { 0.4, 1.0, 3.0 } });
        var l = Linalg.Cholesky(h);

        l[0, 1].Should().Be(0.0);
        TensorAssert.Close(Ops.MatMul(l, l, transB: true), h, 1e-14);

        // Day 3: f = x²/20 + y² at (−7, 2): g = (−0.7, 4), H = diag(0.1, 2) → Newton step (7, −2).
        var hq = Tensor<double>.From(new[,] { { 0.1, 0.0 }, { 0.0, 2.0 } });
        var step = -Linalg.CholeskySolve(Linalg.Cholesky(hq), Tensor<double>.From([-0.7, 4.0]));
        TensorAssert.Close(step, Tensor<double>.From([7.0, -2.0]), 1e-14);
    }

    [Fact]
    public void Cholesky_names_the_row_of_a_matrix_that_is_not_positive_definite()
    {
        var act = () => Linalg.Cholesky(Tensor<double>.From(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }));

        act.Should().Throw<ArgumentException>().WithMessage("*not positive definite*row 1*");
    }

    [Fact]
    public void Spectral_radius_of_rotations_diagonals_and_companion_matrices()
    {
        double c = Math.Cos(0.3), s = Math.Sin(0.3);
        Linalg.SpectralRadius(Tensor<double>.From(new[,] { { 0.9 * c, -0.9 * s }, { 0.9 * s, 0.9 * c } })).Should().BeApproximately(0.9, 1e-14);
        Linalg.SpectralRadius(Tensor<double>.From(new[,] { { 0.5, 0, 0 }, { 0, -1.7, 0 }, { 0, 0, 1.2 } })).Should().BeApproximately(1.7, 1e-14);

        // Companion matrix of (x − 1)(x + 2)(x − 3)(x² + 16) = x⁵ − 2x⁴ + 11x³ − 26x² − 80x + 96: roots 1, −2, 3, ±4i.
        var companion = Tensor<double>.From(new[,]
        {
            { 2.0, -11.0, 26.0, 80.0, -96.0 },
            { 1, 0, 0, 0, 0 }, { 0, 1, 0, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0, 0, 0, 1, 0 },
        });
        Linalg.SpectralRadius(companion).Should().BeApproximately(4.0, 1e-10);
        var (re, im) = Linalg.Eigenvalues(companion);
        re.Zip(im).Select(z => Math.Round(z.First, 8) + Math.Round(Math.Abs(z.Second), 8) * 1000).Order()
          .Should().Equal(-2, 1, 3, 4000, 4000);   // real roots, then |Im| = 4 (×1000) twice
    }

    [Fact]
    public void Spectral_radius_of_a_random_matrix_agrees_with_power_iteration_on_its_square()
    {
        // For a symmetric matrix the spectral radius is the largest |eigenvalue|, which power iteration finds.
        var rng = new Rng(3);
        var m = rng.Normal(1.0, 30, 30);
        var sym = (m + m.Transpose()) * 0.5;
        var v = rng.Normal(1.0, 30, 1);
        double estimate = 0;
        for (int i = 0; i < 2000; i++)
        {
            var w = Ops.MatMul(sym, Ops.MatMul(sym, v));
            estimate = Math.Sqrt(Math.Sqrt(Ops.Square(w).Sum()) / Math.Sqrt(Ops.Square(v).Sum()));
            v = w / Math.Sqrt(Ops.Square(w).Sum());
        }

        Linalg.SpectralRadius(sym).Should().BeApproximately(estimate, 1e-8);
    }
}
