using Course.Engine.Testing;
using static Course.Engine.Tests.Part2.RecurrentFixtures;

namespace Course.Engine.Tests.Part2;

public class LstmTests
{
    [Fact]
    public void TimeLstm_reproduces_hand_computed_states_with_pytorch_gate_order()
    {
        var lstm = new TimeLstm<double>(InputWeights(4), HiddenWeights(4), Bias(4));
        var hs = lstm.Forward(Inputs());

        // Expected h_t from an independent transcription of i, f, g, o = σ, σ, tanh, σ; c' = f c + i g; h' = o tanh c'.
        double[] expected = [
            -0.033001633426473227, 0.0054909170971687501,
            0.024815352915582151, -0.08194146720351092,
            0.095372709759882546, -0.035196228779630384];
        for (int i = 0; i < 6; i++) hs.Span[i].Should().BeApproximately(expected[i], 1e-15);
        lstm.CellState![0, 0].Should().BeApproximately(0.17362029279264138, 1e-15);
        lstm.CellState![0, 1].Should().BeApproximately(-0.093820997116983607, 1e-15);
    }

    [Fact]
    public void LstmCell_steps_agree_with_TimeLstm()
    {
        var cell = new LstmCell<double>(InputWeights(4), HiddenWeights(4), Bias(4));
        var h = Tensor<double>.Zeros(1, H);
        var c = Tensor<double>.Zeros(1, H);
        var xs = Inputs();
        for (int t = 0; t < 3; t++) (h, c) = cell.Forward(xs.Slice(1, t, 1).Reshape(1, D), h, c);
        h[0, 0].Should().BeApproximately(0.095372709759882546, 1e-15);
        c[0, 1].Should().BeApproximately(-0.093820997116983607, 1e-15);
    }

    [Fact]
    public void TimeLstm_gradients_match_over_five_steps()
    {
        var rng = new Rng(60);
        var lstm = new TimeLstm<double>(3, 4, rng.Fork("init"));
        lstm.B.Value.CopyFrom(rng.Normal(0.5, 16));
        var report = GradAssert.LayerGradientsMatch(lstm, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-6);
        report.ElementsChecked.Should().Be(2 * 5 * 3 + 16 * 3 + 16 * 4 + 16);
    }

    [Fact]
    public void LstmCell_gradients_for_x_h_c_and_parameters_match_and_accumulate()
    {
        var rng = new Rng(61);
        var cell = new LstmCell<double>(3, 2, rng.Fork("init"));
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(1.0, 2, 2);
        var c = rng.Normal(1.0, 2, 2);
        var rh = rng.Normal(1.0, 2, 2);
        var rc = rng.Normal(1.0, 2, 2);
        double Loss()
        {
            var (h2, c2) = cell.Forward(x, h, c);
            return NumericGradient.WeightedSum(h2, rh) + NumericGradient.WeightedSum(c2, rc);
        }

        cell.ZeroGrad();
        cell.Forward(x, h, c);
        var (dx, dh, dc) = cell.Backward(rh, rc);
        var dWx = cell.Wx.Grad.Clone();

        NumericGradient.MaxRelativeError(dx, NumericGradient.Of(Loss, x)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dh, NumericGradient.Of(Loss, h)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dc, NumericGradient.Of(Loss, c)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(dWx, NumericGradient.Of(Loss, cell.Wx.Value)).Should().BeLessThan(1e-7);
        NumericGradient.MaxRelativeError(cell.B.Grad, NumericGradient.Of(Loss, cell.B.Value)).Should().BeLessThan(1e-7);

        cell.Forward(x, h, c);
        cell.Backward(rh, rc);
        TensorAssert.Close(cell.Wx.Grad, dWx * 2.0, 1e-14, "the cell accumulates parameter gradients across calls");
    }

    [Fact]
    public void Forget_one_input_zero_carries_the_cell_state_unchanged_and_passes_dC_through()
    {
        var rng = new Rng(62);
        var cell = new LstmCell<double>(2, 3, rng);
        var b = cell.B.Value.Span;
        b[..3].Fill(-50);       // i → 0
        b.Slice(3, 3).Fill(50); // f → 1 exactly in float64
        var c0 = rng.Normal(1.0, 1, 3);
        var h = Tensor<double>.Zeros(1, 3);
        var c = c0;
        for (int t = 0; t < 20; t++) (h, c) = cell.Forward(rng.Normal(0.1, 1, 2), h, c);
        TensorAssert.Close(c, c0, 1e-15);

        var dC = rng.Normal(1.0, 1, 3);
        var (_, _, dCPrev) = cell.Backward(Tensor<double>.Zeros(1, 3), dC);
        TensorAssert.Close(dCPrev, dC, 0);
    }

    [Fact]
    public void Stateful_chunks_equal_one_long_forward_and_non_stateful_restarts_from_zero()
    {
        var rng = new Rng(63);
        var wx = rng.Normal(0.5, 12, 2);
        var wh = rng.Normal(0.5, 12, 3);
        var b = rng.Normal(0.5, 12);
        var x = rng.Normal(1.0, 2, 10, 2);
        var whole = new TimeLstm<double>(wx, wh, b).Forward(x);

        var stateful = new TimeLstm<double>(wx, wh, b, stateful: true);
        var first = stateful.Forward(x.Slice(1, 0, 5));
        var second = stateful.Forward(x.Slice(1, 5, 5));
        TensorAssert.Close(Ops.Concat(1, first, second), whole, 1e-12);

        var plain = new TimeLstm<double>(wx, wh, b);
        plain.Forward(x.Slice(1, 0, 5));
        TensorAssert.Close(plain.Forward(x.Slice(1, 5, 5)), new TimeLstm<double>(wx, wh, b).Forward(x.Slice(1, 5, 5)), 0, "a non-stateful layer restarts from zeros");

        stateful.ResetState();
        TensorAssert.Close(stateful.Forward(x.Slice(1, 0, 5)), first, 0);
    }

    [Fact]
    public void Forget_bias_initialises_the_f_block_and_parameters_count_2480_for_d10_h20()
    {
        var lstm = new TimeLstm<double>(10, 20, new Rng(64), forgetBias: 1.0);
        lstm.B.Value.Span.Slice(20, 20).ToArray().Should().AllSatisfy(v => v.Should().Be(1.0));
        lstm.B.Value.Span[..20].ToArray().Should().AllSatisfy(v => v.Should().Be(0.0));
        lstm.Parameters.Sum(p => p.Value.Length).Should().Be(2480);
    }

    [Fact]
    public void Float32_TimeLstm_matches_float64()
    {
        var rng = new Rng(65);
        var wx = rng.Normal(0.3, 16, 3);
        var wh = rng.Normal(0.3, 16, 4);
        var b = rng.Normal(0.3, 16);
        var x = rng.Normal(1.0, 3, 6, 3);
        var y64 = new TimeLstm<double>(wx, wh, b).Forward(x);
        var y32 = new TimeLstm<float>(wx.Cast<float>(), wh.Cast<float>(), b.Cast<float>()).Forward(x.Cast<float>());
        TensorAssert.Close(y32.Cast<double>(), y64, 1e-5);
    }

    [Fact]
    public void Wrong_input_shape_and_early_backward_throw()
    {
        var lstm = new TimeLstm<double>(3, 4, new Rng(66));
        lstm.Invoking(l => l.Backward(Tensor<double>.Zeros(1, 1, 4))).Should().Throw<InvalidOperationException>();
        lstm.Invoking(l => l.Forward(Tensor<double>.Zeros(2, 5, 2))).Should().Throw<ArgumentException>().WithMessage("*TimeLstm*(N, T, 3)*(2, 5, 2)*");
    }
}
