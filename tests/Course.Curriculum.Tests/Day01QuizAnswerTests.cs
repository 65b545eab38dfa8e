using System.Globalization;
using Course.Model.Quizzes;

namespace Course.Curriculum.Tests;

/// <summary>
/// Each 計算 answer of the Day-1 quiz is recomputed here rather than trusted from the text, so a changed
/// number in quiz.md (or a typo in an option) fails with the question's id.
/// </summary>
public sealed class Day01QuizAnswerTests
{
    private static readonly QuizFile Quiz =
        QuizParser.ParseFile(Path.Combine(Repo.Root, "curriculum", "day01-mlp-backprop", "quiz.md"));

    private static string Answer(string id) => Quiz.Questions.Single(q => q.Id == id).Answer.Text;

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    [Fact]
    public void Q1_pre_activation_of_the_first_layer()
    {
        double[,] w1 = { { 0.1, 0.2 }, { 0.3, 0.4 }, { 0.5, 0.6 } };
        double[] x = [1.0, 0.5], b1 = [0.1, 0.2, 0.3];
        var a1 = Enumerable.Range(0, 3).Select(j => w1[j, 0] * x[0] + w1[j, 1] * x[1] + b1[j]).Select(v => F(v, 1));
        Answer("D1-Q1").Should().Be("[" + string.Join(", ", a1) + "]");
    }

    [Fact]
    public void Q5_cross_entropy_of_probability_0_6()
    {
        Answer("D1-Q5").Should().Be(F(-Math.Log(0.6), 2));
    }

    [Fact]
    public void Q6_parameter_count_of_784_50_100_10()
    {
        int[] sizes = [784, 50, 100, 10];
        int count = Enumerable.Range(0, sizes.Length - 1).Sum(i => (sizes[i] + 1) * sizes[i + 1]);
        Answer("D1-Q6").Should().Be(count.ToString("N0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q12_updates_over_30_epochs_with_a_partial_last_batch()
    {
        int updates = (1437 + 32 - 1) / 32 * 30;
        Answer("D1-Q12").Should().Be(updates.ToString("N0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q14_first_output_of_the_2_3_2_2_network()
    {
        double y0 = 0.1 * 0.626 + 0.2 * 0.771 + 0.1;
        Answer("D1-Q14").Should().Be(F(y0, 3));
    }
}
