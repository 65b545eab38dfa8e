using System.Numerics;
using Course.Engine.Kernels;

namespace Course.Engine.Tests.Kernels;

/// <summary>The fused σ and tanh backward kernels against the formulas written as naive loops, on awkward lengths.</summary>
public class ActivationKernelTests
{
    public static TheoryData<int> Lengths => [0, 1, 7, 8, 15, 16, 17, 31, 33, 100, 1023];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sigmoid_backward_is_bit_for_bit_the_formula(int length)
    {
        var (y, dOut) = Inputs<float>(length, 1);
        var dx = new float[length];
        Activations.SigmoidBackward<float>(y, dOut, dx);
        for (int i = 0; i < length; i++) dx[i].Should().Be((1f - y[i]) * y[i] * dOut[i], $"element {i} of {length}");

        var (yd, dOutD) = Inputs<double>(length, 2);
        var dxd = new double[length];
        Activations.SigmoidBackward<double>(yd, dOutD, dxd);
        for (int i = 0; i < length; i++) dxd[i].Should().Be((1.0 - yd[i]) * yd[i] * dOutD[i], $"element {i} of {length}");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Tanh_backward_is_bit_for_bit_the_formula_and_may_write_in_place(int length)
    {
        var (y, dOut) = Inputs<float>(length, 3);
        var expected = new float[length];
        for (int i = 0; i < length; i++) expected[i] = (1f - y[i] * y[i]) * dOut[i];
        Activations.TanhBackward<float>(y, dOut, dOut);   // the destination may be an input
        dOut.Should().Equal(expected);

        var (yd, dOutD) = Inputs<double>(length, 4);
        var dxd = new double[length];
        Activations.TanhBackward<double>(yd, dOutD, dxd);
        for (int i = 0; i < length; i++) dxd[i].Should().Be((1.0 - yd[i] * yd[i]) * dOutD[i], $"element {i} of {length}");
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var act = () => Activations.SigmoidBackward<float>(new float[3], new float[4], new float[3]);
        act.Should().Throw<ArgumentException>().WithMessage("Elementwise: lengths 3, 4, 3 differ.");
    }

    private static (T[] Y, T[] DOut) Inputs<T>(int length, int seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(seed);
        var y = new T[length];
        var dOut = new T[length];
        for (int i = 0; i < length; i++)
        {
            y[i] = T.CreateChecked(rng.NextDouble() * 2 - 1);
            dOut[i] = T.CreateChecked(rng.NextDouble() * 4 - 2);
        }
        return (y, dOut);
    }
}
