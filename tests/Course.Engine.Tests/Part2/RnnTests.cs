using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class RnnTests
{
    [Fact]
    public void TimeRnn_gradients_match_over_five_and_ten_steps()
    {
        var rng = new Rng(80);
        var rnn = new TimeRnn<double>(3, 4, rng.Fork("init"));
        rnn.B.Value.CopyFrom(rng.Normal(0.3, 4));
        GradAssert.LayerGradientsMatch(rnn, rng.Normal(1.0, 2, 5, 3), rng.Fork("a"), tolerance: 1e-6);
        GradAssert.LayerGradientsMatch(rnn, rng.Normal(1.0, 2, 10, 3), rng.Fork("b"), tolerance: 1e-5);
    }

    [Fact]
    public void RnnCell_step_is_tanh_of_the_affine_sum_and_its_backward_matches_the_formula()
    {
        var rng = new Rng(81);
        var cell = new RnnCell<double>(3, 2, rng);
        var x = rng.Normal(1.0, 4, 3);
        var h = rng.Normal(1.0, 4, 2);
        var expected = Ops.Tanh(Ops.MatMul(x, cell.Wx.Value, transB: true) + Ops.MatMul(h, cell.Wh.Value, transB: true) + cell.B.Value);
        var hNext = cell.Forward(x, h);
        TensorAssert.Close(hNext, expected, 1e-15);

        var dH = rng.Normal(1.0, 4, 2);
        var (_, dHPrev) = cell.Backward(dH);
        TensorAssert.Close(dHPrev, Ops.MatMul(dH * (1.0 - hNext * hNext), cell.Wh.Value), 1e-15);
        cell.Parameters.Sum(p => p.Value.Length).Should().Be(3 * 2 + 2 * 2 + 2);
    }

    [Fact]
    public void TimeRnn_equals_its_cell_unrolled_and_stateful_chunks_equal_one_pass()
    {
        var rng = new Rng(82);
        var wx = rng.Normal(0.5, 3, 2);
        var wh = rng.Normal(0.5, 3, 3);
        var b = rng.Normal(0.5, 3);
        var x = rng.Normal(1.0, 2, 6, 2);
        var hs = new TimeRnn<double>(wx, wh, b).Forward(x);

        var cell = new RnnCell<double>(wx, wh, b);
        var h = Tensor<double>.Zeros(2, 3);
        for (int t = 0; t < 6; t++) h = cell.Forward(x.Slice(1, t, 1).Reshape(2, 2), h);
        TensorAssert.Close(hs.Slice(1, 5, 1).Reshape(2, 3), h, 1e-14);

        var stateful = new TimeRnn<double>(wx, wh, b, stateful: true);
        TensorAssert.Close(Ops.Concat(1, stateful.Forward(x.Slice(1, 0, 2)), stateful.Forward(x.Slice(1, 2, 4))), hs, 1e-12);
    }

    [Fact]
    public void Truncated_bptt_does_not_reach_into_the_previous_chunk()
    {
        var rng = new Rng(83);
        var rnn = new TimeRnn<double>(2, 3, rng, stateful: true);
        var x = rng.Normal(1.0, 2, 4, 2);
        rnn.Forward(x);
        var r = rng.Normal(1.0, 2, 4, 3);
        var carried = rnn.State!.Clone();
        // Gradient of the second chunk w.r.t. its parameters, holding the carried state fixed.
        double Loss()
        {
            rnn.State = carried;
            return NumericGradient.WeightedSum(rnn.Forward(x), r);
        }
        Loss();
        rnn.Backward(r);
        var analytic = rnn.Wh.Grad.Clone();
        NumericGradient.MaxRelativeError(analytic, NumericGradient.Of(Loss, rnn.Wh.Value)).Should().BeLessThan(1e-7);
    }
}
