namespace Course.Technical.Tests;

public class T3Conv1dTests
{
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
}
