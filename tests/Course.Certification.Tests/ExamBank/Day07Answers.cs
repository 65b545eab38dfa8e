using Course.Engine;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 7 (RNN methods): the engine's GRU and LSTM cells, scaled dot-product attention and self-attention sizes.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day07Numbers() => new()
    {
        ["D7-Q101"] = () => ParameterCount(new GruCell<double>(16, 32, new Rng(0)).Parameters),
        ["D7-Q102"] = () => LstmOutput(),
        ["D7-Q103"] = () => GruOutput(),
        ["D7-Q104"] = () => AttentionWeightOnFirstKey(),
        ["D7-Q105"] = () => 8 * ParameterCount(new SelfAttention<double>(512, 64, new Rng(0)).Parameters) + 512 * 512,
    };

    [Fact]
    public void The_LSTM_input_weight_stacks_four_gates()
    {
        var lstm = new LstmCell<double>(10, 20, new Rng(0));

        lstm.Wx.Value.ShapeArray.Should().Equal(80, 10);
        Questions["D7-Q106"].Answer.Text.Should().Be("(80, 10)");
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>Zero weights, so the gates are the sigmoids/tanh of the biases: i 0.5, f 0.8, g 0.6, o 0.5 (order i, f, g, o).</summary>
    private static double LstmOutput()
    {
        var b = Tensor<double>.From([Logit(0.5), Logit(0.8), Math.Atanh(0.6), Logit(0.5)], 4);
        var cell = new LstmCell<double>(Tensor<double>.Zeros(4, 1), Tensor<double>.Zeros(4, 1), b);
        var (h, c) = cell.Forward(Scalar2D(0.0), Scalar2D(0.0), Scalar2D(2.0));
        c.Span[0].Should().BeApproximately(1.9, 1e-12);
        return h.Span[0];
    }

    /// <summary>Zero weights, biases giving z = 0.25 and n = 0.8 (order r, z, n), previous state −0.4.</summary>
    private static double GruOutput()
    {
        var bx = Tensor<double>.From([0.0, Logit(0.25), Math.Atanh(0.8)], 3);
        var cell = new GruCell<double>(Tensor<double>.Zeros(3, 1), Tensor<double>.Zeros(3, 1), bx, Tensor<double>.Zeros(3));
        return cell.Forward(Scalar2D(0.0), Scalar2D(-0.4)).Span[0];
    }

    private static double AttentionWeightOnFirstKey()
    {
        var attention = new ScaledDotProductAttention<double>();
        attention.Forward(Tensor<double>.From([1.0, 1, 1, 1], 1, 1, 4), Tensor<double>.From([1.0, 1, 1, 1, 1, -1, 1, -1], 1, 2, 4),
            Tensor<double>.From([1.0, 0], 1, 2, 1));
        return attention.Weights!.Span[0];
    }
}
