using Course.Engine;
using Course.Engine.Layers;
using Course.Engine.Optimizers;

namespace Course.Certification.Tests;

/// <summary>Day 6 (RNN basics): the engine's RnnCell forward and backward, perplexity and global-norm clipping.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day06Numbers() => new()
    {
        ["D6-Q101"] = () => ParameterCount(new RnnCell<double>(32, 64, new Rng(0)).Parameters),
        ["D6-Q102"] = () => RnnSecondState(),
        ["D6-Q103"] = () => RnnHiddenGradient(),
        ["D6-Q104"] = () => Math.Pow(0.8, 10),
        ["D6-Q105"] = () => Math.Exp(new[] { 0.5, 0.25, 0.5, 0.125 }.Average(p => -Math.Log(p))),
        ["D6-Q106"] = () => ClippedLastElement(),
    };

    private static Tensor<double> Scalar2D(double v) => Tensor<double>.From([v], 1, 1);

    private static double RnnSecondState()
    {
        var cell = new RnnCell<double>(Scalar2D(1.0), Scalar2D(0.5), Tensor<double>.From([0.0], 1));
        var h1 = cell.Forward(Scalar2D(1.0), Scalar2D(0.0));
        return cell.Forward(Scalar2D(0.0), h1).Span[0];
    }

    private static double RnnHiddenGradient()
    {
        var cell = new RnnCell<double>(Scalar2D(Math.Atanh(0.6)), Scalar2D(0.5), Tensor<double>.From([0.0], 1));
        cell.ZeroGrad();
        var h = cell.Forward(Scalar2D(1.0), Scalar2D(0.0));
        h.Span[0].Should().BeApproximately(0.6, 1e-12);
        return cell.Backward(Scalar2D(1.0)).DHPrev.Span[0];
    }

    private static double ClippedLastElement()
    {
        var g1 = new Parameter<double>("g1", Tensor<double>.Zeros(2)) { Grad = Tensor<double>.From([2.0, 0], 2) };
        var g2 = new Parameter<double>("g2", Tensor<double>.Zeros(3)) { Grad = Tensor<double>.From([0.0, 1, 2], 3) };
        GradientClipping.ClipByGlobalNorm([g1, g2], 1.5).Should().BeApproximately(3.0, 1e-12);
        return g2.Grad.Span[2];
    }
}
