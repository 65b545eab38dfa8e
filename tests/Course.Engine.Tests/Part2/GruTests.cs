using Course.Engine.Testing;
using static Course.Engine.Tests.Part2.RecurrentFixtures;

namespace Course.Engine.Tests.Part2;

public class GruTests
{
    [Fact]
    public void TimeGru_reproduces_hand_computed_states_with_reset_applied_after_the_hidden_bias()
    {
        var gru = new TimeGru<double>(InputWeights(3), HiddenWeights(3), Bias(3), GruHiddenBias());
        var hs = gru.Forward(Inputs());

        // Independent transcription of r, z = σ(gx + gh), n = tanh(gx_n + r ⊙ gh_n), h' = (1 − z) n + z h.
        double[] expected = [
            -0.068248885471830653, -0.0030711664882862298,
            0.047955431795168105, -0.17668045701243806,
            0.21447080209129402, -0.12304742511992545];
        for (int i = 0; i < 6; i++) hs.Span[i].Should().BeApproximately(expected[i], 1e-15);
    }

    [Fact]
    public void GruCell_steps_agree_with_TimeGru()
    {
        var cell = new GruCell<double>(InputWeights(3), HiddenWeights(3), Bias(3), GruHiddenBias());
        var h = Tensor<double>.Zeros(1, H);
        var xs = Inputs();
        for (int t = 0; t < 3; t++) h = cell.Forward(xs.Slice(1, t, 1).Reshape(1, D), h);
        h[0, 0].Should().BeApproximately(0.21447080209129402, 1e-15);
        h[0, 1].Should().BeApproximately(-0.12304742511992545, 1e-15);
    }

    [Fact]
    public void TimeGru_gradients_match_over_five_steps()
    {
        var rng = new Rng(70);
        var gru = new TimeGru<double>(3, 4, rng.Fork("init"));
        gru.Bx.Value.CopyFrom(rng.Normal(0.5, 12));
        gru.Bh.Value.CopyFrom(rng.Normal(0.5, 12));
        var report = GradAssert.LayerGradientsMatch(gru, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-6);
        report.ElementsChecked.Should().Be(2 * 5 * 3 + 12 * 3 + 12 * 4 + 12 + 12);
    }

    [Fact]
    public void GruCell_gradients_match_central_differences()
    {
        var rng = new Rng(71);
        var cell = new GruCell<double>(3, 2, rng.Fork("init"));
        cell.Bh.Value.CopyFrom(rng.Normal(0.5, 6));
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(1.0, 2, 2);
        var r = rng.Normal(1.0, 2, 2);
        double Loss() => NumericGradient.WeightedSum(cell.Forward(x, h), r);

        cell.ZeroGrad();
        cell.Forward(x, h);
        var (dx, dh) = cell.Backward(r);
        NumericGradient.MaxRelativeError(dx, NumericGradient.Of(Loss, x)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dh, NumericGradient.Of(Loss, h)).Should().BeLessThan(1e-7);
        var dWh = cell.Wh.Grad.Clone();
        var dBh = cell.Bh.Grad.Clone();
        NumericGradient.MaxRelativeError(dWh, NumericGradient.Of(Loss, cell.Wh.Value)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dBh, NumericGradient.Of(Loss, cell.Bh.Value)).Should().BeLessThan(1e-7);
    }

    [Fact]
    public void An_update_gate_near_one_copies_the_hidden_state()
    {
        var rng = new Rng(72);
        var cell = new GruCell<double>(2, 3, rng);
        cell.Bx.Value.Span.Slice(3, 3).Fill(50);       // z = σ(50 + …) = 1 in float64
        var h = rng.Normal(1.0, 4, 3);
        TensorAssert.Close(cell.Forward(rng.Normal(1.0, 4, 2), h), h, 1e-15);
    }

    [Fact]
    public void Parameter_count_is_1920_for_d10_h20_and_stateful_chunks_match_one_pass()
    {
        var rng = new Rng(73);
        new TimeGru<double>(10, 20, rng).Parameters.Sum(p => p.Value.Length).Should().Be(1920);

        var wx = rng.Normal(0.5, 9, 2);
        var wh = rng.Normal(0.5, 9, 3);
        var bx = rng.Normal(0.5, 9);
        var bh = rng.Normal(0.5, 9);
        var x = rng.Normal(1.0, 2, 8, 2);
        var whole = new TimeGru<double>(wx, wh, bx, bh).Forward(x);
        var stateful = new TimeGru<double>(wx, wh, bx, bh, stateful: true);
        var parts = Ops.Concat(1, stateful.Forward(x.Slice(1, 0, 3)), stateful.Forward(x.Slice(1, 3, 5)));
        TensorAssert.Close(parts, whole, 1e-12);
    }

    [Fact]
    public void An_explicit_start_state_is_used_once_and_its_gradient_is_exposed()
    {
        var rng = new Rng(74);
        var gru = new TimeGru<double>(2, 3, rng);
        var h0 = rng.Normal(1.0, 2, 3);
        var x = rng.Normal(1.0, 2, 4, 2);
        var r = rng.Normal(1.0, 2, 4, 3);
        double Loss()
        {
            gru.State = h0;
            return NumericGradient.WeightedSum(gru.Forward(x), r);
        }

        Loss();
        gru.Backward(r);
        var dh0 = gru.StateGrad!.Clone();
        NumericGradient.MaxRelativeError(dh0, NumericGradient.Of(Loss, h0)).Should().BeLessThan(1e-7);

        var fromZero = gru.Forward(x);       // the explicit state was consumed by the previous Forward
        gru.ResetState();
        TensorAssert.Close(gru.Forward(x), fromZero, 0);
    }
}
