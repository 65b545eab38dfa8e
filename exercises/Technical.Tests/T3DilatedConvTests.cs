namespace Course.Technical.Tests;

public class T3DilatedConvTests
{
    [Fact]
    [Trait("Exercise", "T3.dilated-conv")]
    public void Dilated_conv_3x3_with_dilation_2_on_7x7_with_pad_1_gives_5x5_and_sums_the_spread_taps()
    {
        var conv = new DilatedConv2d(Tensor.Ones(1, 1, 3, 3), Tensor.Zeros(1), dilation: 2, pad: 1);
        var y = conv.Forward(Tensor.Ones(1, 1, 7, 7));
        y.Shape.ToArray().Should().Equal([1, 1, 5, 5], "the kernel covers (3 − 1)·2 + 1 = 5 pixels, so 7 + 2 − 5 + 1 = 5");
        y[0, 0, 2, 2].Should().BeApproximately(9.0, 1e-12, "an interior output sees all 9 taps on ones");
    }
}
