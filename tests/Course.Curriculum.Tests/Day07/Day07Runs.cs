using Course.Engine;
using Course.Engine.Layers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day07;

/// <summary>
/// The deterministic computations the Day 7 lesson, figures and quiz quote, built from the engine only (LstmCell,
/// GruCell, RnnCell, ScaledDotProductAttention, Linalg) and plain C# for the positional encoding.
/// </summary>
public static class Day07Runs
{
    private static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));

    // ---- §7.1 sinusoidal positional encoding ----

    /// <summary>PE[t, 2i] = sin(t / 10000^{2i/d}), PE[t, 2i+1] = cos(·), as (T, d).</summary>
    public static double[,] PositionalEncoding(int length, int dModel)
    {
        if (dModel % 2 != 0) throw new ArgumentException($"dModel must be even, got {dModel}.");
        var pe = new double[length, dModel];
        for (int t = 0; t < length; t++)
            for (int i = 0; i < dModel / 2; i++)
            {
                double angle = t / Math.Pow(10000.0, 2.0 * i / dModel);
                pe[t, 2 * i] = Math.Sin(angle);
                pe[t, 2 * i + 1] = Math.Cos(angle);
            }
        return pe;
    }

    public static double Dot(double[,] pe, int a, int b)
    {
        double s = 0;
        for (int k = 0; k < pe.GetLength(1); k++) s += pe[a, k] * pe[b, k];
        return s;
    }

    // ---- §7.4 the LSTM worked example: D = H = 1, x = 1, h = 0, c = 0.5 ----

    public static readonly double[] LstmWx = [0.5, 0.2, 0.8, 0.4];   // blocks i, f, g, o
    public static readonly double[] LstmB = [0.0, 1.0, 0.0, 0.0];
    public const double LstmCPrev = 0.5;

    public sealed record LstmExampleResult(double[] Gates, double C, double TanhC, double H, double DcPrev, double[] DA, double DxNumericCheck);

    /// <summary>Forward through an engine LstmCell, then Backward with dH = 1, dC = 0; gates recovered from the cached formulas.</summary>
    public static LstmExampleResult LstmExample()
    {
        var cell = new LstmCell<double>(Tensor.From(LstmWx, 4, 1), Tensor.From([0.3, -0.2, 0.1, 0.6], 4, 1), Tensor.From(LstmB, 4));
        var x = Tensor.From([1.0], 1, 1);
        var h0 = Tensor.Zeros(1, 1);
        var c0 = Tensor.From([LstmCPrev], 1, 1);
        var (h, c) = cell.Forward(x, h0, c0);
        cell.ZeroGrad();
        var (dx, _, dc) = cell.Backward(Tensor.From([1.0], 1, 1), Tensor.Zeros(1, 1));
        double[] a = [.. LstmWx.Zip(LstmB, (w, b) => w + b)];
        double[] gates = [Sigmoid(a[0]), Sigmoid(a[1]), Math.Tanh(a[2]), Sigmoid(a[3])];
        // central difference of h' in x, to confirm the engine's dx independently
        double Hx(double xv) => new LstmCell<double>(Tensor.From(LstmWx, 4, 1), Tensor.Zeros(4, 1), Tensor.From(LstmB, 4))
            .Forward(Tensor.From([xv], 1, 1), h0, c0).H.ToArray()[0];
        double numeric = (Hx(1 + 1e-6) - Hx(1 - 1e-6)) / 2e-6;
        return new LstmExampleResult(gates, c.ToArray()[0], Math.Tanh(c.ToArray()[0]), h.ToArray()[0], dc.ToArray()[0],
            cell.Wx.Grad.ToArray(), numeric - dx.ToArray()[0]);
    }

    // ---- §7.3 the GRU worked example: D = H = 1, x = 1, h = 0.5 ----

    public static readonly double[] GruWx = [0.5, 0.3, 0.8];   // blocks r, z, n
    public static readonly double[] GruWh = [0.4, 0.6, 0.7];
    public const double GruHPrev = 0.5;

    public static (double R, double Z, double PreN, double N, double H) GruExample()
    {
        var cell = new GruCell<double>(Tensor.From(GruWx, 3, 1), Tensor.From(GruWh, 3, 1), Tensor.Zeros(3), Tensor.Zeros(3));
        var h = cell.Forward(Tensor.From([1.0], 1, 1), Tensor.From([GruHPrev], 1, 1)).ToArray()[0];
        double r = Sigmoid(GruWx[0] + GruWh[0] * GruHPrev), z = Sigmoid(GruWx[1] + GruWh[1] * GruHPrev);
        double preN = GruWx[2] + r * GruWh[2] * GruHPrev;
        return (r, z, preN, Math.Tanh(preN), h);
    }

    // ---- §7.5 dot-product attention on scores (2, 1, 0) ----

    /// <summary>Weights and context for scores (2, 1, 0): query (1) against keys 2, 1, 0 with dₖ = 1 (so the scale is 1), values (1,0), (0,1), (1,1).</summary>
    public static (double[] Weights, double[] Context) AttentionExample()
    {
        var att = new ScaledDotProductAttention<double>();
        var q = Tensor.From([1.0], 1, 1, 1);
        var k = Tensor.From([2.0, 1.0, 0.0], 1, 3, 1);
        var v = Tensor.From([1.0, 0.0, 0.0, 1.0, 1.0, 1.0], 1, 3, 2);
        var context = att.Forward(q, k, v);
        return (att.Weights!.ToArray(), context.ToArray());
    }

    public const int ReversalLength = 6, ReversalModel = 16;
    public const double ReversalSharpness = 10.0;

    /// <summary>
    /// The "ideal" reversal attention: query j = sharpness·PE[T − 1 − j], keys = PE[0 … T − 1] (d = 16), through the
    /// engine's scaled dot-product attention. The dot product peaks at equal positions (§7.1), so row j peaks at T − 1 − j.
    /// </summary>
    public static double[,] IdealReversalWeights()
    {
        int t = ReversalLength, d = ReversalModel;
        var pe = PositionalEncoding(t, d);
        var q = Tensor.Zeros(1, t, d);
        var k = Tensor.Zeros(1, t, d);
        for (int j = 0; j < t; j++)
            for (int c = 0; c < d; c++)
            {
                q[0, j, c] = ReversalSharpness * pe[t - 1 - j, c];
                k[0, j, c] = pe[j, c];
            }
        var att = new ScaledDotProductAttention<double>();
        att.Forward(q, k, k);
        var w = new double[t, t];
        for (int j = 0; j < t; j++)
            for (int s = 0; s < t; s++) w[j, s] = att.Weights![0, j, s];
        return w;
    }

    // ---- §7.4 gradient reaching far back: RNN vs LSTM cell state ----

    public const int GradHidden = 16, GradSteps = 50;

    /// <summary>
    /// ‖∂L/∂c_{T−k}‖ for k = 0 … T through T engine LstmCells sharing one set of weights (Xavier from Rng(seed), forget
    /// block of b = <paramref name="forgetBias"/>), inputs N(0, 1), batch 1, L = u·c_T with a unit vector u; full BPTT
    /// (both dh and dc are carried back).
    /// </summary>
    public static double[] LstmCellGradientByDistance(double forgetBias, int steps = GradSteps, ulong seed = 7)
    {
        var rng = new Rng(seed);
        int h = GradHidden;
        var proto = new LstmCell<double>(h, h, rng, forgetBias);
        var xs = rng.Normal(1.0, steps, h);
        var cells = new LstmCell<double>[steps];
        var hs = Tensor.Zeros(1, h);
        var cs = Tensor.Zeros(1, h);
        for (int t = 0; t < steps; t++)
        {
            cells[t] = new LstmCell<double>(proto.Wx.Value, proto.Wh.Value, proto.B.Value);
            (hs, cs) = cells[t].Forward(Tensor.From(xs.Row(t).ToArray(), 1, h), hs, cs);
        }
        var u = rng.Normal(1.0, 1, h);
        double un = Math.Sqrt(u.ToArray().Sum(v => v * v));
        var dc = u * (1.0 / un);
        var dh = Tensor.Zeros(1, h);
        var norms = new double[steps + 1];
        norms[0] = 1.0;
        for (int k = 1; k <= steps; k++)
        {
            (_, dh, dc) = cells[steps - k].Backward(dh, dc);
            norms[k] = Math.Sqrt(dc.ToArray().Sum(v => v * v));
        }
        return norms;
    }

    /// <summary>The simple RNN of Day 6 with an orthogonal Wh (s = 1) and N(0, 1) inputs, same seed.</summary>
    public static double[] RnnGradientByDistance() => Day06.Day06Runs.GradientNormByDistance(1.0, 1.0);

    public static readonly double[] ForgetBiases = [0.0, 1.0, 3.0];

    // ---- §7.2 ridge regression, the small case ----

    /// <summary>(XᵀX + λI) W = XᵀY for X = (1, 2)ᵀ, Y = (1, 2)ᵀ through the engine's Linalg.Solve.</summary>
    public static double SmallRidge(double lambda)
    {
        var x = Tensor.From([1.0, 2.0], 2, 1);
        var y = Tensor.From([1.0, 2.0], 2, 1);
        var xtx = Ops.MatMul(x, x, transA: true) + Tensor.From([lambda], 1, 1);
        return Linalg.Solve(xtx, Ops.MatMul(x, y, transA: true)).ToArray()[0];
    }
}
