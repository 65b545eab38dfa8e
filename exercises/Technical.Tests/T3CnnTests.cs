namespace Course.Technical.Tests;

public class T3CnnTests
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

    [Fact]
    [Trait("Exercise", "T3.conv1d")]
    public void Conv1d_kernel_3_stride_2_pad_1_on_length_7_gives_length_4()
    {
        var conv = new Conv1d(Tensor.Ones(2, 1, 3), Tensor.From([0.0, 1.0], 2), stride: 2, pad: 1);
        var y = conv.Forward(Tensor.Ones(1, 1, 7));
        y.Shape.ToArray().Should().Equal([1, 2, 4]);
        y[0, 0, 0].Should().BeApproximately(2.0, 1e-12, "the first window has one padded zero");
        y[0, 1, 1].Should().BeApproximately(4.0, 1e-12, "a full window sums three ones, plus b = 1");
    }

    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_takes_each_channel_maximum()
    {
        var x = Tensor.From([1.0, 5.0, -2.0, 3.0, -1.0, -4.0, -3.0, -0.5], 1, 2, 2, 2);
        var y = new GlobalMaxPooling().Forward(x);
        TensorAssert.Close(y, Tensor.From([5.0, -0.5], 1, 2), 0, "one maximum per (n, c)");
    }
}
