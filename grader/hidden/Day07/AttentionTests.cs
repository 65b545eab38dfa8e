// Kills: D7-M3 softmax over the wrong axis, or the mask ignored; D7-M7 scaled attention without the √dₖ; the causal
// mask off by one (a query hidden from itself, or seeing the next key); a fully masked row giving NaN; dKeys without
// the value path or the score path; Backward not repeatable or changing dOut; inputs cached by reference.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day07.Tests;

[Trait("Exercise", "7.5")]
public class AttentionTests
{
    private static bool[,] Mask(int n, int te, params (int Row, int Col)[] padded)
    {
        var m = new bool[n, te];
        foreach (var (r, c) in padded) m[r, c] = true;
        return m;
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Weights_sum_to_1_over_the_encoder_steps_and_are_exactly_0_where_masked()
    {
        var rng = new Rng(1);
        var (q, k) = (rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3, 5, 4));
        var mask = Mask(3, 5, (0, 4), (0, 3), (2, 0));

        var (context, w) = new DotAttention().Forward(q, k, mask);

        w.Shape.ToArray().Should().Equal([3, 5]);
        for (int n = 0; n < 3; n++) Enumerable.Range(0, 5).Sum(t => w[n, t]).Should().BeApproximately(1, 1e-14, $"row {n} sums to 1 over Tₑ (not over N or H)");
        (w[0, 3], w[0, 4], w[2, 0]).Should().Be((0.0, 0.0, 0.0), "a padded key gets weight exactly 0");
        var reference = new EngineLayers.ScaledDotProductAttention<double>();
        var expected = reference.Forward(q.Reshape(3, 1, 4) * 2.0, k, k, mask);   // the engine divides by √dₖ = 2
        TensorAssert.Close(w, reference.Weights!.Reshape(3, 5), 1e-12, "scores = keys·query, unscaled");
        TensorAssert.Close(context, expected.Reshape(3, 4), 1e-12, "context = Σₜ weights ⊙ values");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Scores_2_1_0_give_0_6652_0_2447_0_0900_and_equal_scores_give_equal_weights()
    {
        var (_, w) = new DotAttention().Forward(Tensor.From([1.0], 1, 1), Tensor.From([2.0, 1.0, 0.0], 1, 3, 1));
        var (_, tie) = new DotAttention().Forward(Tensor.From([1.0, 1.0], 1, 2), Tensor.Full(0.5, 1, 4, 2));

        w.ToArray().Should().BeEquivalentTo([0.6652, 0.2447, 0.0900], o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 5e-5)).WhenTypeIs<double>());
        tie.ToArray().Should().OnlyContain(v => Math.Abs(v - 0.25) < 1e-15, "ties share the weight equally");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void DotAttention_gradients_of_query_and_keys_match_central_differences_with_a_mask()
    {
        var rng = new Rng(2);
        var (q, k) = (rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 4, 3));
        var mask = Mask(2, 4, (1, 3));
        var r = rng.Normal(1.0, 2, 3);
        var att = new DotAttention();
        att.Forward(q, k, mask);
        var (dq, dk) = att.Backward(r);

        GradAssert.FunctionGradientMatches(v => (new DotAttention().Forward(v, k, mask).Context * r).Sum(), q, dq, 1e-6);
        GradAssert.FunctionGradientMatches(v => (new DotAttention().Forward(q, v, mask).Context * r).Sum(), k, dk, 1e-6);
        var (dq2, dk2) = att.Backward(r);
        TensorAssert.Close(dq2, dq, 0, "Backward twice gives the same dQuery");
        TensorAssert.Close(dk2, dk, 0, "… and the same dKeys");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void A_fully_masked_row_throws_instead_of_giving_NaN()
    {
        var mask = Mask(2, 3, (1, 0), (1, 1), (1, 2));

        FluentActions.Invoking(() => new DotAttention().Forward(Tensor.Zeros(2, 2), Tensor.Zeros(2, 3, 2), mask)).Should().Throw<ArgumentException>();
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Self_attention_output_equals_softmax_of_QK_over_sqrt_dk_times_V_from_its_own_weights()
    {
        var rng = new Rng(3);
        var layer = new ScaledDotProductSelfAttention(6, 4, rng, causal: false);
        var x = rng.Normal(1.0, 2, 5, 6);

        var y = layer.Forward(x);

        var x2 = x.Reshape(10, 6);
        var (q, k, v) = (Ops.MatMul(x2, layer.Wq.Value, transB: true), Ops.MatMul(x2, layer.Wk.Value, transB: true), Ops.MatMul(x2, layer.Wv.Value, transB: true));
        var expected = Tensor.Zeros(2, 5, 4);
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < 5; t++)
            {
                var s = new double[5];
                for (int u = 0; u < 5; u++) { for (int j = 0; j < 4; j++) s[u] += q[b * 5 + t, j] * k[b * 5 + u, j]; s[u] /= 2.0; }
                double max = s.Max(), sum = s.Sum(z => Math.Exp(z - max));
                for (int u = 0; u < 5; u++)
                    for (int j = 0; j < 4; j++) expected[b, t, j] += Math.Exp(s[u] - max) / sum * v[b * 5 + u, j];
            }
        TensorAssert.Close(y, expected, 1e-12, "A = softmax(Q·Kᵀ / √dₖ) over the keys, out = A·V (√4 = 2)");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Self_attention_passes_gradient_checks_and_equals_the_engine_causal_or_not()
    {
        foreach (bool causal in new[] { false, true })
        {
            var rng = new Rng(causal ? 5UL : 4UL);
            var layer = new ScaledDotProductSelfAttention(4, 3, rng, causal);
            GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 4, 4), rng.Fork("check"), tolerance: 1e-6);
            DifferentialCheck.Layers(layer, new EngineLayers.SelfAttention<double>(4, 3, new Rng(9), causal), rng.Normal(1.0, 2, 4, 4), rng.Fork("diff"));
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Causal_output_at_t_does_not_change_when_later_inputs_change_but_does_when_t_changes()
    {
        var rng = new Rng(6);
        var layer = new ScaledDotProductSelfAttention(4, 3, rng, causal: true);
        var x = rng.Normal(1.0, 1, 6, 4);
        var y = layer.Forward(x).Clone();
        var later = x.Clone();
        for (int j = 0; j < 4; j++) later[0, 4, j] += 1.0;

        var y2 = layer.Forward(later);

        for (int t = 0; t < 6; t++)
            for (int j = 0; j < 3; j++)
                if (t < 4) y2[0, t, j].Should().Be(y[0, t, j], $"query {t} sees only keys ≤ {t}");
        Enumerable.Range(0, 3).Any(j => y2[0, 4, j] != y[0, 4, j]).Should().BeTrue("query 4 sees its own key");
        var open = new ScaledDotProductSelfAttention(4, 3, new Rng(6), causal: false);
        open.Forward(x)[0, 0, 0].Should().NotBe(y[0, 0, 0], "without the causal flag query 0 sees every key");
    }
    [Fact]
    [Trait("Weight", "1")]
    public void Changing_the_inputs_or_the_returned_weights_after_Forward_does_not_change_Backward_and_wrong_shapes_throw()
    {
        var rng = new Rng(7);
        var (q, k) = (rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 4, 3));
        var r = rng.Normal(1.0, 2, 3);
        var clean = new DotAttention();
        clean.Forward(q.Clone(), k.Clone());
        var (dq, dk) = clean.Backward(r);
        var att = new DotAttention();
        var (_, w) = att.Forward(q, k);
        q.Span.Fill(9); k.Span.Fill(-9); w.Span.Fill(0.5);

        var (dq2, dk2) = att.Backward(r);

        TensorAssert.Close(dq2, dq, 0, "Forward keeps its own copies of query, keys and weights");
        TensorAssert.Close(dk2, dk, 0, "Forward keeps its own copies of query, keys and weights");
        var x = rng.Normal(1.0, 2, 3, 4);
        var layer = new ScaledDotProductSelfAttention(4, 2, rng, causal: false);
        var y = layer.Forward(x);
        var dOut = rng.Normal(1.0, 2, 3, 2);
        var dx = layer.Backward(dOut);
        x.Span.Fill(3);
        TensorAssert.Close(layer.Backward(dOut), dx, 0, "the cached X is not the caller's tensor");
        FluentActions.Invoking(() => new DotAttention().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(2, 4, 2))).Should().Throw<ArgumentException>().WithMessage("*DotAttention*");
        FluentActions.Invoking(() => layer.Forward(Tensor.Zeros(2, 3, 5))).Should().Throw<ArgumentException>().WithMessage("*ScaledDotProductSelfAttention*");
    }
}
