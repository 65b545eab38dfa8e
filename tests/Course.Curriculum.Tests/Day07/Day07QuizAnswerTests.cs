using System.Globalization;
using Course.Engine;
using Course.Engine.Layers;
using Course.Model.Quizzes;
using Tensor = Course.Engine.Tensor<double>;

using static Course.Curriculum.Tests.QuizKey;

namespace Course.Curriculum.Tests.Day07;

/// <summary>Every 計算 answer of the Day 7 quiz (and the code items with a computable answer), recomputed from the
/// engine or plain C# and compared with the option marked correct in quiz.md.</summary>
public class Day07QuizAnswerTests
{
    private static readonly QuizKey Key = new("day07-rnn-methods");

    private static string N0(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static long Count(IEnumerable<Parameter<double>> ps) => ps.Sum(p => (long)p.Value.Length);

    [Fact]
    public void The_quiz_parses_without_errors() => Key.Quiz.Errors.Should().BeEmpty();

    [Fact]
    public void Q1_parameters_of_an_lstm_layer()
    {
        long lstm = Count(new LstmCell<double>(10, 20, new Rng(0)).Parameters);
        Key.Marked("D7-Q1").Should().Be(N0(lstm));
        Key.Options("D7-Q1").Should().Contain(N0(lstm / 4)).And.Contain(N0(lstm / 4 * 3)).And.Contain(N0(lstm + 4 * 20), "PyTorch's second bias");
    }

    [Fact]
    public void Q5_attention_weights_of_scores_2_1_0()
    {
        var (w, _) = Day07Runs.AttentionExample();
        Key.Marked("D7-Q5").Should().Be($"({F(w[0], 3)}, {F(w[1], 3)}, {F(w[2], 3)})");
        Key.Options("D7-Q5").Should().Contain($"({F(2.0 / 3, 3)}, {F(1.0 / 3, 3)}, {F(0, 3)})", "the scores divided by their sum");
    }

    [Fact]
    public void Q10_parameters_of_a_gru_layer()
    {
        long gru = Count(new GruCell<double>(10, 20, new Rng(0)).Parameters);
        Key.Marked("D7-Q10").Should().Be(N0(gru));
        Key.Options("D7-Q10").Should().Contain(N0(gru - 3 * 20), "one bias set").And.Contain(N0(Count(new LstmCell<double>(10, 20, new Rng(0)).Parameters)));
    }

    private static double LstmH(double i, double f, double o, double g, double c)
    {
        // x = 0 and h = 0, so the pre-activations are the bias blocks: logit(i), logit(f), atanh(g), logit(o)
        static double Logit(double p) => Math.Log(p / (1 - p));
        var b = Tensor.From([Logit(i), Logit(f), Math.Atanh(g), Logit(o)], 4);
        var cell = new LstmCell<double>(Tensor.Zeros(4, 1), Tensor.Zeros(4, 1), b);
        return cell.Forward(Tensor.Zeros(1, 1), Tensor.Zeros(1, 1), Tensor.From([c], 1, 1)).H.ToArray()[0];
    }

    [Fact]
    public void Q11_lstm_hidden_state_from_given_gates()
    {
        double h = LstmH(0.8, 0.5, 0.5, 0.5, 2.0);
        h.Should().BeApproximately(0.5 * Math.Tanh(1.4), 1e-12);
        Key.Marked("D7-Q11").Should().Be(F(h, 3));
        Key.Options("D7-Q11").Should().Contain(F(0.5 * 1.4, 3), "tanh forgotten").And.Contain(F(1.4, 3), "the cell state")
            .And.Contain(F(0.5 * Math.Tanh(0.5 * 2.0), 3), "input gate term forgotten");
    }

    [Fact]
    public void Q12_positional_encoding_dot_product()
    {
        var pe = Day07Runs.PositionalEncoding(6, 2);
        double dot = Day07Runs.Dot(pe, 3, 5);
        dot.Should().BeApproximately(Day07Runs.Dot(pe, 0, 2), 1e-12);
        Key.Marked("D7-Q12").Should().Be(F(dot, 3).Replace("-", "−"));
        Key.Options("D7-Q12").Should().Contain(F(Math.Sin(2), 3)).And.Contain(F(Math.Cos(8), 3).Replace("-", "−")).And.Contain(F(Day07Runs.Dot(pe, 3, 3), 3));
    }

    [Fact]
    public void Q13_small_ridge_regression()
    {
        Key.Marked("D7-Q13").Should().Be(F(Day07Runs.SmallRidge(1.0), 3));
        Key.Options("D7-Q13").Should().Contain(F(Day07Runs.SmallRidge(0.0), 3)).And.Contain(F(Day07Runs.SmallRidge(2.0), 3));
    }

    [Fact]
    public void Q14_parameters_of_torch_nn_LSTM()
    {
        long textbook = Count(new LstmCell<double>(10, 20, new Rng(0)).Parameters);
        Key.Marked("D7-Q14").Should().Be(N0(textbook + 4 * 20), "PyTorch adds bias_hh of size 4H");
        Key.Options("D7-Q14").Should().Contain(N0(textbook)).And.Contain(N0(Count(new GruCell<double>(10, 20, new Rng(0)).Parameters)))
            .And.Contain(N0(Count(new RnnCell<double>(10, 20, new Rng(0)).Parameters) + 20));
    }

    [Fact]
    public void Q15_teacher_forcing_shifts_right()
    {
        const int sos = -1, eos = -2;
        int[] target = [4, 1, 3, eos];
        int[] decoderInput = [sos, .. target[..^1]];
        decoderInput.Should().Equal(sos, 4, 1, 3);
        Key.Marked("D7-Q15").Should().Contain("target[:, :-1]").And.Contain("sos");
    }
}
