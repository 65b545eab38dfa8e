using System.Globalization;
using Course.Day01;
using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day01;

/// <summary>
/// The worked numbers of curriculum/day01-mlp-backprop/lesson.md, recomputed from the reference solutions (and the engine
/// for tanh and Leaky ReLU). Each test names its lesson section; the strings are the digits the lesson prints.
/// </summary>
public sealed class Day01LessonNumbers
{
    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string[] F(Tensor t, int digits) => t.ToArray().Select(v => F(v, digits)).ToArray();

    private static double[] Derivative(ILayer<double> layer, double[] xs)
    {
        layer.Forward(Tensor.From(xs));
        return layer.Backward(Tensor.Ones(xs.Length)).ToArray();
    }

    [Fact]
    public void S1_1_gate_sums_of_the_worked_example()
    {
        F(0.5 * 1 + 0.5 * 1 - 0.7, 1).Should().Be("0.3");
        F(0.5 * 0 + 0.5 * 1 - 0.7, 1).Should().Be("-0.2");
        F(0.5 * 1 + 0.5 * 0 - 0.2, 1).Should().Be("0.3");
        Perceptron.And(1, 1).Should().Be(1);
        Perceptron.And(0, 1).Should().Be(0);
    }

    [Fact]
    public void S1_2_derivative_table_comes_from_the_layers_backward()
    {
        double[] xs = [-2, -0.5, 0, 0.5, 2];
        Derivative(new SigmoidLayer(), xs).Select(v => F(v, 4)).Should().Equal("0.1050", "0.2350", "0.2500", "0.2350", "0.1050");
        Derivative(new Tanh<double>(), xs).Select(v => F(v, 4)).Should().Equal("0.0707", "0.7864", "1.0000", "0.7864", "0.0707");
        Derivative(new ReluLayer(), xs).Should().Equal(0, 0, 0, 1, 1);
        Derivative(new LeakyRelu<double>(0.01), xs).Should().Equal(0.01, 0.01, 0.01, 1, 1);
    }

    [Fact]
    public void S1_2_tanh_at_2_and_ten_sigmoid_layers()
    {
        F(Math.Tanh(2), 3).Should().Be("0.964");
        F(1 - Math.Pow(0.964, 2), 3).Should().Be("0.071");
        Math.Pow(0.25, 10).ToString("0.00E+0", CultureInfo.InvariantCulture).Should().Be("9.54E-7");
        var s = Activations.Sigmoid(Tensor.From([0.0]))[0];
        (s * (1 - s)).Should().Be(0.25);
    }

    [Fact]
    public void S1_3_sigmoid_on_the_output_is_the_mistake_value()
    {
        var (_, _, _, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));
        F(Activations.Sigmoid(y)[0], 3).Should().Be("0.579");
        F(y, 4).Should().Equal("0.3168", "0.6963");
    }

    [Fact]
    public void S1_4_gaussian_likelihood_gives_the_sum_of_squares()
    {
        var (_, _, _, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));
        var t = Tensor.From([0.0, 1.0]);
        double sse = Losses.SumOfSquares(y, t);
        F(sse, 6).Should().Be("0.096313");
        double constant = 2 * 0.5 * Math.Log(2 * Math.PI);
        F(constant, 6).Should().Be("1.837877");
        double nll = 0;
        for (int k = 0; k < 2; k++)
            nll -= Math.Log(Math.Exp(-Math.Pow(t[k] - y[k], 2) / 2) / Math.Sqrt(2 * Math.PI));   // −ln N(t_k | y_k, 1)
        F(nll, 6).Should().Be("1.934190");
        F(y - t, 6).Should().Equal("0.316827", "-0.303721");   // identity + MSE: ∂L/∂a = y − t
    }

    [Fact]
    public void S1_4_bernoulli_and_categorical_examples()
    {
        var g = Day01Runs.Graph();
        F(g.Y, 4).Should().Be("0.7311");
        F(g.L, 4).Should().Be("0.3133");
        var p = Losses.Softmax(Tensor.From([0.316827076411, 0.696279089862]));
        F(p, 4).Should().Equal("0.4063", "0.5937");
        F(-Math.Log(p[1]), 6).Should().Be("0.521312");
        F(-Math.Log10(0.6), 2).Should().Be("0.22");
    }

    [Fact]
    public void S1_4_sigmoid_with_squared_error_learns_150_times_slower_when_confidently_wrong()
    {
        double y = Activations.Sigmoid(Tensor.From([-5.0]))[0];
        F(y, 6).Should().Be("0.006693");
        double mse = (y - 1) * y * (1 - y), bce = y - 1;
        F(mse, 6).Should().Be("-0.006604");
        F(bce, 6).Should().Be("-0.993307");
        Math.Round(bce / mse).Should().Be(150);
    }

    [Fact]
    public void S1_5_numerical_gradient_of_the_64_50_10_net_needs_7520_forward_passes()
    {
        int parameters = (64 + 1) * 50 + (50 + 1) * 10;
        parameters.Should().Be(3760);
        (2 * parameters).Should().Be(7520);
    }

    [Fact]
    public void S1_6_computational_graph_values()
    {
        var g = Day01Runs.Graph();
        (g.U, g.A).Should().Be((2.0, 1.0));
        F(g.DLdY, 4).Should().Be("-1.3679");
        F(g.Y * (1 - g.Y), 4).Should().Be("0.1966");
        F(1 - g.Y, 4).Should().Be("0.2689");
        F(g.DLdA, 4).Should().Be("-0.2689");
        g.DLdA.Should().BeApproximately(g.Y - 1, 1e-15, "sigmoid + BCE: ∂L/∂a = y − t");
        F(g.DLdU, 4).Should().Be("-0.2689");
        F(g.DLdB, 4).Should().Be("-0.2689");
        F(g.DLdW, 4).Should().Be("-0.2689");
        F(g.DLdX, 4).Should().Be("-0.5379");

        // The lesson invites a central-difference check of ∂L/∂w.
        var w = Tensor.From([2.0]);
        var numeric = NumericalGradient.Compute(v => -Math.Log(1 / (1 + Math.Exp(-(v[0] * 1.0 - 1.0)))), w);
        numeric[0].Should().BeApproximately(g.DLdW, 1e-8);
    }

    [Fact]
    public void S1_6_affine_backward_worked_example()
    {
        var layer = new AffineLayer(Tensor.From(new[,] { { 0.1, 0.2, 0.3 }, { 0.4, 0.5, 0.6 } }), Tensor.From([0.1, -0.1]));
        var y = layer.Forward(Tensor.From(new[,] { { 1.0, 2.0, 0.0 }, { 0.0, 1.0, -1.0 } }));
        var dx = layer.Backward(Tensor.From(new[,] { { 1.0, -1.0 }, { 0.5, 2.0 } }));

        y.ShapeArray.Should().Equal(2, 2);
        F(y, 1).Should().Equal("0.6", "1.3", "0.0", "-0.2");
        dx.ShapeArray.Should().Equal(2, 3);
        F(dx, 2).Should().Equal("-0.30", "-0.30", "-0.30", "0.85", "1.10", "1.35");
        layer.W.Grad.ShapeArray.Should().Equal(2, 3);
        F(layer.W.Grad, 1).Should().Equal("1.0", "2.5", "-0.5", "-1.0", "0.0", "-2.0");
        F(layer.B.Grad, 1).Should().Equal("1.5", "1.0");
    }

    [Fact]
    public void S1_6_softmax_jacobian_route_equals_y_minus_t()
    {
        var p = Losses.Softmax(Tensor.From([0.316827076411, 0.696279089862]));
        double y0 = p[0], y1 = p[1];
        F(y0 * y1, 6).Should().Be("0.241213");
        double dLdy1 = -1 / y1;
        F(dLdy1, 6).Should().Be("-1.684236");
        double[] viaJacobian = [dLdy1 * (-y1 * y0), dLdy1 * y1 * (1 - y1)];   // Σ_k ∂L/∂y_k · y_k(δ_kj − y_j), t = [0, 1]
        viaJacobian.Select(v => F(v, 6)).Should().Equal("0.406259", "-0.406259");

        var loss = new SoftmaxWithLoss();
        loss.Forward(Tensor.From(new[,] { { 0.316827076411, 0.696279089862 } }), [1]);
        var grad = loss.Backward();
        grad[0, 0].Should().BeApproximately(viaJacobian[0], 1e-12);
        grad[0, 1].Should().BeApproximately(viaJacobian[1], 1e-12);
    }

    [Fact]
    public void S1_6_softmax_with_loss_batch_example()
    {
        var scores = Tensor.From(new[,] { { 1.0, 2.0, 3.0 }, { 1.0, 1.0, 1.0 } });
        F(Losses.Softmax(scores), 6).Should().Equal("0.090031", "0.244728", "0.665241", "0.333333", "0.333333", "0.333333");
        var layer = new SoftmaxWithLoss();
        double loss = layer.Forward(scores, [2, 0]);
        F(-Math.Log(Losses.Softmax(scores)[0, 2]), 6).Should().Be("0.407606");
        F(Math.Log(3), 6).Should().Be("1.098612");
        F(loss, 6).Should().Be("0.753109");
        var grad = layer.Backward();
        F(grad, 6).Should().Equal("0.045015", "0.122364", "-0.167380", "-0.333333", "0.166667", "0.166667");
        grad.Sum(axis: 1).ToArray().Should().AllSatisfy(v => Math.Abs(v).Should().BeLessThan(1e-15));
    }

    [Fact]
    public void S1_7_updates_per_epoch()
    {
        int batches = (1437 + 31) / 32;
        batches.Should().Be(45);
        (1437 - 44 * 32).Should().Be(29);
        (batches * 30).Should().Be(1350);
    }

    [Fact]
    public void S1_7_xor_run_of_the_notebook()
    {
        var (_, _, accuracyBefore, history, _) = Day01Runs.Xor();
        accuracyBefore.ToString("P1", CultureInfo.InvariantCulture).Should().Be("73.8 %");
        history.TrainAccuracy[^1].ToString("P1", CultureInfo.InvariantCulture).Should().Be("100.0 %");
        F(history.Loss[^1], 4).Should().Be("0.0006");
    }

    [Fact]
    public void S1_7_digits_run_of_the_notebook()
    {
        var (net, history) = Day01Runs.Digits64();
        string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        (F(history.Loss[0], 4), P(history.TrainAccuracy[0]), P(history.TestAccuracy[0])).Should().Be(("1.3602", "57.8 %", "55.8 %"));
        (F(history.Loss[^1], 4), P(history.TrainAccuracy[^1]), P(history.TestAccuracy[^1])).Should().Be(("0.0121", "99.9 %", "96.4 %"));

        var (_, test) = Course.Engine.Data.Digits.Load();
        int[] predicted = net.Predict(test.X).ArgMax(axis: 1);
        Enumerable.Range(0, test.Count).Count(i => predicted[i] != test.Y[i]).Should().Be(13);
    }
}
