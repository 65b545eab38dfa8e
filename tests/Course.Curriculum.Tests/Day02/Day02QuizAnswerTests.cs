using System.Globalization;
using Course.Day02;
using Course.Engine;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Course.Model.Quizzes;
using Tensor = Course.Engine.Tensor<double>;
using Parameter = Course.Engine.Parameter<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day02;

/// <summary>
/// Every 計算 answer of the Day-2 quiz (and the early-stopping trace of the code item D2-Q10), recomputed from the
/// reference solutions and the engine and compared with the option marked correct in quiz.md.
/// </summary>
public sealed class Day02QuizAnswerTests
{
    private static readonly QuizKey Key = new("day02-regularisation");

    /// <summary>Formats with the typographic minus the quiz uses (−, U+2212).</summary>
    private static string Signed(double v) => v.ToString("0.##", CultureInfo.InvariantCulture).Replace("-", "−");

    [Fact]
    public void Q2_inverted_dropout_scales_kept_units_by_1_over_1_minus_p_and_leaves_inference_alone()
    {
        var drop = new DropoutLayer(0.2, new Rng(1));
        var x = Tensor.Ones(1, 1_000);
        drop.Forward(x, training: true);
        double kept = drop.LastMask!.ToArray().Max();
        var inference = drop.Forward(x, training: false);

        inference.ToArray().Should().OnlyContain(v => v == 1.0, "inference is the identity");
        Key.Marked("D2-Q2").Should().Be($"{F(kept, 2)} を掛ける／推論時は何もしない");
    }

    [Fact]
    public void Q3_one_SGD_step_with_weight_decay_is_the_shrink_then_step_closed_form()
    {
        var w = new Parameter("W", Tensor.From([2.0, -1.0, 0.5], 3));
        w.Grad = Tensor.From([0.3, 0.2, -0.1], 3);
        double eta = 0.1, lambda = 0.5;
        var expected = w.Value.ToArray().Zip(w.Grad.ToArray(), (v, g) => (1 - eta * lambda) * v - eta * g).ToArray();

        Penalties.AddL2Gradient([w], lambda);
        new Sgd<double>(eta).Step([w]);

        w.Value.ToArray().Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-15);
        Key.Marked("D2-Q3").Should().Be("W ← (1 − ηλ) W − η ∂L/∂W");
    }

    [Fact]
    public void Q9_a_bootstrap_sample_holds_about_63_2_percent_distinct_items()
    {
        const int n = 10_000;
        double limit = 1 - Math.Pow(1 - 1.0 / n, n);
        double measured = Ensemble.Bootstrap(n, new Rng(9)).Distinct().Count() / (double)n;

        measured.Should().BeApproximately(limit, 0.01);
        Key.Marked("D2-Q9").Should().Be($"約 {F(100 * limit, 1)}%");
        Key.Question("D2-Q9").Options.Select(o => o.Text).Should().Contain($"約 {F(100 * Math.Exp(-1), 1)}%", "the share left out is a distractor")
            .And.Contain($"約 {F(100 * (1 - Math.Exp(-2)), 1)}%", "drawing 2N times is a distractor");
    }

    private static (int Call, int BestEpoch) StopTrace(double minDelta, double[] losses)
    {
        var stopper = new EarlyStopping(patience: 2, minDelta);
        var ps = new[] { new Parameter("W", Tensor.Zeros(1)) };
        for (int i = 0; i < losses.Length; i++)
            if (stopper.ShouldStop(losses[i], ps)) return (i + 1, stopper.BestEpoch);
        return (-1, stopper.BestEpoch);
    }

    [Fact]
    public void Q10_early_stopping_trace_with_and_without_min_delta()
    {
        double[] losses = [0.90, 0.70, 0.72, 0.69, 0.70, 0.71];
        var (call, best) = StopTrace(0.02, losses);
        (call, best).Should().Be((4, 1));
        Key.Marked("D2-Q10").Should().Be($"{call} 回目、BestEpoch = {best}");

        // Ignoring minDelta makes 0.69 an improvement: the run then stops on the 6th call with BestEpoch 3,
        // the distractor the explanation names.
        var (callNoDelta, bestNoDelta) = StopTrace(0.0, losses);
        (callNoDelta, bestNoDelta).Should().Be((6, 3));
        var distractor = $"{callNoDelta} 回目、BestEpoch = {bestNoDelta}";
        Key.Question("D2-Q10").Options.Should().Contain(o => o.Text == distractor && !o.Correct);
        Key.Question("D2-Q10").Explanation.Should().Contain($"「{distractor}」は");
    }

    [Fact]
    public void Q12_parameters_of_a_1000_to_1000_dense_layer()
    {
        var layer = new Affine<double>(1_000, 1_000, new Rng(0));
        int count = layer.Parameters.Sum(p => p.Value.Length);
        Key.Marked("D2-Q12").Should().Be(count.ToString("N0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q13_L1_penalty_and_subgradient()
    {
        var w = new Parameter("W", Tensor.From([1.0, -2.0, 3.0, 0.0], 4));
        double penalty = Penalties.L1([w], 0.1);
        Penalties.AddL1Gradient([w], 0.1);
        var grad = string.Join(", ", w.Grad.ToArray().Select(Signed));
        Key.Marked("D2-Q13").Should().Be($"{Signed(penalty)} と ({grad})");
    }

    [Fact]
    public void Q16_a_gaussian_prior_with_sigma_10_is_L2_with_lambda_0_01()
    {
        // −log N(w; 0, σ²) = w²/(2σ²) + const: compare the quadratic part with (λ/2)w² at two points.
        const double sigma = 10.0;
        static double NegLogPrior(double w, double s) => w * w / (2 * s * s) + Math.Log(Math.Sqrt(2 * Math.PI) * s);
        double lambda = 2 * (NegLogPrior(1.0, sigma) - NegLogPrior(0.0, sigma));
        var w = new Parameter("W", Tensor.From([3.0], 1));
        Penalties.L2([w], lambda).Should().BeApproximately(NegLogPrior(3.0, sigma) - NegLogPrior(0.0, sigma), 1e-12);
        Key.Marked("D2-Q16").Should().Be(lambda.ToString("0.###", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q17_one_weight_decay_step_on_a_single_weight()
    {
        var w = new Parameter("W", Tensor.From([2.0], 1));
        w.Grad = Tensor.From([1.0], 1);
        Penalties.AddL2Gradient([w], 0.5);
        new Sgd<double>(0.1).Step([w]);
        Key.Marked("D2-Q17").Should().Be(F(w.Value[0], 2));
    }

    [Fact]
    public void Q18_variance_of_an_average_of_correlated_errors()
    {
        const int m = 5;
        const double v = 1.0, c = 0.5;
        // Var((1/M) Σ e_i) = (1/M²) Σ_i Σ_j Cov(e_i, e_j)
        double sum = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                sum += i == j ? v : c;
        double variance = sum / (m * m);
        variance.Should().BeApproximately(c + (v - c) / m, 1e-12);
        Key.Marked("D2-Q18").Should().Be(variance.ToString("0.##", CultureInfo.InvariantCulture));
    }
}
