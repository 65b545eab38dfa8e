using Course.Engine;
using Course.Engine.Generative;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 8 (generative models): the engine's KL to N(0, I), reparameterisation, BCE on logits and transposed convolution.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day08Numbers() => new()
    {
        ["D8-Q101"] = () => KlDivergence.ToStandardNormal(Tensor<double>.From([0.5, -1.0], 1, 2), Tensor<double>.From([0.0, Math.Log(2)], 1, 2)),
        ["D8-Q102"] = () => Reparameterization.Sample(Tensor<double>.From([1.0], 1, 1), Tensor<double>.From([Math.Log(4)], 1, 1),
            Tensor<double>.From([-0.5], 1, 1)).Span[0],
        ["D8-Q103"] = () => DiscriminatorLoss(),
        ["D8-Q104"] = () => NonSaturatingGradient(),
        ["D8-Q105"] = () => new ConvTranspose2d<double>(1, 1, 3, new Rng(0), stride: 2, pad: 1).OutputSize(7),
        ["D8-Q106"] = () => 0.3 / (0.3 + 0.1),
    };

    /// <summary>One real (label 1) and one fake (label 0) logit, summed: −[ln D(x) + ln(1 − D(G(z)))].</summary>
    private static double DiscriminatorLoss() =>
        new BinaryCrossEntropyWithLogits<double>(BceReduction.SumOverBatch)
            .Forward(Tensor<double>.From([Logit(0.8), Logit(0.4)], 1, 2), Tensor<double>.From([1.0, 0.0], 1, 2));

    /// <summary>−ln σ(a) is BCE with target 1; its logit gradient is σ(a) − 1.</summary>
    private static double NonSaturatingGradient()
    {
        var bce = new BinaryCrossEntropyWithLogits<double>(BceReduction.SumOverBatch);
        bce.Forward(Tensor<double>.From([Logit(0.1)], 1, 1), Tensor<double>.From([1.0], 1, 1));
        return bce.Backward().Span[0];
    }
}
