using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class AttentionTests
{
    [Fact]
    public void Weights_rows_sum_to_one_and_masked_keys_get_exactly_zero()
    {
        var rng = new Rng(110);
        var attention = new ScaledDotProductAttention<double>();
        var mask = new bool[2, 5];
        mask[0, 4] = true;
        mask[1, 0] = mask[1, 1] = true;
        attention.Forward(rng.Normal(1.0, 2, 3, 4), rng.Normal(1.0, 2, 5, 4), rng.Normal(1.0, 2, 5, 2), mask);
        var a = attention.Weights!;
        a.ShapeArray.Should().Equal(2, 3, 5);
        for (int n = 0; n < 2; n++)
        for (int q = 0; q < 3; q++)
        {
            Enumerable.Range(0, 5).Sum(k => a[n, q, k]).Should().BeApproximately(1, 1e-14);
            for (int k = 0; k < 5; k++) if (mask[n, k]) a[n, q, k].Should().Be(0);
        }
    }

    [Fact]
    public void Scores_2_1_0_give_the_lesson_weights_and_the_scale_is_one_over_sqrt_dk()
    {
        // dk = 4: Q·K = 2·[4, 2, 0] → scaled [2, 1, 0] → softmax [0.6652, 0.2447, 0.0900].
        var q = Tensor<double>.From([1.0, 1, 1, 1], 1, 1, 4);
        var k = Tensor<double>.From([1.0, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0], 1, 3, 4);
        var attention = new ScaledDotProductAttention<double>();
        attention.Forward(q, k, Tensor<double>.Zeros(1, 3, 1));
        attention.Weights![0, 0, 0].Should().BeApproximately(0.6652409558, 1e-9);
        attention.Weights![0, 0, 1].Should().BeApproximately(0.2447284711, 1e-9);
        attention.Weights![0, 0, 2].Should().BeApproximately(0.0900305732, 1e-9);
    }

    [Fact]
    public void Attention_gradients_for_q_k_v_match_central_differences_with_a_causal_mask()
    {
        var rng = new Rng(111);
        var attention = new ScaledDotProductAttention<double>(causal: true);
        var q = rng.Normal(1.0, 2, 4, 3);
        var k = rng.Normal(1.0, 2, 4, 3);
        var v = rng.Normal(1.0, 2, 4, 2);
        var r = rng.Normal(1.0, 2, 4, 2);
        double Loss() => NumericGradient.WeightedSum(attention.Forward(q, k, v), r);
        attention.Forward(q, k, v);
        var (dq, dk, dv) = attention.Backward(r);
        NumericGradient.MaxRelativeError(dq, NumericGradient.Of(Loss, q)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dk, NumericGradient.Of(Loss, k)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dv, NumericGradient.Of(Loss, v)).Should().BeLessThan(1e-7);
    }

    [Fact]
    public void Causal_self_attention_output_at_t_ignores_later_inputs_and_passes_the_layer_check()
    {
        var rng = new Rng(112);
        var layer = new SelfAttention<double>(4, 3, rng.Fork("init"), causal: true);
        var x = rng.Normal(1.0, 2, 5, 4);
        var before = layer.Forward(x).Slice(1, 0, 3);
        var changed = x.Clone();
        changed[0, 4, 1] += 10;
        changed[1, 3, 0] -= 5;
        TensorAssert.Close(layer.Forward(changed).Slice(1, 0, 3), before, 1e-15);
        GradAssert.LayerGradientsMatch(layer, x, rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    public void Self_attention_equals_a_test_side_computation_with_the_scale()
    {
        var rng = new Rng(113);
        var layer = new SelfAttention<double>(3, 2, rng);
        var x = rng.Normal(1.0, 1, 4, 3);
        var y = layer.Forward(x);
        var x2 = x.Reshape(4, 3);
        var q = Ops.MatMul(x2, layer.Wq.Value, transB: true);
        var k = Ops.MatMul(x2, layer.Wk.Value, transB: true);
        var v = Ops.MatMul(x2, layer.Wv.Value, transB: true);
        var s = Ops.MatMul(q, k, transB: true) / Math.Sqrt(2);
        var e = Ops.Exp(s - s.Max(1, keepDims: true));
        var expected = Ops.MatMul(e / e.Sum(1, keepDims: true), v);
        TensorAssert.Close(y.Reshape(4, 2), expected, 1e-12);
    }

    [Fact]
    public void A_fully_masked_row_throws_rather_than_returning_nan()
    {
        var attention = new ScaledDotProductAttention<double>();
        var mask = new bool[1, 2] { { true, true } };
        attention.Invoking(a => a.Forward(Tensor<double>.Ones(1, 1, 2), Tensor<double>.Ones(1, 2, 2), Tensor<double>.Ones(1, 2, 2), mask))
            .Should().Throw<InvalidOperationException>().WithMessage("*every key is masked*");
    }
}
