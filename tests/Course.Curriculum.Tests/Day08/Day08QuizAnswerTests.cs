using System.Globalization;
using Course.Day08;
using Course.Engine;
using Course.Model.Quizzes;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day08;

/// <summary>Every 計算 answer of the Day 8 quiz (and the code item with a computable answer), recomputed from the
/// reference solutions or plain C# and compared with the option marked correct in quiz.md.</summary>
public class Day08QuizAnswerTests
{
    private static readonly QuizKey Key = new("day08-generative");

    private static Tensor S(double v) => Tensor.From([v], 1, 1);

    [Fact]
    public void Quiz_has_the_checklist_counts()
    {
        Key.Quiz.Questions.Should().HaveCountGreaterThanOrEqualTo(12);
        Key.Quiz.Questions.Count(q => q.Id.StartsWith("D8-", StringComparison.Ordinal)).Should().Be(Key.Quiz.Questions.Count);
    }

    [Fact]
    public void Q2_kl_of_mean_1_variance_1()
    {
        double kl = Kl.ToStandardNormal(S(1), S(Math.Log(1)));
        Key.Marked("D8-Q2").Should().Be(F(kl, 1));
        Key.Options("D8-Q2").Should().Contain("−" + F(kl, 1), "the dropped-sign distractor").And.Contain(F(2 * kl, 1), "the forgot-½ distractor")
            .And.Contain(F(-0.5 * (1 + 1 - 1 - Math.E), 2), "σ in place of log σ²");
    }

    [Fact]
    public void Q4_optimal_discriminator()
    {
        // D* maximises p_data ln D + p_g ln(1 − D) pointwise: check the closed form against a fine grid
        double pData = 0.3, pG = 0.1;
        double best = Enumerable.Range(1, 9999).Select(i => i / 10000.0).MaxBy(d => pData * Math.Log(d) + pG * Math.Log(1 - d));
        double closed = pData / (pData + pG);
        best.Should().BeApproximately(closed, 1e-4);
        Key.Marked("D8-Q4").Should().Be(F(closed, 2));
        Key.Options("D8-Q4").Should().Contain(F(pG / (pData + pG), 2)).And.Contain(F(pData, 2));
    }

    [Fact]
    public void Q8_transposed_conv_output_height()
    {
        var layer = new TransposedConv2d(Tensor.Zeros(1, 1, 3, 3), null, 2, 1);
        var y = layer.Forward(Tensor.Zeros(1, 1, 7, 7));
        Key.Marked("D8-Q8").Should().Be(y.Dim(2).ToString(CultureInfo.InvariantCulture));
        Key.Options("D8-Q8").Should().Contain(((7 - 1) * 2 + 3).ToString(CultureInfo.InvariantCulture), "no padding cut")
            .And.Contain(((7 + 2 - 3) / 2 + 1).ToString(CultureInfo.InvariantCulture), "the convolution formula")
            .And.Contain((7 * 2).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q9_gradient_through_log_variance()
    {
        var logVar = S(Math.Log(0.25));
        var eps = S(1.2);
        var (_, dLogVar) = Reparameterization.Backward(S(2), logVar, eps);
        Key.Marked("D8-Q9").Should().Be(F(dLogVar.ToArray()[0], 1));
        Key.Options("D8-Q9").Should().Contain(F(2 * 1.2 * 0.5, 1), "ε·σ without ½").And.Contain(F(2 * 1.2, 1), "ε only");
    }

    [Fact]
    public void Q10_discriminator_loss_at_zero_logits()
    {
        double loss = GanLoss.Discriminator(Tensor.Zeros(8, 1), Tensor.Zeros(8, 1));
        Key.Marked("D8-Q10").Should().Be(F(loss, 3));
        Key.Options("D8-Q10").Should().Contain(F(loss / 2, 3), "one term only").And.Contain(F(-2 * Math.Log2(0.5), 3), "log base 2");
    }

    [Fact]
    public void Q11_non_saturating_gradient_at_logit_minus_10()
    {
        double g = GanLoss.GeneratorGradient(S(-10)).ToArray()[0];
        Key.Marked("D8-Q11").Should().Be(F(g, 1).Replace("-", "−", StringComparison.Ordinal));
        double saturating = -1 / (1 + Math.Exp(10));   // d/dℓ ln(1 − σ(ℓ)) = −σ(ℓ)
        Key.Options("D8-Q11").Should().Contain($"−{F(-saturating * 1e5, 1)} × 10⁻⁵");
    }

    [Fact]
    public void Q12_parameters_of_a_transposed_conv_layer()
    {
        var layer = new TransposedConv2d(Tensor.Zeros(32, 16, 4, 4), Tensor.Zeros(16), 2, 1);
        long count = layer.Parameters.Sum(p => (long)p.Value.Length);
        Key.Marked("D8-Q12").Should().Be(count.ToString("N0", CultureInfo.InvariantCulture));
        Key.Options("D8-Q12").Should().Contain((count - 16).ToString("N0", CultureInfo.InvariantCulture), "forgot the bias")
            .And.Contain((count - 16 + 32).ToString("N0", CultureInfo.InvariantCulture), "bias per input channel")
            .And.Contain((32 * 16 + 16).ToString(CultureInfo.InvariantCulture), "forgot the kernel size");
    }

    [Fact]
    public void Q15_only_the_max_log1p_form_is_finite_at_both_extremes()
    {
        // the four NumPy options written in C# doubles (IEEE 754, as NumPy's float64)
        double A(double l) => -Math.Log(1 / (1 + Math.Exp(-l)));
        double B(double l) => Math.Log(1 + Math.Exp(-l));
        double Cc(double l) => Math.Max(-l, 0) + Math.Log(1 + Math.Exp(-Math.Abs(l)));
        double D(double l) => -Math.Log(Math.Clamp(1 / (1 + Math.Exp(-l)), 0, 1));
        double[] logits = [-1000, 1000];
        // the engine's softplus-based generator loss −mean log σ(ℓ) on one logit is the reference value
        foreach (var l in logits) Cc(l).Should().Be(GanLoss.Generator(S(l)));
        double.IsFinite(A(-1000)).Should().BeFalse();
        double.IsFinite(B(-1000)).Should().BeFalse();
        double.IsFinite(D(-1000)).Should().BeFalse();
        D(1000).Should().Be(0);
        Key.Marked("D8-Q15").Should().Contain("np.log1p(np.exp(-np.abs(l)))");
    }
}
