using Course.Engine.Autograd;
using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class AutogradTests
{
    /// <summary>Checks d(Σ f(x) ⊙ R)/dx from the tape against central differences.</summary>
    private static void CheckUnary(Func<Variable, Variable> f, Tensor<double> x, double tolerance = 1e-7)
    {
        var rng = new Rng(7);
        var probe = f(new Variable(x.Clone()));
        var r = rng.Normal(1.0, probe.Data.ShapeArray);
        var leaf = new Variable(x.Clone());
        (f(leaf) * new Variable(r)).Sum().Backward();
        var point = x.Clone();
        var numeric = NumericGradient.Of(() => (f(new Variable(point)).Data * r).Sum(), point);
        NumericGradient.MaxRelativeError(leaf.Grad!, numeric).Should().BeLessThan(tolerance);
    }

    [Fact]
    public void The_micrograd_example_gives_the_chain_rule_values()
    {
        // L = tanh(a·b + c) with a = 2, b = −3, c = 10 → a·b + c = 4; dL/da = (1 − tanh²4)·b.
        var a = new Variable(Tensor<double>.Scalar(2));
        var b = new Variable(Tensor<double>.Scalar(-3));
        var c = new Variable(Tensor<double>.Scalar(10));
        var loss = (a * b + c).Tanh();
        loss.Backward();
        double d = 1 - Math.Tanh(4) * Math.Tanh(4);
        loss.Data.Span[0].Should().BeApproximately(Math.Tanh(4), 1e-15);
        a.Grad!.Span[0].Should().BeApproximately(d * -3, 1e-15);
        b.Grad!.Span[0].Should().BeApproximately(d * 2, 1e-15);
        c.Grad!.Span[0].Should().BeApproximately(d, 1e-15);
    }

    [Fact]
    public void A_node_used_twice_receives_both_gradient_contributions()
    {
        var x = new Variable(Tensor<double>.Scalar(3));
        (x * x + x).Backward();
        x.Grad!.Span[0].Should().Be(7);
    }

    [Fact]
    public void Elementwise_functions_match_central_differences()
    {
        var rng = new Rng(120);
        var x = rng.Normal(1.0, 3, 4);
        var positive = Ops.Abs(x) + 0.5;
        CheckUnary(v => v.Exp(), x);
        CheckUnary(v => v.Log(), positive);
        CheckUnary(v => v.Tanh(), x);
        CheckUnary(v => v.Sigmoid(), x);
        CheckUnary(v => v.Relu(), NumericGradient.AwayFromZero(rng, 1e-3, 3, 4));
        CheckUnary(v => v.Square(), x);
        CheckUnary(v => v.Sqrt(), positive);
        CheckUnary(v => v.Softplus(), x * 3.0);
        CheckUnary(v => -v / (v * v + 1.0) - 2.0 * v, x);
    }

    [Fact]
    public void Reductions_softmax_and_shape_operations_match_central_differences()
    {
        var rng = new Rng(121);
        var x = rng.Normal(1.0, 3, 4);
        CheckUnary(v => v.Sum(0), x);
        CheckUnary(v => v.Sum(1, keepDims: true), x);
        CheckUnary(v => v.Mean(), x);
        CheckUnary(v => v.Mean(1), x);
        CheckUnary(v => v.Softmax(), x);
        CheckUnary(v => v.LogSoftmax(), x);
        CheckUnary(v => v.Reshape(2, 6), x);
        CheckUnary(v => v.Transpose(), x);
        CheckUnary(v => v.Slice(1, 1, 2), x);
        CheckUnary(v => Variable.Concat(1, v, v.Slice(1, 0, 1).Exp()), x);
    }

    [Fact]
    public void Broadcast_gradients_are_summed_back_to_each_operand_shape()
    {
        var rng = new Rng(122);
        var a = new Variable(rng.Normal(1.0, 3, 4));
        var row = new Variable(rng.Normal(1.0, 4));
        var column = new Variable(rng.Normal(1.0, 3, 1));
        var r = rng.Normal(1.0, 3, 4);
        ((a + row) * column * new Variable(r)).Sum().Backward();

        row.Grad!.ShapeArray.Should().Equal(4);
        column.Grad!.ShapeArray.Should().Equal(3, 1);
        TensorAssert.Close(row.Grad!, (column.Data * r).Sum(0), 1e-14);
        TensorAssert.Close(column.Grad!, ((a.Data + row.Data) * r).Sum(1, keepDims: true), 1e-14);
    }

    [Fact]
    public void MatMul_and_division_gradients_match_central_differences()
    {
        var rng = new Rng(123);
        var w = rng.Normal(1.0, 4, 2);
        CheckUnary(v => v.MatMul(new Variable(w)), rng.Normal(1.0, 3, 4));
        var x = rng.Normal(1.0, 3, 4);
        CheckUnary(v => new Variable(x).MatMul(v), w);
        var num = rng.Normal(1.0, 2, 3);
        CheckUnary(v => new Variable(num) / (v.Square() + 1.0), rng.Normal(1.0, 2, 3));
    }

    [Fact]
    public void The_tape_reproduces_TimeLstm_gradients_exactly_enough()
    {
        var rng = new Rng(124);
        int n = 2, steps = 3, d = 3, h = 2;
        var lstm = new TimeLstm<double>(d, h, rng.Fork("init"));
        lstm.B.Value.CopyFrom(rng.Normal(0.5, 4 * h));
        var x = rng.Normal(1.0, n, steps, d);
        var r = rng.Normal(1.0, n, steps, h);
        lstm.Forward(x);
        var dx = lstm.Backward(r);

        var wx = Variable.Of(lstm.Wx);
        var wh = Variable.Of(lstm.Wh);
        var b = Variable.Of(lstm.B);
        var xv = new Variable(x.Clone());
        var hv = new Variable(Tensor<double>.Zeros(n, h));
        var cv = new Variable(Tensor<double>.Zeros(n, h));
        Variable? loss = null;
        for (int t = 0; t < steps; t++)
        {
            var xt = xv.Slice(1, t, 1).Reshape(n, d);
            var a = xt.MatMul(wx.Transpose()) + hv.MatMul(wh.Transpose()) + b;
            var i = a.Slice(1, 0, h).Sigmoid();
            var f = a.Slice(1, h, h).Sigmoid();
            var g = a.Slice(1, 2 * h, h).Tanh();
            var o = a.Slice(1, 3 * h, h).Sigmoid();
            cv = f * cv + i * g;
            hv = o * cv.Tanh();
            var term = (hv * new Variable(r.Slice(1, t, 1).Reshape(n, h))).Sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.Backward();

        TensorAssert.Close(xv.Grad!, dx, 1e-13);
        TensorAssert.Close(wx.Grad!, lstm.Wx.Grad, 1e-13);
        TensorAssert.Close(wh.Grad!, lstm.Wh.Grad, 1e-13);
        TensorAssert.Close(b.Grad!, lstm.B.Grad, 1e-13);
    }

    [Fact]
    public void The_tape_reproduces_TimeGru_gradients_including_the_initial_state()
    {
        var rng = new Rng(127);
        int n = 2, steps = 3, d = 2, h = 3;
        var gru = new TimeGru<double>(d, h, rng.Fork("init"));
        gru.Bx.Value.CopyFrom(rng.Normal(0.5, 3 * h));
        gru.Bh.Value.CopyFrom(rng.Normal(0.5, 3 * h));
        var x = rng.Normal(1.0, n, steps, d);
        var h0 = rng.Normal(1.0, n, h);
        var r = rng.Normal(1.0, n, steps, h);
        gru.State = h0;
        gru.Forward(x);
        var dx = gru.Backward(r);

        var wx = Variable.Of(gru.Wx);
        var wh = Variable.Of(gru.Wh);
        var bx = Variable.Of(gru.Bx);
        var bh = Variable.Of(gru.Bh);
        var xv = new Variable(x.Clone());
        var h0v = new Variable(h0.Clone());
        var hv = h0v;
        Variable? loss = null;
        for (int t = 0; t < steps; t++)
        {
            var gx = xv.Slice(1, t, 1).Reshape(n, d).MatMul(wx.Transpose()) + bx;
            var gh = hv.MatMul(wh.Transpose()) + bh;
            var reset = (gx.Slice(1, 0, h) + gh.Slice(1, 0, h)).Sigmoid();
            var update = (gx.Slice(1, h, h) + gh.Slice(1, h, h)).Sigmoid();
            var candidate = (gx.Slice(1, 2 * h, h) + reset * gh.Slice(1, 2 * h, h)).Tanh();
            hv = (1.0 - update) * candidate + update * hv;
            var term = (hv * new Variable(r.Slice(1, t, 1).Reshape(n, h))).Sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.Backward();

        TensorAssert.Close(xv.Grad!, dx, 1e-13);
        TensorAssert.Close(h0v.Grad!, gru.StateGrad!, 1e-13);
        TensorAssert.Close(wx.Grad!, gru.Wx.Grad, 1e-13);
        TensorAssert.Close(wh.Grad!, gru.Wh.Grad, 1e-13);
        TensorAssert.Close(bx.Grad!, gru.Bx.Grad, 1e-13);
        TensorAssert.Close(bh.Grad!, gru.Bh.Grad, 1e-13);
    }

    [Fact]
    public void The_tape_reproduces_BatchNorm_gradients()
    {
        var rng = new Rng(125);
        var bn = new BatchNorm<double>(3);
        bn.Gamma.Value.CopyFrom(rng.Normal(1.0, 3));
        var x = rng.Normal(2.0, 5, 3);
        var r = rng.Normal(1.0, 5, 3);
        bn.Forward(x);
        var dx = bn.Backward(r);

        var xv = new Variable(x.Clone());
        var gamma = Variable.Of(bn.Gamma);
        var beta = Variable.Of(bn.Beta);
        var centred = xv - xv.Mean(0, keepDims: true);
        var variance = centred.Square().Mean(0, keepDims: true);
        var y = centred / (variance + 1e-5).Sqrt() * gamma + beta;
        (y * new Variable(r)).Sum().Backward();

        TensorAssert.Close(xv.Grad!, dx, 1e-12);
        TensorAssert.Close(gamma.Grad!, bn.Gamma.Grad, 1e-12);
        TensorAssert.Close(beta.Grad!, bn.Beta.Grad, 1e-12);
    }

    [Fact]
    public void Apply_runs_an_engine_layer_as_one_node_of_a_tape_loss()
    {
        var rng = new Rng(126);
        var conv = new Conv2d<double>(2, 3, 3, rng.Fork("init"), 1, 1);
        var x = rng.Normal(1.0, 2, 2, 4, 4);
        var xv = new Variable(x.Clone());
        Variable.Apply(conv, xv).Tanh().Square().Mean().Backward();
        var point = x.Clone();
        var numeric = NumericGradient.Of(() => Ops.Square(Ops.Tanh(conv.Forward(point))).Mean(), point);
        NumericGradient.MaxRelativeError(xv.Grad!, numeric).Should().BeLessThan(1e-7);
    }

    [Fact]
    public void Softplus_stays_finite_for_extreme_logits_and_gives_bce_with_logits()
    {
        var logits = new Variable(Tensor<double>.From([1000.0, -1000, 0], 3));
        var targets = new Variable(Tensor<double>.From([0.0, 1, 1], 3));
        var loss = (logits.Softplus() - targets * logits).Mean();
        loss.Backward();
        loss.Data.Span[0].Should().BeApproximately((1000 + 1000 + Math.Log(2)) / 3, 1e-12);
        logits.Grad!.ToArray().Should().Equal(1.0 / 3, -1.0 / 3, (0.5 - 1) / 3);
    }

    [Fact]
    public void Backward_on_a_non_scalar_without_a_seed_throws()
    {
        var v = new Variable(Tensor<double>.Ones(2, 2)).Exp();
        v.Invoking(x => x.Backward()).Should().Throw<InvalidOperationException>().WithMessage("*seed*");
    }
}
