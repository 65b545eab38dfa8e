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
    private double[] _state;

    public EchoStateNetwork(int reservoir, double spectralRadius, double inputScale, double leak, Rng rng)
    {
        if (reservoir < 1) throw new ArgumentException($"EchoStateNetwork: reservoir must be ≥ 1, got {reservoir}.");
        if (!(spectralRadius >= 0)) throw new ArgumentException($"EchoStateNetwork: spectralRadius must be ≥ 0, got {spectralRadius}.");
        if (!(leak > 0 && leak <= 1)) throw new ArgumentException($"EchoStateNetwork: leak must be in (0, 1], got {leak}.");
        ArgumentNullException.ThrowIfNull(rng);
        var w = rng.Uniform(-0.5, 0.5, reservoir, reservoir);
        double rho = Linalg.SpectralRadius(w);
        // the radius sets how long the reservoir remembers: below 1 the echo of an input fades geometrically
        Reservoir = rho > 0 ? w * (spectralRadius / rho) : w;
        InputWeights = rng.Uniform(-inputScale, inputScale, reservoir, 2);
        Leak = leak;
        _state = new double[reservoir];
    }

    /// <summary>W (N, N) after rescaling.</summary>
    public Tensor Reservoir { get; }

    /// <summary>Win (N, 2): column 0 multiplies the constant 1, column 1 the input u.</summary>
    public Tensor InputWeights { get; }

    public double Leak { get; }

    /// <summary>The trained read-out (1, N + 2) over the features [1, u, x]; null before <see cref="Fit"/>.</summary>
    public Tensor? Wout { get; private set; }

    /// <summary>The current reservoir state x (N).</summary>
    public double[] State => (double[])_state.Clone();

    /// <summary>
    /// Runs the reservoir from x = 0 over <paramref name="input"/>, drops the first <paramref name="washout"/> states
    /// (they still remember the arbitrary start), and solves (XᵀX + λI)·Woutᵀ = Xᵀy over the rest, X's rows [1, uₜ, xₜ].
    /// The state stays at the end of the input, so <see cref="Predict"/> continues from there.
    /// </summary>
    public void Fit(double[] input, double[] target, int washout, double ridge)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Length != target.Length) throw new ArgumentException($"EchoStateNetwork.Fit: input has {input.Length} values but target {target.Length}.");
        if (washout < 0 || washout >= input.Length) throw new ArgumentException($"EchoStateNetwork.Fit: washout must be in [0, {input.Length}), got {washout}.");
        int n = _state.Length, f = n + 2, rows = input.Length - washout;
        _state = new double[n];
        var x = Tensor.Zeros(rows, f);
        var y = Tensor.Zeros(rows, 1);
        var xs = x.Span;
        for (int t = 0; t < input.Length; t++)
        {
            Step(input[t]);
            if (t < washout) continue;
            int r = t - washout;
            xs[r * f] = 1.0;
            xs[r * f + 1] = input[t];
            _state.AsSpan().CopyTo(xs.Slice(r * f + 2, n));
            y.Span[r] = target[t];
        }
        var a = Ops.MatMul(x, x, transA: true);
        var sa = a.Span;
        for (int i = 0; i < f; i++) sa[i * f + i] += ridge;
        var b = Ops.MatMul(x, y, transA: true);
        Wout = Linalg.Solve(a, b).Reshape(1, f);
    }

    /// <summary>One-step-ahead outputs Wout·[1, uₜ, xₜ] for each input, continuing from the current state (and advancing it).</summary>
    public double[] Predict(double[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var wout = (Wout ?? throw new InvalidOperationException("EchoStateNetwork.Predict called before Fit.")).Span;
        int n = _state.Length;
        var y = new double[input.Length];
        for (int t = 0; t < input.Length; t++)
        {
            Step(input[t]);
            double s = wout[0] + wout[1] * input[t];
            for (int j = 0; j < n; j++) s += wout[2 + j] * _state[j];
            y[t] = s;
        }
        return y;
    }

    private void Step(double u)
    {
        int n = _state.Length;
        var w = Reservoir.Span;
        var win = InputWeights.Span;
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = win[2 * i] + win[2 * i + 1] * u;
            for (int j = 0; j < n; j++) a += w[i * n + j] * _state[j];
            next[i] = (1 - Leak) * _state[i] + Leak * Math.Tanh(a);
        }
        _state = next;
    }
}
