using Course.Engine;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 1 (MLP and backpropagation): softmax, cross-entropy and parameter counts from the engine's layers.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day01Numbers() => new()
    {
        ["D1-Q101"] = () => SoftmaxOf([0.0, Math.Log(2), Math.Log(5)]).Span[2],
        // Four equal scores give the correct class 0.25.
        ["D1-Q102"] = () => new SoftmaxWithLoss<double>().Forward(Tensor<double>.Zeros(1, 4), [0]),
        ["D1-Q103"] = () => ParameterCount(new Affine<double>(100, 50, new Rng(0)).Parameters),
        ["D1-Q104"] = () => 1.5 * -2,   // a multiply node passes the upstream gradient times the other input
    };

    private static Dictionary<string, Func<double>> Day01CodeNumbers() => new()
    {
        // NumPy keeps W as (in, out); the engine's Affine wants (out, in), hence the transpose.
        ["D1-Q112"] = () => new Relu<double>().Forward(new Affine<double>(
                Tensor<double>.From([1.0, 0, -1, 0.5, 1, 2], 2, 3).Transpose(), Tensor<double>.From([0.0, -1, 0.5], 3))
            .Forward(Tensor<double>.From([1.0, 2, 3, -1], 2, 2))).Sum(),
    };

    [Fact]
    public void The_forward_pass_distractors_are_the_usual_mistakes()
    {
        var w = Tensor<double>.From([1.0, 0, -1, 0.5, 1, 2], 2, 3).Transpose();
        var x = Tensor<double>.From([1.0, 2, 3, -1], 2, 2);
        var affine = new Affine<double>(w, Tensor<double>.From([0.0, -1, 0.5], 3)).Forward(x);
        var noBias = new Affine<double>(w, Tensor<double>.Zeros(3)).Forward(x);

        affine.Sum().Should().BeApproximately(2.5, 1e-12, "without the ReLU");
        new Relu<double>().Forward(noBias).Sum().Should().BeApproximately(9.5, 1e-12, "without the bias");
        (new Relu<double>().Forward(noBias).Sum() + 2 * (0.0 - 1 + 0.5)).Should().BeApproximately(8.5, 1e-12, "bias added after the ReLU");
        Questions["D1-Q112"].Options.Select(o => o.Text).Should().Contain(["2.5", "9.5", "8.5"]);
    }

    private static Tensor<double> SoftmaxOf(double[] scores)
    {
        var loss = new SoftmaxWithLoss<double>();
        loss.Forward(Tensor<double>.From(scores, 1, scores.Length), [0]);
        return loss.Probabilities!;
    }
}
