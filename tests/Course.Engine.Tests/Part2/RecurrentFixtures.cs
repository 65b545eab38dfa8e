namespace Course.Engine.Tests.Part2;

/// <summary>
/// Small fixed weights whose LSTM/GRU outputs were computed independently (plain-Python transcription of the PyTorch
/// equations, /tmp script recorded in the test comments): D = 2, H = 2, N = 1, three steps.
/// </summary>
internal static class RecurrentFixtures
{
    public const int D = 2, H = 2;

    /// <summary>W[r, c] = 0.1·((r·cols + c) mod 5) − 0.2.</summary>
    public static Tensor<double> InputWeights(int gates) => Fill(gates * H, D, (r, c) => 0.1 * ((r * D + c) % 5) - 0.2);

    /// <summary>W[r, c] = 0.05·((r·cols + c) mod 7) − 0.15.</summary>
    public static Tensor<double> HiddenWeights(int gates) => Fill(gates * H, H, (r, c) => 0.05 * ((r * H + c) % 7) - 0.15);

    /// <summary>b[r] = 0.01·r − 0.03.</summary>
    public static Tensor<double> Bias(int gates) => Tensor<double>.From(Enumerable.Range(0, gates * H).Select(r => 0.01 * r - 0.03).ToArray(), gates * H);

    /// <summary>GRU hidden bias bh[r] = 0.02 − 0.015·r.</summary>
    public static Tensor<double> GruHiddenBias() => Tensor<double>.From(Enumerable.Range(0, 3 * H).Select(r => 0.02 - 0.015 * r).ToArray(), 3 * H);

    /// <summary>xs (1, 3, 2): [0.5, −1], [1.5, 0.25], [−0.75, 2].</summary>
    public static Tensor<double> Inputs() => Tensor<double>.From([0.5, -1.0, 1.5, 0.25, -0.75, 2.0], 1, 3, 2);

    private static Tensor<double> Fill(int rows, int cols, Func<int, int, double> f)
    {
        var t = Tensor<double>.Zeros(rows, cols);
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) t[r, c] = f(r, c);
        return t;
    }
}
