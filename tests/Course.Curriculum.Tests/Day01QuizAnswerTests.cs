using System.Globalization;
using Course.Day01;
using Course.Engine;
using Course.Engine.Data;
using Course.Model.Quizzes;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests;

/// <summary>
/// Each 計算 answer of the Day-1 quiz (and the code items with a computable answer) is recomputed here from the reference
/// solutions and the engine rather than trusted from the text, so a changed number in quiz.md (or a typo in an option)
/// fails with the question's id.
/// </summary>
public sealed class Day01QuizAnswerTests
{
    private static readonly QuizKey Key = new("day01-mlp-backprop");

    /// <summary>The quiz writes negative numbers with the typographic minus (−).</summary>
    private static string Signed(double v, int digits) => F(v, digits).Replace("-", "−");

    [Fact]
    public void Q1_pre_activation_of_the_first_layer()
    {
        var (a1, z1, _, _) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));
        Key.Marked("D1-Q1").Should().Be("[" + string.Join(", ", a1.ToArray().Select(v => F(v, 1))) + "]");
        Key.Option("D1-Q1", 'C').Should().Be("[" + string.Join(", ", z1.ToArray().Select(v => F(v, 3))) + "]", "C is z1 = σ(a1)");
    }

    [Fact]
    public void Q2_row_vector_times_3x2_matrix_is_undefined()
    {
        var m = Tensor.From(new[,] { { 1.0, 3.0 }, { 5.0, 7.0 }, { 9.0, 11.0 } });
        var row = Tensor.From(new[,] { { 11.0, 22.0 } });
        var act = () => Ops.MatMul(row, m);
        act.Should().Throw<ArgumentException>("(1×2)·(3×2): the inner dimensions 2 and 3 differ");
        Key.Marked("D1-Q2").Should().Contain("定義されない");

        var column = Ops.MatMul(m, Tensor.From(new[,] { { 11.0 }, { 22.0 } }));   // M·(11, 22)ᵀ, the slide's first product
        Key.Option("D1-Q2", 'A').Should().Be("(" + string.Join(" ", column.ToArray().Select(v => F(v, 0))) + ")");
    }

    [Fact]
    public void Q5_cross_entropy_of_probability_0_6()
    {
        double loss = Losses.CrossEntropy(Tensor.From([0.1, 0.6, 0.3]), [1]);
        Key.Marked("D1-Q5").Should().Be(F(loss, 2));
        Key.Option("D1-Q5", 'A').Should().Be(F(-Math.Log10(0.6), 2), "A is the common logarithm");
        Key.Option("D1-Q5", 'D').Should().Be(F(-Math.Log2(0.6), 2), "D is the binary logarithm");
    }

    [Fact]
    public void Q6_parameter_count_of_784_50_100_10()
    {
        int[] sizes = [784, 50, 100, 10];
        int count = Enumerable.Range(0, sizes.Length - 1).Sum(i => (sizes[i] + 1) * sizes[i + 1]);
        Key.Marked("D1-Q6").Should().Be(count.ToString("N0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Q12_updates_over_30_epochs_with_a_partial_last_batch()
    {
        var (train, _) = Digits.Load();
        train.Count.Should().Be(1437, "the question quotes the training split's size");
        int perEpoch = train.Batches(32, new Rng(1)).Count();
        Key.Marked("D1-Q12").Should().Be((perEpoch * 30).ToString("N0", CultureInfo.InvariantCulture));
        Key.Option("D1-Q12", 'B').Should().Be((1437 / 32 * 30).ToString("N0", CultureInfo.InvariantCulture), "B drops the partial batch");
    }

    [Fact]
    public void Q14_first_output_of_the_2_3_2_2_network()
    {
        var (_, _, z2, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));
        F(z2[0], 3).Should().Be("0.626");
        F(z2[1], 3).Should().Be("0.771");
        Key.Marked("D1-Q14").Should().Be(F(y[0], 3));
        Key.Option("D1-Q14", 'D').Should().Be(F(y[1], 3), "D is the second output");
        Key.Option("D1-Q14", 'C').Should().Be(F(Activations.Sigmoid(y)[0], 3), "C applies a sigmoid to the identity output");
    }

    [Fact]
    public void Q15_numpy_softmax_of_large_logits_prints_the_same_as_softmax_of_1_2_3()
    {
        var p = Losses.Softmax(Tensor.From([1000.0, 1001.0, 1002.0]));
        // np.round(y, 4) prints 0.09 for 0.0900 (trailing zeros dropped).
        string numpy = "[[" + string.Join(" ", p.ToArray().Select(v => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture))) + "]]";
        Key.Marked("D1-Q15").Should().Be(numpy);
    }

    [Fact]
    public void Q16_dL_dx_through_the_computational_graph()
    {
        var affine = new AffineLayer(Tensor.From(new[,] { { 2.0 } }), Tensor.From([-1.0]));
        var sigmoid = new SigmoidLayer();
        double y = sigmoid.Forward(affine.Forward(Tensor.From(new[,] { { 1.0 } })))[0, 0];
        var dA = sigmoid.Backward(Tensor.From(new[,] { { -1.0 / y } }));   // L = −ln y, t = 1
        var dX = affine.Backward(dA);

        Key.Marked("D1-Q16").Should().Be(Signed(dX[0, 0], 4));
        Key.Option("D1-Q16", 'A').Should().Be(Signed(affine.W.Grad[0, 0], 4), "A is ∂L/∂w");
        Key.Option("D1-Q16", 'B').Should().Be(Signed(-y * (1 - y) * 2.0, 4), "B forgets the −1/y of the −ln node");
        Key.Option("D1-Q16", 'D').Should().Be(Signed(-dX[0, 0], 4), "D has the wrong sign");
    }
}
