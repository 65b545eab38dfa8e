namespace Course.Technical.Tests;

public class T3GlobalMaxPoolTests
{
    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_takes_each_channel_maximum()
    {
        var x = Tensor.From([1.0, 5.0, -2.0, 3.0, -1.0, -4.0, -3.0, -0.5], 1, 2, 2, 2);
        var y = new GlobalMaxPooling().Forward(x);
        TensorAssert.Close(y, Tensor.From([5.0, -0.5], 1, 2), 0, "one maximum per (n, c)");
    }
}
