// Kills: D7-M5 read-out trained on the washout states, or the reservoir not rescaled to ρ; ridge, leak or inputScale
// ignored; W and Win drawn in another order or range; Fit not restarting from x = 0; Predict restarting instead of
// continuing from Fit's last state; the reservoir changed by Fit.
namespace Course.Day07.Tests;

[Trait("Exercise", "7.2")]
public class EchoStateNetworkTests
{
    /// <summary>The test-side reservoir: x ← (1 − a)x + a·tanh(Win·[1, u] + W·x) from the network's own weights.</summary>
    private static double[][] States(EchoStateNetwork esn, double[] input, double[] start, double leak)
    {
        int n = start.Length;
        var x = (double[])start.Clone();
        var all = new double[input.Length][];
        for (int t = 0; t < input.Length; t++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
            {
                double a = esn.InputWeights[i, 0] + esn.InputWeights[i, 1] * input[t];
                for (int j = 0; j < n; j++) a += esn.Reservoir[i, j] * x[j];
                next[i] = (1 - leak) * x[i] + leak * Math.Tanh(a);
            }
            all[t] = x = next;
        }
        return all;
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Mackey_Glass_one_step_test_NRMSE_is_below_0_01_and_follows_the_reference()
    {
        double nrmse = Reference.EsnTestNrmse.Value;

        nrmse.Should().BeLessThan(0.01, "N = 200, ρ = 0.9, input scale 0.5, leak 1, ridge 1e-6, washout 100 predicts Mackey–Glass closely");
        nrmse.Should().BeApproximately(0.0006781710260915525, 1e-7, "the reference test NRMSE");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Without_recurrence_rho_0_the_error_is_that_of_repeating_the_last_value()
    {
        Reference.EsnNrmse(0.0, new Rng(73)).Should().BeApproximately(0.14617900723573474, 1e-6,
            "ρ = 0 leaves only the current input: no memory, about the persistence error 0.146");
    }

    [Fact]
    [Trait("Weight", "5")]
    public void The_read_out_solves_the_ridge_normal_equations_over_the_states_after_the_washout_and_Predict_continues()
    {
        var esn = new EchoStateNetwork(12, 0.8, 0.7, 0.3, new Rng(5));
        var u = Sequences.MackeyGlass(161).Select(v => Math.Tanh(v - 1)).ToArray();
        double[] input = u[..120], target = u[1..121];

        esn.Fit(input, target, 15, 1e-2);

        var states = States(esn, input, new double[12], 0.3);
        int rows = 120 - 15, f = 14;
        var x = Tensor.Zeros(rows, f);
        var y = Tensor.Zeros(rows, 1);
        for (int r = 0; r < rows; r++)
        {
            x[r, 0] = 1; x[r, 1] = input[r + 15];
            for (int j = 0; j < 12; j++) x[r, 2 + j] = states[r + 15][j];
            y[r, 0] = target[r + 15];
        }
        var a = Ops.MatMul(x, x, transA: true);
        for (int i = 0; i < f; i++) a[i, i] += 1e-2;
        var expected = Linalg.Solve(a, Ops.MatMul(x, y, transA: true)).Reshape(1, f);
        TensorAssert.Close(esn.Wout!, expected, 1e-8, "(XᵀX + λI)·Woutᵀ = Xᵀy over the rows [1, uₜ, xₜ] AFTER the washout, λ = ridge, leak 0.3");

        var predicted = esn.Predict(u[120..160]);
        var cont = States(esn, u[120..160], states[^1], 0.3);
        for (int t = 0; t < 40; t++)
        {
            double s = expected[0, 0] + expected[0, 1] * u[120 + t];
            for (int j = 0; j < 12; j++) s += expected[0, 2 + j] * cont[t][j];
            predicted[t].Should().BeApproximately(s, 1e-8, $"Predict continues the state from the end of Fit (step {t})");
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void W_is_uniform_rescaled_to_rho_and_Win_follows_uniform_within_the_input_scale()
    {
        var rng = new Rng(8);
        var w = rng.Uniform(-0.5, 0.5, 30, 30);
        var win = rng.Uniform(-0.25, 0.25, 30, 2);
        var esn = new EchoStateNetwork(30, 1.2, 0.25, 1.0, new Rng(8));

        Linalg.SpectralRadius(esn.Reservoir).Should().BeApproximately(1.2, 1e-9, "the reservoir is rescaled to the requested spectral radius");
        TensorAssert.Close(esn.Reservoir, w * (1.2 / Linalg.SpectralRadius(w)), 1e-12, "W = rng.Uniform(−0.5, 0.5, N, N) drawn first, times ρ / ρ(W)");
        TensorAssert.Close(esn.InputWeights, win, 0, "Win = rng.Uniform(−inputScale, inputScale, N, 2) drawn second");
        Linalg.SpectralRadius(new EchoStateNetwork(30, 0.5, 1, 1, new Rng(9)).Reservoir).Should().BeApproximately(0.5, 1e-9, "the radius argument is used");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Fit_leaves_W_and_Win_unchanged_and_restarts_from_a_zero_state()
    {
        var esn = new EchoStateNetwork(20, 0.9, 0.5, 1.0, new Rng(10));
        var w = esn.Reservoir.Clone();
        var win = esn.InputWeights.Clone();
        var u = Sequences.MackeyGlass(200).Select(v => Math.Tanh(v - 1)).ToArray();

        esn.Fit(u[..150], u[1..151], 10, 1e-6);
        var first = esn.Wout!.Clone();
        esn.Predict(u[150..199]);
        esn.Fit(u[..150], u[1..151], 10, 1e-6);

        TensorAssert.Close(esn.Reservoir, w, 0, "only the read-out is trained");
        TensorAssert.Close(esn.InputWeights, win, 0, "only the read-out is trained");
        TensorAssert.Close(esn.Wout!, first, 1e-12, "Fit starts from x = 0 whatever the state was");
    }
}
