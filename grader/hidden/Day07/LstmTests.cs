// Kills: D7-M1 gate order differs between forward and backward (i and f swapped); D7-M2 h = o ⊙ c without tanh, or
// tanh's derivative missing in backward; forgetBias ignored or put in another block; dc not carried through f;
// TimeLstm without dc from step t+1 (or a non-zero dc entering the last step), state not carried when stateful or carried when not; Backward not repeatable.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day07.Tests;

[Trait("Exercise", "7.4")]
public class LstmTests
{
    private static LstmCell Randomised(Rng rng, int d, int h)
    {
        var cell = new LstmCell(d, h, rng);
        cell.B.Value.CopyFrom(rng.Normal(0.5, 4 * h));
        return cell;
    }

    [Fact]
    [Trait("Weight", "6")]
    public void One_step_gradients_of_x_h_c_and_every_parameter_match_central_differences_within_1e_6()
    {
        var rng = new Rng(11);
        var cell = Randomised(rng, 3, 4);
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(0.8, 2, 4);
        var c = rng.Normal(1.0, 2, 4);
        var rh = rng.Normal(1.0, 2, 4);
        var rc = rng.Normal(1.0, 2, 4);
        double Loss(Tensor xx, Tensor hh, Tensor cc) { var (hn, cn) = cell.Forward(xx, hh, cc); return (hn * rh).Sum() + (cn * rc).Sum(); }
        cell.Forward(x, h, c);
        cell.ZeroGrad();
        var (dx, dh, dc) = cell.Backward(rh.Clone(), rc.Clone());
        var grads = cell.Parameters.Select(p => p.Grad.Clone()).ToArray();

        GradAssert.FunctionGradientMatches(v => Loss(v, h, c), x, dx, 1e-6);
        GradAssert.FunctionGradientMatches(v => Loss(x, v, c), h, dh, 1e-6);
        GradAssert.FunctionGradientMatches(v => Loss(x, h, v), c, dc, 1e-6);
        for (int i = 0; i < grads.Length; i++)
        {
            var p = cell.Parameters[i];
            var saved = p.Value.Clone();
            GradAssert.FunctionGradientMatches(v => { p.Value.CopyFrom(v); double l = Loss(x, h, c); p.Value.CopyFrom(saved); return l; }, saved, grads[i], 1e-6);
        }
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_cell_equals_the_engine_LSTM_on_the_same_weights()
    {
        var rng = new Rng(2);
        var cell = Randomised(rng, 4, 3);
        var reference = new EngineLayers.LstmCell<double>(cell.Wx.Value.Clone(), cell.Wh.Value.Clone(), cell.B.Value.Clone());
        var (x, h, c) = (rng.Normal(1.0, 2, 4), rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 3));
        var (dH, dC) = (rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 3));

        var (hn, cn) = cell.Forward(x, h, c);
        var (rhn, rcn) = reference.Forward(x, h, c);
        TensorAssert.Close(hn, rhn, 1e-12, "h' = o ⊙ tanh(c') with blocks i, f, g, o");
        TensorAssert.Close(cn, rcn, 1e-12, "c' = f ⊙ c + i ⊙ g");
        cell.ZeroGrad(); reference.ZeroGrad();
        var mine = cell.Backward(dH, dC);
        var theirs = reference.Backward(dH, dC);
        TensorAssert.Close(mine.DX, theirs.DX, 1e-12, "dx");
        TensorAssert.Close(mine.DHPrev, theirs.DHPrev, 1e-12, "dhPrev");
        TensorAssert.Close(mine.DCPrev, theirs.DCPrev, 1e-12, "dcPrev");
        for (int i = 0; i < 3; i++) TensorAssert.Close(cell.Parameters[i].Grad, reference.Parameters[i].Grad, 1e-12, cell.Parameters[i].Name);
    }

    [Fact]
    [Trait("Weight", "4")]
    public void TimeLstm_BPTT_over_T_5_passes_the_gradient_check_and_equals_the_engine()
    {
        var rng = new Rng(3);
        var lstm = new TimeLstm(3, 4, rng, stateful: false);
        lstm.B.Value.CopyFrom(rng.Normal(0.5, 16));
        GradAssert.LayerGradientsMatch(lstm, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-5);

        var reference = new EngineLayers.TimeLstm<double>(lstm.Wx.Value.Clone(), lstm.Wh.Value.Clone(), lstm.B.Value.Clone());
        DifferentialCheck.Layers(lstm, reference, rng.Normal(1.0, 3, 5, 3), rng.Fork("diff"));
    }

    [Fact]
    [Trait("Weight", "3")]
    public void With_f_1_and_i_0_the_cell_state_is_carried_20_steps_unchanged_and_dC_passes_back_exactly()
    {
        var rng = new Rng(4);
        var cell = new LstmCell(3, 4, rng);
        for (int j = 0; j < 4; j++) { cell.B.Value[j] = -50; cell.B.Value[4 + j] = 50; }   // i = σ(−50) ≈ 2e-22, f = σ(50) = 1.0
        var h = rng.Normal(1.0, 2, 4);
        var c0 = rng.Normal(1.0, 2, 4);
        var c = c0;
        for (int t = 0; t < 20; t++) (h, c) = cell.Forward(rng.Normal(1.0, 2, 3), h, c);
        TensorAssert.Close(c, c0, 1e-15, "f = 1 and i = 0 carry the cell state unchanged (the additive path)");

        var dC = rng.Normal(1.0, 2, 4);
        var (_, _, dCPrev) = cell.Backward(Tensor.Zeros(2, 4), dC);
        TensorAssert.Close(dCPrev, dC, 0, "with dH = 0 and f = 1, dcPrev = f ⊙ dC = dC exactly");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Stateful_two_Forwards_of_T_3_equal_one_of_T_6_and_a_stateless_layer_starts_from_zeros()
    {
        var rng = new Rng(5);
        var x = rng.Normal(1.0, 2, 6, 3);
        var carried = new TimeLstm(3, 4, new Rng(6), stateful: true);
        var whole = new TimeLstm(3, 4, new Rng(6), stateful: true).Forward(x);

        var a = carried.Forward(x.Slice(1, 0, 3));
        var b = carried.Forward(x.Slice(1, 3, 3));
        TensorAssert.Close(Ops.Concat(1, a, b), whole, 1e-14, "a stateful TimeLstm carries BOTH h and c into the next Forward");

        var stateless = new TimeLstm(3, 4, new Rng(6), stateful: false);
        var once = stateless.Forward(x.Slice(1, 3, 3));
        stateless.Forward(x.Slice(1, 0, 3));
        TensorAssert.Close(stateless.Forward(x.Slice(1, 3, 3)), once, 0, "stateful: false starts every Forward from zeros");
        carried.ResetState();
        TensorAssert.Close(carried.Forward(x.Slice(1, 0, 3)), a, 0, "ResetState forgets h and c");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Backward_twice_gives_identical_results_and_dOut_is_not_changed()
    {
        var rng = new Rng(7);
        var lstm = new TimeLstm(2, 3, rng, stateful: false);
        lstm.Forward(rng.Normal(1.0, 2, 4, 2));
        var dOut = rng.Normal(1.0, 2, 4, 3);
        var before = dOut.ToArray();

        var first = lstm.Backward(dOut);
        var grads = lstm.Parameters.Select(p => p.Grad.Clone()).ToArray();
        var second = lstm.Backward(dOut);

        dOut.ToArray().Should().Equal(before, "dOut is not changed in place");
        TensorAssert.Close(second, first, 0, "Backward twice after one Forward gives the same dx");
        for (int i = 0; i < grads.Length; i++) TensorAssert.Close(lstm.Parameters[i].Grad, grads[i], 0, "TimeLstm overwrites its gradients with the sum over the steps");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Init_is_drawn_like_the_engine_the_forget_bias_is_used_and_the_count_is_2480()
    {
        var cell = new LstmCell(10, 20, new Rng(8), forgetBias: 0.3);
        var reference = new EngineLayers.LstmCell<double>(10, 20, new Rng(8), 0.3);

        cell.Parameters.Select(p => p.Name).Should().Equal(["Wx", "Wh", "b"]);
        cell.Parameters.Sum(p => p.Value.Length).Should().Be(2480);
        TensorAssert.Close(cell.Wx.Value, reference.Wx.Value, 0, "Wx ~ N(0, 1/D) drawn first");
        TensorAssert.Close(cell.Wh.Value, reference.Wh.Value, 0, "Wh ~ N(0, 1/H) drawn second");
        TensorAssert.Close(cell.B.Value, reference.B.Value, 0, "b is zero except the f block (20 … 39) = forgetBias");
        FluentActions.Invoking(() => new TimeLstm(3, 4, new Rng(1), false).Forward(Tensor.Zeros(2, 5, 2))).Should().Throw<ArgumentException>().WithMessage("*TimeLstm*");
    }
    [Fact]
    [Trait("Weight", "2")]
    public void A_single_step_single_row_TimeLstm_equals_one_cell_step_from_zeros()
    {
        var rng = new Rng(12);
        var lstm = new TimeLstm(3, 4, rng, stateful: false);
        lstm.B.Value.CopyFrom(rng.Normal(0.5, 16));
        var cell = new LstmCell(lstm.Wx.Value.Clone(), lstm.Wh.Value.Clone(), lstm.B.Value.Clone());
        var x = rng.Normal(1.0, 1, 1, 3);

        var y = lstm.Forward(x);
        var (h, c) = cell.Forward(x.Reshape(1, 3), Tensor.Zeros(1, 4), Tensor.Zeros(1, 4));

        TensorAssert.Close(y.Reshape(1, 4), h, 1e-15, "T = 1, N = 1: one step from h = c = 0");
        TensorAssert.Close(lstm.CellState!, c, 1e-15, "CellState holds the last step's c");
        var dOut = rng.Normal(1.0, 1, 1, 4);
        var (dx, _, _) = cell.Backward(dOut.Reshape(1, 4), Tensor.Zeros(1, 4));
        TensorAssert.Close(lstm.Backward(dOut).Reshape(1, 3), dx, 1e-15, "the last step gets dc = 0 from the future");
    }
}
