using System.Globalization;
using Course.Engine;
using Course.Engine.Optimizers;
using Course.Model.Quizzes;
using D3 = Course.Day03;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day03;

/// <summary>
/// Each 計算 answer of the Day-3 quiz (and the numbers inside the code-reading answers) is recomputed here with the
/// reference solutions or the engine, so a changed number in quiz.md fails with the question's id.
/// </summary>
public sealed class Day03QuizAnswerTests
{
    private static readonly QuizKey Key = new("day03-optimisation");

    private static Parameter<double> Scalar(double value, double grad) =>
        new("w", Tensor<double>.From([value], 1)) { Grad = Tensor<double>.From([grad], 1) };

    [Fact]
    public void Q1_one_momentum_step_from_a_nonzero_velocity()
    {
        double alpha = 0.9, eta = 0.1, theta = 1.0, v = -0.5, g = 0.2;
        v = alpha * v - eta * g;
        theta += v;
        Key.Marked("D3-Q1").Should().Be(F(theta, 2));
    }

    [Fact]
    public void Q4_sgd_multiplier_of_y_at_eta_0_95()
    {
        var path = D3.Trajectory.Run(new D3.Sgd(0.95), (-7, 2), 3);
        double ratio = path[1].Y / path[0].Y;
        ratio.Should().BeApproximately(-0.9, 1e-12);
        (path[2].Y / path[1].Y).Should().BeApproximately(-0.9, 1e-12);
        Key.Marked("D3-Q4").Should().Contain("符号が反転").And.Contain(F(Math.Abs(ratio), 1) + " 倍ずつ小さく");
    }

    [Fact]
    public void Q5_condition_number_of_the_quadratic()
    {
        double[] eigenvalues = [2.0 / 20, 2.0];   // ∂²f/∂x² = 1/10, ∂²f/∂y² = 2
        Key.Marked("D3-Q5").Should().Be((eigenvalues.Max() / eigenvalues.Min()).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q7_optimal_step_along_the_gradient_at_minus7_2()
    {
        double eta = D3.SecondOrder.OptimalStepAlongGradient(Tensor<double>.From([-0.7, 4.0], 2),
            Tensor<double>.From(new double[,] { { 0.1, 0 }, { 0, 2 } }));
        Key.Marked("D3-Q7").Should().Be(F(eta, 2));
    }

    [Fact]
    public void Q10_one_nesterov_step_of_the_solution()
    {
        var p = Scalar(1.0, 0.5);
        new D3.Nesterov(0.1, 0.9).Step([p]);
        Key.Marked("D3-Q10").Should().Be(F(p.Value[0], 3));
    }

    [Fact]
    public void Q11_first_rmsprop_step_is_ten_times_the_rate()
    {
        var p = Scalar(0.0, 3.0);
        new D3.RmsProp(0.01, 0.99).Step([p]);
        Key.Marked("D3-Q11").Should().Be(Math.Round(Math.Abs(p.Value[0]), 6).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q12_newton_step_on_x2_plus_3y2_from_2_1()
    {
        var d = D3.SecondOrder.NewtonStep(Tensor<double>.From([4.0, 6.0], 2), Tensor<double>.From(new double[,] { { 2, 0 }, { 0, 6 } }));
        double x = Math.Round(2 + d[0], 9) + 0.0, y = Math.Round(1 + d[1], 9) + 0.0;   // + 0.0 turns −0 into 0
        Key.Marked("D3-Q12").Should().Be($"$({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)})$");
    }

    [Fact]
    public void Q13_cosine_annealing_at_a_quarter()
    {
        var schedule = new D3.CosineAnnealing(0.1, 0.0, 100);
        Key.Marked("D3-Q13").Should().Be(F(schedule.At(25), 4));
        F(schedule.At(75), 4).Should().Be("0.0146", "the explanation names the t = 75 value");
    }

    [Fact]
    public void Q14_uncorrected_adam_factors_at_t_1_and_2()
    {
        var ratio = Day03Figures.UncorrectedOverCorrected(2);
        Key.Marked("D3-Q14").Should().Contain($"約 {F(ratio[0], 2)} 倍").And.Contain($"約 {F(ratio[1], 2)} 倍");
    }

    [Fact]
    public void Q17_he_standard_deviation_for_fan_in_50()
    {
        Key.Marked("D3-Q17").Should().Be(Math.Round(Math.Sqrt(2.0 / 50), 6).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q19_three_adagrad_steps_of_the_numpy_code()
    {
        var p = new Parameter<double>("w", Tensor<double>.Zeros(2));
        var adagrad = new D3.AdaGrad(0.1);
        for (int t = 0; t < 3; t++)
        {
            p.Grad = Tensor<double>.From([1.0, -2.0], 2);
            adagrad.Step([p]);
        }
        Key.Marked("D3-Q19").Should().Be($"[{F(p.Value[0], 4)}, {F(p.Value[1], 4)}]");
    }

    [Fact]
    public void Q20_global_norm_clipping_factor()
    {
        var p = new Parameter<double>("w", Tensor<double>.Zeros(2)) { Grad = Tensor<double>.From([3.0, 4.0], 2) };
        double norm = GradientClipping.ClipByGlobalNorm<double>([p], 1.0);
        norm.Should().Be(5);
        double factor = p.Grad[0] / 3.0;
        Key.Marked("D3-Q20").Should().Contain($"同じ {Math.Round(factor, 6).ToString(CultureInfo.InvariantCulture)} が掛かり");
    }

    [Fact]
    public void Q21_adamw_against_l2_in_adam()
    {
        var decoupled = Scalar(1.0, 0.0);
        new AdamW<double>(1e-3, weightDecay: 0.01).Step([decoupled]);
        var l2 = Scalar(1.0, 0.01 * 1.0);
        new D3.Adam(1e-3).Step([l2]);
        (1 - decoupled.Value[0]).Should().BeApproximately(1e-5, 1e-12);
        (1 - l2.Value[0]).Should().BeApproximately(1e-3, 1e-9);
        Key.Quiz.Questions.Single(q => q.Id == "D3-Q21").Explanation.Should().Contain("10^{-3}").And.Contain("10^{-5}");
    }
}
