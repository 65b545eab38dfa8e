using Course.Engine;
using Course.Engine.Layers;

namespace Course.Certification.Tests;

/// <summary>Day 4 (CNN basics): output sizes, parameter counts and values from the engine's Conv2d and BatchNorm.</summary>
public sealed partial class ExamBankAnswerTests
{
    private static Dictionary<string, Func<double>> Day04Numbers() => new()
    {
        ["D4-Q101"] = () => new Conv2d<double>(Tensor<double>.Zeros(1, 1, 5, 5), null, stride: 2, pad: 1)
            .Forward(Tensor<double>.Zeros(1, 1, 31, 31)).Dim(2),
        ["D4-Q102"] = () => ParameterCount(new Conv2d<double>(64, 128, 5, new Rng(0)).Parameters),
        ["D4-Q104"] = () => new Conv2d<double>(Tensor<double>.From([1.0, 2, 0, -1], 1, 1, 2, 2), Tensor<double>.From([1.0], 1))
            .Forward(Tensor<double>.From([2.0, 1, 0, 1, 3, 1, 0, 2, 4], 1, 1, 3, 3)).Span[0],
        ["D4-Q105"] = () => BatchNormOutputForEight(),
        ["D4-Q106"] = () => ReceptiveField([(5, 1), (2, 2), (3, 1)]),
    };

    private static Dictionary<string, Func<double>> Day04CodeNumbers() => new()
    {
        // nn.Conv2d(16, 32, 3, padding=1, bias=False) + nn.BatchNorm2d(32): parameters() holds the weights, γ and β only.
        ["D4-Q108"] = () => ParameterCount(new Conv2d<double>(16, 32, 3, new Rng(0), pad: 1, bias: false).Parameters)
                          + ParameterCount(new BatchNorm<double>(32).Parameters),
    };

    [Fact]
    public void The_im2col_shape_follows_from_the_engine_convolution()
    {
        var x = Tensor<double>.Zeros(4, 2, 6, 6);
        var y = new Conv2d<double>(Tensor<double>.Zeros(1, 2, 3, 3), null, stride: 1, pad: 1).Forward(x);
        var (rows, cols) = (x.Dim(0) * y.Dim(2) * y.Dim(3), x.Dim(1) * 3 * 3);   // one row per output position, one column per window element

        (rows, cols).Should().Be((144, 18));
        Questions["D4-Q103"].Answer.Text.Should().Be($"({rows}, {cols})");
    }

    private static double ParameterCount(IEnumerable<Parameter<double>> parameters) =>
        parameters.Sum(p => p.Value.Length);

    private static double BatchNormOutputForEight()
    {
        var bn = new BatchNorm<double>(1, epsilon: 1e-12);
        bn.Gamma.Value.Span[0] = 2;
        bn.Beta.Value.Span[0] = 1;
        return bn.Forward(Tensor<double>.From([2.0, 4, 6, 8], 4, 1), training: true).Span[3];
    }

    /// <summary>Receptive field of one output unit: each layer adds (k − 1) × the product of the earlier strides.</summary>
    private static double ReceptiveField(IEnumerable<(int Kernel, int Stride)> layers)
    {
        int field = 1, jump = 1;
        foreach (var (kernel, stride) in layers) { field += (kernel - 1) * jump; jump *= stride; }
        return field;
    }
}
