// Kills: D6-M1 BPTT without dh from step t+1; D6-M2 (through the time loop); D6-M4 stateful ignored (state reset
// every Forward, or ResetState not forgetting); gradient flowing into the previous chunk; gradients accumulated across
// Backward calls; a non-stateful layer carrying state.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day06.Tests;

[Trait("Exercise", "6.5")]
public class TimeRnnTests
{
    private static Tensor Steps(Tensor x, int start, int length) => x.Slice(1, start, length);

    [Fact]
    [Trait("Weight", "6")]
    public void BPTT_gradients_match_central_differences_over_T_5_within_1e_6()
    {
        var rng = new Rng(1);
        var rnn = new TimeRnn(3, 4, rng);
        rnn.B.Value.CopyFrom(rng.Normal(0.3, 4));

        GradAssert.LayerGradientsMatch(rnn, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-6);
    }

    [Fact]
    [Trait("Weight", "6")]
    public void BPTT_gradients_match_central_differences_over_T_10_within_1e_5()
    {
        var rng = new Rng(2);
        var rnn = new TimeRnn(2, 5, rng);

        GradAssert.LayerGradientsMatch(rnn, rng.Normal(1.0, 3, 10, 2), rng.Fork("check"), tolerance: 1e-5);
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Equals_the_engine_TimeRnn_on_the_same_weights()
    {
        var rng = new Rng(3);

        DifferentialCheck.Layers(new TimeRnn(3, 4, new Rng(4)), new EngineLayers.TimeRnn<double>(3, 4, rng), rng.Normal(1.0, 2, 6, 3), rng.Fork("dOut"));
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Stateful_two_Forwards_of_T_5_equal_one_Forward_of_T_10_on_the_concatenated_input()
    {
        var rng = new Rng(5);
        var x = rng.Normal(1.0, 2, 10, 3);
        var whole = new TimeRnn(3, 4, new Rng(6)).Forward(x);
        var stateful = new TimeRnn(3, 4, new Rng(6), stateful: true);

        var first = stateful.Forward(Steps(x, 0, 5));
        var second = stateful.Forward(Steps(x, 5, 5));

        TensorAssert.Close(first, Steps(whole, 0, 5), 1e-12, "the first chunk starts from zeros");
        TensorAssert.Close(second, Steps(whole, 5, 5), 1e-12, "a stateful layer starts the second chunk from the first chunk's h_T");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_non_stateful_layer_starts_from_zeros_every_Forward()
    {
        var rng = new Rng(7);
        var x1 = rng.Normal(1.0, 2, 4, 3);
        var x2 = rng.Normal(1.0, 2, 4, 3);
        var rnn = new TimeRnn(3, 4, new Rng(8));
        var fresh = new TimeRnn(3, 4, new Rng(8)).Forward(x2);

        rnn.Forward(x1);
        var y = rnn.Forward(x2);

        TensorAssert.Close(y, fresh, 0, "stateful: false → h₀ = 0 on every call");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void ResetState_makes_a_stateful_layer_start_from_zeros_again_and_State_is_the_last_hidden_state()
    {
        var rng = new Rng(9);
        var x = rng.Normal(1.0, 2, 4, 3);
        var rnn = new TimeRnn(3, 4, new Rng(10), stateful: true);

        var y1 = rnn.Forward(x);
        rnn.State.Should().NotBeNull();
        TensorAssert.Close(rnn.State!, Steps(y1, 3, 1).Reshape(2, 4), 0, "State holds h_T of the last Forward, shape (N, H)");
        var carried = rnn.Forward(x);
        rnn.ResetState();
        var y3 = rnn.Forward(x);

        carried.ToArray().Should().NotEqual(y1.ToArray(), "without a reset the second call starts from h_T");
        TensorAssert.Close(y3, y1, 0, "after ResetState the layer starts from zeros");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Truncated_BPTT_gradients_of_a_second_chunk_treat_the_carried_state_as_a_constant()
    {
        var rng = new Rng(11);
        var x = rng.Normal(1.0, 2, 8, 3);
        var rnn = new TimeRnn(3, 4, new Rng(12), stateful: true);
        var reference = new EngineLayers.TimeRnn<double>(3, 4, new Rng(12), stateful: true);
        var dOut = rng.Normal(1.0, 2, 4, 4);

        rnn.Forward(Steps(x, 0, 4));
        reference.Forward(Steps(x, 0, 4));
        rnn.Backward(rng.Normal(1.0, 2, 4, 4));   // the first chunk's backward must leave no trace in the second's
        var y = rnn.Forward(Steps(x, 4, 4));
        var yRef = reference.Forward(Steps(x, 4, 4));
        var dx = rnn.Backward(dOut.Clone());
        var dxRef = reference.Backward(dOut.Clone());

        TensorAssert.Close(y, yRef, 1e-12, "the second chunk continues from h_T of the first");
        TensorAssert.Close(dx, dxRef, 1e-12, "dx of the second chunk");
        for (int i = 0; i < 3; i++)
            TensorAssert.Close(rnn.Parameters[i].Grad, reference.Parameters[i].Grad, 1e-12,
                $"{rnn.Parameters[i].Name}: the gradient covers the current chunk only (overwritten, nothing from the previous chunk)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Backward_twice_after_one_Forward_gives_the_same_results_and_leaves_dOut_alone()
    {
        var rng = new Rng(13);
        var rnn = new TimeRnn(2, 3, rng);
        var x = rng.Normal(1.0, 2, 5, 2);
        var x0 = x.ToArray();
        rnn.Forward(x);
        var dOut = rng.Normal(1.0, 2, 5, 3);
        var d0 = dOut.ToArray();

        var first = rnn.Backward(dOut);
        var grads = rnn.Parameters.Select(p => p.Grad.Clone()).ToArray();
        var second = rnn.Backward(dOut);

        x.ToArray().Should().Equal(x0, "Forward must not change its input");
        dOut.ToArray().Should().Equal(d0, "Backward must not change dOut");
        TensorAssert.Close(second, first, 0, "the same dx");
        for (int i = 0; i < grads.Length; i++)
            TensorAssert.Close(rnn.Parameters[i].Grad, grads[i], 0, $"{rnn.Parameters[i].Name}: TimeRnn overwrites its gradients, it does not accumulate across calls");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_single_step_with_a_single_row_is_one_RnnCell_step_from_zeros()
    {
        var rng = new Rng(15);
        var rnn = new TimeRnn(3, 4, new Rng(16));
        var cell = new RnnCell(3, 4, new Rng(16));
        var x = rng.Normal(1.0, 1, 1, 3);
        var dOut = rng.Normal(1.0, 1, 1, 4);

        var y = rnn.Forward(x);
        var h = cell.Forward(x.Reshape(1, 3), Tensor.Zeros(1, 4));
        var dx = rnn.Backward(dOut);
        cell.ZeroGrad();
        var (dxCell, _) = cell.Backward(dOut.Reshape(1, 4));

        TensorAssert.Close(y.Reshape(1, 4), h, 1e-15, "T = 1, N = 1: one step from h₀ = 0");
        TensorAssert.Close(dx.Reshape(1, 3), dxCell, 1e-15, "T = 1: no later step adds anything");
        for (int i = 0; i < 3; i++)
            TensorAssert.Close(rnn.Parameters[i].Grad, cell.Parameters[i].Grad, 1e-15, rnn.Parameters[i].Name);
    }

    [Fact]
    public void Weights_are_drawn_like_the_engine_and_wrong_shapes_throw()
    {
        var rnn = new TimeRnn(3, 5, new Rng(14));
        var reference = new EngineLayers.TimeRnn<double>(3, 5, new Rng(14));

        TensorAssert.Close(rnn.Wx.Value, reference.Wx.Value, 0, "Wx first, then Wh, Xavier");
        TensorAssert.Close(rnn.Wh.Value, reference.Wh.Value, 0, "Wx first, then Wh, Xavier");
        var act = () => rnn.Forward(Tensor.Zeros(2, 4, 2));
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("TimeRnn");
    }
}

[Trait("Exercise", "6.5")]
public class TimeAffineTests
{
    [Fact]
    [Trait("Weight", "2")]
    public void Equals_the_engine_TimeAffine_and_draws_the_same_weights()
    {
        var rng = new Rng(20);
        var layer = new TimeAffine(4, 6, new Rng(21));
        var reference = new EngineLayers.TimeAffine<double>(4, 6, new Rng(21));
        TensorAssert.Close(layer.W.Value, reference.W.Value, 0, "W = rng.Normal(√(1/inDim), outDim, inDim)");

        DifferentialCheck.Layers(layer, reference, rng.Normal(1.0, 3, 5, 4), rng.Fork("dOut"));
    }

    [Fact]
    public void Gradients_match_central_differences()
    {
        var rng = new Rng(22);

        GradAssert.LayerGradientsMatch(new TimeAffine(3, 2, rng), rng.Normal(1.0, 2, 4, 3), rng.Fork("check"));
    }
}

[Trait("Exercise", "6.5")]
public class TimeSoftmaxWithLossTests
{
    private static int[,] Labels(Rng rng, int n, int t, int v)
    {
        var l = new int[n, t];
        for (int i = 0; i < n; i++) for (int j = 0; j < t; j++) l[i, j] = rng.NextInt(v);
        return l;
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Ignored_positions_add_neither_loss_nor_gradient_and_the_mean_divides_by_the_others()
    {
        var rng = new Rng(30);
        var scores = rng.Normal(1.0, 2, 3, 4);
        int[,] labels = { { 1, -1, 3 }, { -1, 0, 2 } };
        var loss = new TimeSoftmaxWithLoss();

        double l = loss.Forward(scores, labels);
        var d = loss.Backward();

        double expected = 0;
        var grad = Tensor.Zeros(2, 3, 4);
        foreach (var (i, t, c) in new[] { (0, 0, 1), (0, 2, 3), (1, 1, 0), (1, 2, 2) })
        {
            var row = Enumerable.Range(0, 4).Select(k => scores[i, t, k]).ToArray();
            double lse = Math.Log(row.Sum(Math.Exp));
            expected += (lse - row[c]) / 4;
            for (int k = 0; k < 4; k++) grad[i, t, k] = (Math.Exp(row[k] - lse) - (k == c ? 1 : 0)) / 4;
        }
        l.Should().BeApproximately(expected, 1e-12, "the mean is over the 4 non-ignored positions");
        TensorAssert.Close(d, grad, 1e-14, "(p − onehot)/4 on the others, exactly 0 on the ignored positions");
    }

    [Theory]
    [Trait("Weight", "2")]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(4, 3)]
    public void Uniform_scores_give_log_V_whatever_N_and_T(int n, int t)
    {
        var loss = new TimeSoftmaxWithLoss();

        loss.Forward(Tensor.Zeros(n, t, 5), Labels(new Rng(31), n, t, 5)).Should().BeApproximately(Math.Log(5), 1e-12,
            "the loss is the mean over all N·T positions, not a sum over T nor a mean over N only");
        loss.Backward().ToArray().Sum(Math.Abs).Should().BeApproximately(2 * 0.8, 1e-12, "the gradient is divided by N·T: Σ|p − onehot| over all rows = N·T·1.6 / (N·T)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Equals_the_engine_time_loss_with_a_chosen_ignore_index()
    {
        var rng = new Rng(32);
        var scores = rng.Normal(2.0, 3, 4, 6);
        var labels = Labels(rng, 3, 4, 6);
        labels[1, 2] = labels[2, 0] = 5;
        var loss = new TimeSoftmaxWithLoss(ignoreIndex: 5);
        var reference = new EngineLayers.TimeSoftmaxWithLoss<double>(ignoreIndex: 5);

        loss.IgnoreIndex.Should().Be(5);
        loss.Forward(scores, labels).Should().BeApproximately(reference.Forward(scores, labels), 1e-12, "the ignore index passed to the constructor is used");
        TensorAssert.Close(loss.Backward(), reference.Backward(), 1e-14, "same gradient as the engine");
    }

    [Fact]
    public void A_label_outside_the_scores_throws_but_the_last_class_is_valid()
    {
        var loss = new TimeSoftmaxWithLoss();
        var scores = Tensor.Zeros(1, 2, 3);

        loss.Forward(scores, new[,] { { 2, 0 } }).Should().BeApproximately(Math.Log(3), 1e-12, "label V − 1 is the last class");
        var act = () => loss.Forward(scores, new[,] { { 3, 0 } });
        act.Should().Throw<ArgumentException>("label 3 is outside [0, 3)");
    }

    [Fact]
    public void All_positions_ignored_gives_loss_0_and_a_zero_gradient_without_NaN()
    {
        var loss = new TimeSoftmaxWithLoss();

        loss.Forward(new Rng(33).Normal(1.0, 2, 2, 3), new[,] { { -1, -1 }, { -1, -1 } }).Should().Be(0);
        loss.Backward().ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Large_scores_stay_finite_and_Backward_twice_is_identical_without_changing_the_scores()
    {
        var scores = Tensor.From([1000.0, 0.0, -1000.0, 500.0, 501.0, 499.0], 1, 2, 3);
        var s0 = scores.ToArray();
        var loss = new TimeSoftmaxWithLoss();

        double l = loss.Forward(scores, new[,] { { 2, 1 } });
        var first = loss.Backward();
        var second = loss.Backward();

        double.IsFinite(l).Should().BeTrue("use the max-subtracted softmax");
        l.Should().BeApproximately((2000 + (Math.Log(Math.Exp(-1) + 1 + Math.Exp(-2)))) / 2, 1e-9);
        scores.ToArray().Should().Equal(s0, "Forward must not change the scores");
        TensorAssert.Close(second, first, 0, "Backward twice gives the same gradient");
    }
}
