namespace Course.Technical.Tests;

public class T4BirnnTests
{
    [Fact]
    [Trait("Exercise", "T4.birnn")]
    public void BiRnn_maps_N_T_D_to_N_T_2H_and_its_first_half_is_the_forward_rnn()
    {
        var rng = new Rng(1);
        var bi = new BiRnn(3, 4, rng);
        var x = rng.Normal(1.0, 2, 5, 3);
        var y = bi.Forward(x);
        y.Shape.ToArray().Should().Equal([2, 5, 8]);
        var forward = new TimeRnn<double>(bi.ForwardRnn.Wx.Value, bi.ForwardRnn.Wh.Value, bi.ForwardRnn.B.Value).Forward(x);
        y[1, 4, 3].Should().BeApproximately(forward[1, 4, 3], 1e-12);
    }
}
