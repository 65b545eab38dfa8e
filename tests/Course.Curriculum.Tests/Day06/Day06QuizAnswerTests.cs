using Course.Model.Quizzes;
using System.Globalization;
using System.Text.RegularExpressions;
using Course.Engine;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Tensor = Course.Engine.Tensor<double>;
using Parameter = Course.Engine.Parameter<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day06;

/// <summary>Every 計算 answer of the Day 6 quiz (and the code items with a computable answer), recomputed from the
/// engine or plain C# and compared with the option marked correct in quiz.md.</summary>
public class Day06QuizAnswerTests
{
    private static readonly QuizKey Key = new("day06-rnn-basics");

    private static long Count(IEnumerable<Parameter> ps) => ps.Sum(p => (long)p.Value.Length);

    [Fact]
    public void Q1_parameters_of_a_simple_rnn_layer()
    {
        var cell = new RnnCell<double>(10, 20, new Rng(0));
        Key.Marked("D6-Q1").Should().Be(Count(cell.Parameters).ToString(CultureInfo.InvariantCulture));
        Key.Options("D6-Q1").Should().Contain((Count(cell.Parameters) - 20).ToString(CultureInfo.InvariantCulture), "the forgot-the-bias distractor");
    }

    [Fact]
    public void Q2_perplexity_of_mean_cross_entropy_2() =>
        Key.Marked("D6-Q2").Should().Be(F(Math.Exp(2.0), 2));

    [Fact]
    public void Q3_clipping_3_4_by_global_norm_1()
    {
        var p = new Parameter("g", Tensor.From([3.0, 4.0], 2)) { Grad = Tensor.From([3.0, 4.0], 2) };
        double norm = GradientClipping.ClipByGlobalNorm([p], 1.0);
        norm.Should().Be(5.0);
        var g = p.Grad.ToArray();
        Key.Marked("D6-Q3").Should().Be($"({g[0].ToString("0.0", CultureInfo.InvariantCulture)}, {g[1].ToString("0.0", CultureInfo.InvariantCulture)})");
    }

    private static double ScalarRnn(double x1, double x2, bool tanhOnH1 = true)
    {
        var cell = new RnnCell<double>(Tensor.From([0.5], 1, 1), Tensor.From([0.8], 1, 1), Tensor.Zeros(1));
        var h1 = cell.Forward(Tensor.From([x1], 1, 1), Tensor.Zeros(1, 1));
        if (!tanhOnH1) h1 = Tensor.From([0.5 * x1], 1, 1);
        return cell.Forward(Tensor.From([x2], 1, 1), h1).ToArray()[0];
    }

    [Fact]
    public void Q4_two_steps_of_a_scalar_rnn()
    {
        Key.Marked("D6-Q4").Should().Be(F(ScalarRnn(1, 1), 3));
        Key.Options("D6-Q4").Should().Contain(F(Math.Tanh(0.5), 3)).And.Contain(F(ScalarRnn(1, 1, tanhOnH1: false), 3))
            .And.Contain(F(0.5 + 0.8 * Math.Tanh(0.5), 3));
    }

    [Fact]
    public void Q5_gradient_bound_over_ten_steps()
    {
        // zero input keeps h = 0 and tanh' = 1: each engine cell multiplies the gradient by Wh = 0.5 exactly (the bound)
        var wh = Tensor.From([0.5], 1, 1);
        var cells = Enumerable.Range(0, 10).Select(_ => new RnnCell<double>(Tensor.From([1.0], 1, 1), wh, Tensor.Zeros(1))).ToArray();
        var h = Tensor.Zeros(1, 1);
        foreach (var c in cells) h = c.Forward(Tensor.Zeros(1, 1), h);
        var dh = Tensor.From([1.0], 1, 1);
        for (int t = cells.Length - 1; t >= 0; t--) (_, dh) = cells[t].Backward(dh);
        double factor = Math.Abs(dh.ToArray()[0]);

        factor.Should().BeApproximately(Math.Pow(0.5, 10), 1e-15);
        string Sci(double v) { int e = (int)Math.Floor(Math.Log10(v)); return $"{(v / Math.Pow(10, e)).ToString("0.0", CultureInfo.InvariantCulture)} × 10{Superscript(e)}"; }
        Key.Marked("D6-Q5").Should().Be(Sci(factor));
        Key.Options("D6-Q5").Should().Contain(Sci(Math.Pow(0.25, 10)), "the sigmoid-derivative distractor");
    }

    private static string Superscript(int e) =>
        string.Concat(e.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']));

    [Fact]
    public void Q6_perplexity_of_four_predictions()
    {
        // the engine's time loss on scores log p: softmax over two classes (p, 1 − p) gives exactly −ln p per position
        double[] p = [0.5, 0.25, 0.5, 0.125];
        var scores = Tensor.From([.. p.SelectMany(q => new[] { Math.Log(q), Math.Log(1 - q) })], 1, 4, 2);
        double ce = new TimeSoftmaxWithLoss<double>().Forward(scores, new int[1, 4]);
        Key.Marked("D6-Q6").Should().Be(F(Math.Exp(ce), 2));
        Key.Options("D6-Q6").Should().Contain(F(p.Average(q => 1 / q), 2)).And.Contain(F(1 / p.Average(), 2));
    }

    [Fact]
    public void Q7_time_loss_ignores_the_padded_position()
    {
        double[,] ce = { { 0.2, 0.4, 0.6 }, { 0.8, 1.0, 2.0 } };
        var scores = Tensor.Zeros(2, 3, 2);
        var labels = new int[2, 3];
        for (int n = 0; n < 2; n++)
            for (int t = 0; t < 3; t++)
            {
                double q = Math.Exp(-ce[n, t]);
                scores[n, t, 0] = Math.Log(q);
                scores[n, t, 1] = Math.Log(1 - q);
            }
        labels[1, 2] = -1;
        double loss = new TimeSoftmaxWithLoss<double>(ignoreIndex: -1).Forward(scores, labels);
        double all = new TimeSoftmaxWithLoss<double>(ignoreIndex: -1).Forward(scores, new int[2, 3]);

        Key.Marked("D6-Q7").Should().Be(F(loss, 3));
        Key.Options("D6-Q7").Should().Contain(F(all, 3), "including the padding").And.Contain(F(loss * 5 / 2, 3), "divided by N only").And.Contain(F(loss * 5 / 6, 3));
    }

    [Fact]
    public void Q13_parameters_of_torch_nn_RNN()
    {
        long textbook = Count(new RnnCell<double>(10, 20, new Rng(0)).Parameters);
        Key.Marked("D6-Q13").Should().Be((textbook + 20).ToString(CultureInfo.InvariantCulture), "PyTorch adds a second bias vector bias_hh of size H");
    }

    [Fact]
    public void Q14_fancy_index_add_keeps_only_the_last_copy()
    {
        int[] idx = [0, 2, 0];
        double[][] dout = [[1, 1], [2, 2], [3, 3]];
        // NumPy's dW[idx] += dout: read dW[idx] once, add, then write back in order (the last write to a repeated index wins)
        var dW = new double[3][];
        for (int r = 0; r < 3; r++) dW[r] = [0, 0];
        var read = idx.Select(i => dW[i].ToArray()).ToArray();
        for (int k = 0; k < idx.Length; k++) dW[idx[k]] = [read[k][0] + dout[k][0], read[k][1] + dout[k][1]];
        string Row(double[] r) => $"[{string.Join(", ", r.Select(v => v.ToString("0", CultureInfo.InvariantCulture) + "."))}]";
        Key.Marked("D6-Q14").Should().Be(Row(dW[0]));

        // the engine's Embedding scatter-adds (np.add.at): the distractor that is the correct gradient
        var emb = new Embedding<double>(Tensor.Zeros(3, 2));
        emb.Forward(idx);
        emb.Backward(Tensor.From([.. dout.SelectMany(r => r)], 3, 2));
        Key.Options("D6-Q14").Should().Contain(Row(emb.W.Grad.Row(0).ToArray()));
    }
}
