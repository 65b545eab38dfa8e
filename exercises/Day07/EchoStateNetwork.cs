namespace Course.Day07;

/// <summary>Exercise 7.2 — an echo state network: a fixed random reservoir and a ridge-regression read-out (lesson §7.2).</summary>
/// <remarks>
/// Draws, in order: W (N, N) from <c>rng.Uniform(−0.5, 0.5, N, N)</c>, rescaled so that its spectral radius is
/// <c>spectralRadius</c> (via <see cref="Linalg.SpectralRadius"/>), then Win (N, 2) from
/// <c>rng.Uniform(−inputScale, inputScale, N, 2)</c>, acting on [1, u]. State update
/// x ← (1 − leak)·x + leak·tanh(Win·[1, u] + W·x). The read-out is y = Wout·[1, u, x]; only Wout is trained.
/// </remarks>
public sealed class EchoStateNetwork
{
    public EchoStateNetwork(int reservoir, double spectralRadius, double inputScale, double leak, Rng rng) =>
        throw new NotImplementedException(
            "EchoStateNetwork: W を一様分布から引き、スペクトル半径が指定の値になるよう全体を定数倍します。次に Win を引きます（lesson §7.2）。");

    /// <summary>W (N, N) after rescaling.</summary>
    public Tensor Reservoir => throw new NotImplementedException("EchoStateNetwork.Reservoir: 定数倍したあとの W（lesson §7.2）。");

    /// <summary>Win (N, 2): column 0 multiplies the constant 1, column 1 the input u.</summary>
    public Tensor InputWeights => throw new NotImplementedException("EchoStateNetwork.InputWeights: [1, u] に掛かる Win（lesson §7.2）。");

    public double Leak => throw new NotImplementedException("EchoStateNetwork.Leak（lesson §7.2）。");

    /// <summary>The trained read-out (1, N + 2) over the features [1, u, x]; null before <see cref="Fit"/>.</summary>
    public Tensor? Wout => throw new NotImplementedException("EchoStateNetwork.Wout: 特徴 [1, u, x] に掛かる読み出し（lesson §7.2）。");

    /// <summary>The current reservoir state x (N).</summary>
    public double[] State => throw new NotImplementedException("EchoStateNetwork.State: 現在の状態 x のコピー（lesson §7.2）。");

    /// <summary>
    /// Runs the reservoir from x = 0 over <paramref name="input"/>, drops the first <paramref name="washout"/> states,
    /// and solves (XᵀX + λI)·Woutᵀ = Xᵀy over the rest, X's rows [1, uₜ, xₜ]. The state stays at the end of the input.
    /// </summary>
    public void Fit(double[] input, double[] target, int washout, double ridge) =>
        throw new NotImplementedException(
            "EchoStateNetwork.Fit: 状態 0 から入力を流し、最初の washout 個の状態は捨ててからリッジ回帰の正規方程式を解きます（lesson §7.2）。");

    /// <summary>One-step-ahead outputs Wout·[1, uₜ, xₜ] for each input, continuing from the current state (and advancing it).</summary>
    public double[] Predict(double[] input) =>
        throw new NotImplementedException("EchoStateNetwork.Predict: Fit の最後の状態から続けて更新し、各時刻で読み出しを掛けます（lesson §7.2）。");
}
