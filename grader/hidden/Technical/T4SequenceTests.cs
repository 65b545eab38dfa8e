// Kills: D10-M3 (BiRnn backward direction not re-reversed), causal mask leaks, steps past a length counted, and the
// stand-in's single unscaled attention head (self-consistent, so the gradient checks and the mask tests alone cannot tell).
namespace Course.Technical.Tests;

public class T4SequenceTests
{
    [Fact]
    [Trait("Exercise", "T4.birnn")]
    public void BiRnn_second_half_is_the_reversed_rnn_reversed_back()
    {
        var rng = new Rng(71);
        var bi = new BiRnn(3, 4, rng);
        var x = rng.Normal(1.0, 2, 5, 3);
        var y = bi.Forward(x);
        var back = new TimeRnn<double>(bi.BackwardRnn.Wx.Value.Clone(), bi.BackwardRnn.Wh.Value.Clone(), bi.BackwardRnn.B.Value.Clone());
        var reversed = Tensor.Zeros(2, 5, 3);
        for (int i = 0; i < 2; i++) for (int t = 0; t < 5; t++) for (int d = 0; d < 3; d++) reversed[i, 4 - t, d] = x[i, t, d];
        var hb = back.Forward(reversed);
        for (int i = 0; i < 2; i++) for (int t = 0; t < 5; t++) for (int h = 0; h < 4; h++)
            y[i, t, 4 + h].Should().BeApproximately(hb[i, 4 - t, h], 1e-12, "step t of the backward half describes position t");
    }

    [Fact]
    [Trait("Exercise", "T4.birnn")]
    public void BiRnn_backward_half_at_the_last_step_sees_only_the_last_input()
    {
        var rng = new Rng(72);
        var bi = new BiRnn(2, 3, rng);
        var x = rng.Normal(1.0, 1, 4, 2);
        var y1 = bi.Forward(x);
        var x2 = x.Clone();
        x2[0, 0, 0] += 1.0;
        var y2 = bi.Forward(x2);
        for (int h = 0; h < 3; h++) y2[0, 3, 3 + h].Should().Be(y1[0, 3, 3 + h], "the reversed RNN has read only x[T−1] at position T−1");
        y2[0, 3, 0].Should().NotBe(y1[0, 3, 0], "the forward RNN has read all of x at position T−1");
    }

    [Fact]
    [Trait("Exercise", "T4.birnn")]
    public void BiRnn_gradient_check()
    {
        var rng = new Rng(73);
        GradAssert.LayerGradientsMatch(new BiRnn(3, 3, rng), rng.Normal(1.0, 2, 4, 3), new Rng(74), 1e-5);
    }

    [Fact]
    [Trait("Exercise", "T4.birnn")]
    public void BiRnn_contract()
    {
        var rng = new Rng(75);
        LayerContract.BackwardLeavesDOutAndRepeats(new BiRnn(2, 3, rng), rng.Normal(1.0, 2, 3, 2), new Rng(76));
    }

    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Causal_attention_output_at_t_ignores_later_inputs()
    {
        var rng = new Rng(81);
        var attention = new MultiHeadSelfAttention(4, 2, causal: true, rng);
        var x = rng.Normal(1.0, 1, 4, 4);
        var y1 = attention.Forward(x);
        var x2 = x.Clone();
        for (int d = 0; d < 4; d++) x2[0, 3, d] += 1.0;
        var y2 = attention.Forward(x2);
        for (int t = 0; t < 3; t++) for (int d = 0; d < 4; d++) y2[0, t, d].Should().BeApproximately(y1[0, t, d], 1e-14, $"position {t} may not see position 3");
        y2[0, 3, 0].Should().NotBe(y1[0, 3, 0]);
    }

    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Non_causal_attention_output_at_0_sees_later_inputs()
    {
        var rng = new Rng(82);
        var attention = new MultiHeadSelfAttention(4, 2, causal: false, rng);
        var x = rng.Normal(1.0, 1, 3, 4);
        var y1 = attention.Forward(x);
        var x2 = x.Clone();
        x2[0, 2, 1] += 1.0;
        Math.Abs(attention.Forward(x2)[0, 0, 0] - y1[0, 0, 0]).Should().BeGreaterThan(1e-6);
    }

    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Two_heads_match_two_separate_single_head_attentions()
    {
        var rng = new Rng(83);
        var mh = new MultiHeadSelfAttention(4, 2, causal: false, rng);
        var x = rng.Normal(1.0, 1, 3, 4);
        var y = mh.Forward(x);
        // Per head: softmax(Q_h K_hᵀ/√2) V_h with Q = X Wqᵀ etc., then Y = concat · Woᵀ — written out directly.
        var flat = x.Reshape(3, 4);
        var (q, k, v) = (Ops.MatMul(flat, mh.Wq.Value, transB: true), Ops.MatMul(flat, mh.Wk.Value, transB: true), Ops.MatMul(flat, mh.Wv.Value, transB: true));
        var o = Tensor.Zeros(3, 4);
        for (int h = 0; h < 2; h++)
            for (int i = 0; i < 3; i++)
            {
                var s = Enumerable.Range(0, 3).Select(j => (q[i, 2 * h] * k[j, 2 * h] + q[i, 2 * h + 1] * k[j, 2 * h + 1]) / Math.Sqrt(2)).ToArray();
                var e = s.Select(z => Math.Exp(z - s.Max())).ToArray();
                for (int j = 0; j < 3; j++) for (int c = 0; c < 2; c++) o[i, 2 * h + c] += e[j] / e.Sum() * v[j, 2 * h + c];
            }
        TensorAssert.Close(y.Reshape(3, 4), Ops.MatMul(o, mh.Wo.Value, transB: true), 1e-12, 1e-12, "y");
    }

    [Theory]
    [Trait("Exercise", "T4.mhsa")]
    [InlineData(true)]
    [InlineData(false)]
    public void One_head_with_identity_weights_is_pinned(bool causal)
    {
        var attention = new MultiHeadSelfAttention(2, 1, causal, new Rng(88));
        foreach (var w in attention.Parameters) w.Value = Tensor.From([1.0, 0.0, 0.0, 1.0], 2, 2);
        // Q = K = V = X = [(1, 0), (0, 2)]: the scores are X Xᵀ/√2 = [[1, 0], [0, 4]]/√2.
        var y = attention.Forward(Tensor.From([1.0, 0.0, 0.0, 2.0], 1, 2, 2));
        var a = causal ? 1.0 : Math.Exp(1 / Math.Sqrt(2)) / (Math.Exp(1 / Math.Sqrt(2)) + 1);
        var b = 1 / (1 + Math.Exp(4 / Math.Sqrt(2)));
        TensorAssert.Close(y, Tensor.From([a, 2 * (1 - a), b, 2 * (1 - b)], 1, 2, 2), 1e-12, "softmax(Q Kᵀ/√d) V");
    }

    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Three_causal_heads_match_the_per_head_reference()
    {
        var rng = new Rng(89);
        var mh = new MultiHeadSelfAttention(6, 3, causal: true, rng);
        var x = rng.Normal(1.0, 2, 4, 6);
        var y = mh.Forward(x);
        var flat = x.Reshape(8, 6);
        var (q, k, v) = (Ops.MatMul(flat, mh.Wq.Value, transB: true), Ops.MatMul(flat, mh.Wk.Value, transB: true), Ops.MatMul(flat, mh.Wv.Value, transB: true));
        var o = Tensor.Zeros(8, 6);
        for (int b = 0; b < 2; b++)
            for (int h = 0; h < 3; h++)
                for (int i = 0; i < 4; i++)
                {
                    // Head h owns columns 2h and 2h + 1; row i of sequence b attends to j ≤ i only.
                    var s = Enumerable.Range(0, i + 1).Select(j => (q[4 * b + i, 2 * h] * k[4 * b + j, 2 * h] + q[4 * b + i, 2 * h + 1] * k[4 * b + j, 2 * h + 1]) / Math.Sqrt(2)).ToArray();
                    var e = s.Select(z => Math.Exp(z - s.Max())).ToArray();
                    for (int j = 0; j <= i; j++) for (int c = 0; c < 2; c++) o[4 * b + i, 2 * h + c] += e[j] / e.Sum() * v[4 * b + j, 2 * h + c];
                }
        TensorAssert.Close(y.Reshape(8, 6), Ops.MatMul(o, mh.Wo.Value, transB: true), 1e-12, 1e-12, "y");
    }

    [Theory]
    [Trait("Exercise", "T4.mhsa")]
    [InlineData(true)]
    [InlineData(false)]
    public void Attention_gradient_check(bool causal)
    {
        var rng = new Rng(84);
        GradAssert.LayerGradientsMatch(new MultiHeadSelfAttention(4, 2, causal, rng), rng.Normal(1.0, 2, 3, 4), new Rng(85), 1e-5);
    }

    [Fact]
    [Trait("Exercise", "T4.mhsa")]
    public void Attention_contract()
    {
        var rng = new Rng(86);
        LayerContract.BackwardLeavesDOutAndRepeats(new MultiHeadSelfAttention(4, 2, true, rng), rng.Normal(1.0, 2, 3, 4), new Rng(87));
    }

    private static readonly int[,] Labels = { { 1, 0, 2, 3 }, { 2, 2, 1, 0 } };

    [Fact]
    [Trait("Exercise", "T4.masked-loss")]
    public void Masked_loss_is_the_mean_over_counted_steps_only()
    {
        var rng = new Rng(91);
        var scores = rng.Normal(1.0, 2, 4, 4);
        var loss = new MaskedTimeSoftmaxWithLoss().Forward(scores, Labels, [4, 2]);
        double sum = 0;
        foreach (var (i, t) in new[] { (0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1) })
        {
            var row = Enumerable.Range(0, 4).Select(c => scores[i, t, c]).ToArray();
            sum += Math.Log(row.Sum(Math.Exp)) - row[Labels[i, t]];
        }
        loss.Should().BeApproximately(sum / 6, 1e-12);
        var changed = scores.Clone();
        changed[1, 3, 0] += 5;
        new MaskedTimeSoftmaxWithLoss().Forward(changed, Labels, [4, 2]).Should().BeApproximately(loss, 1e-14, "a step past the length does not count");
    }

    [Fact]
    [Trait("Exercise", "T4.masked-loss")]
    public void Masked_loss_gradient_check_and_zero_past_the_length()
    {
        var rng = new Rng(92);
        var scores = rng.Normal(1.0, 2, 4, 4);
        var layer = new MaskedTimeSoftmaxWithLoss();
        layer.Forward(scores, Labels, [3, 1]);
        var grad = layer.Backward();
        for (int c = 0; c < 4; c++) { grad[0, 3, c].Should().Be(0); grad[1, 2, c].Should().Be(0); }
        GradAssert.FunctionGradientMatches(s => new MaskedTimeSoftmaxWithLoss().Forward(s, Labels, [3, 1]), scores, grad, tolerance: 1e-5);
    }
}
