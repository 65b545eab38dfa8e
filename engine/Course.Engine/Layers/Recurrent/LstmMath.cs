using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>
/// One LSTM step on spans, shared by <see cref="LstmCell{T}"/> and <see cref="TimeLstm{T}"/>. Rows are batch items;
/// a gate row is [i | f | g | o], each H wide (PyTorch's order).
/// </summary>
/// <remarks>
/// i = σ(aᵢ), f = σ(a_f), g = tanh(a_g), o = σ(a_o); c' = f⊙c + i⊙g; h' = o⊙tanh(c').
/// Backward: dc = dc' + dh⊙o⊙(1 − tanh²c'); do = dh⊙tanh c'; di = dc⊙g; df = dc⊙c; dg = dc⊙i; dcPrev = dc⊙f,
/// then through the nonlinearities: daᵢ = di⊙i(1 − i), …, da_g = dg⊙(1 − g²).
/// </remarks>
internal static class LstmMath
{
    /// <summary>Turns pre-activations [n, 4H] into gate values in place.</summary>
    public static void Activate<T>(Span<T> a, int n, int h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < n; r++)
        {
            var row = a.Slice(r * 4 * h, 4 * h);
            var ifGates = row[..(2 * h)];
            TensorPrimitives.Sigmoid<T>(ifGates, ifGates);
            var g = row.Slice(2 * h, h);
            TensorPrimitives.Tanh<T>(g, g);
            var o = row.Slice(3 * h, h);
            TensorPrimitives.Sigmoid<T>(o, o);
        }
    }

    /// <summary>c = f⊙cPrev + i⊙g, tanhC = tanh(c), hOut = o⊙tanhC, all [n, H].</summary>
    public static void Cell<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> tanhC, Span<T> hOut, int n, int h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < n; r++)
        {
            var row = gates.Slice(r * 4 * h, 4 * h);
            var cr = c.Slice(r * h, h);
            var tr = tanhC.Slice(r * h, h);
            TensorPrimitives.Multiply(row.Slice(h, h), cPrev.Slice(r * h, h), cr);
            TensorPrimitives.FusedMultiplyAdd(row[..h], row.Slice(2 * h, h), cr, cr);
            TensorPrimitives.Tanh<T>(cr, tr);
            TensorPrimitives.Multiply(row.Slice(3 * h, h), tr, hOut.Slice(r * h, h));
        }
    }

    /// <summary>
    /// From dh and dc (the cell-state gradient arriving from step t+1) computes the pre-activation gradient dA [n, 4H]
    /// and overwrites <paramref name="dc"/> with dcPrev.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> dh,
                                   Span<T> dc, Span<T> dA, int n, int h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < n; r++)
        {
            int gr = r * 4 * h, hr = r * h;
            int j = 0;
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            {
                // Same formulas as the scalar tail below, Vector<T>.Count lanes at a time (this runs once per step
                // for every batch row, so it is a visible share of a recurrent layer's backward).
                var one = Vector<T>.One;
                for (; j + Vector<T>.Count <= h; j += Vector<T>.Count)
                {
                    var i = new Vector<T>(gates.Slice(gr + j));
                    var f = new Vector<T>(gates.Slice(gr + h + j));
                    var g = new Vector<T>(gates.Slice(gr + 2 * h + j));
                    var o = new Vector<T>(gates.Slice(gr + 3 * h + j));
                    var tc = new Vector<T>(tanhC.Slice(hr + j));
                    var dhj = new Vector<T>(dh.Slice(hr + j));
                    var dcj = new Vector<T>(dc.Slice(hr + j)) + dhj * o * (one - tc * tc);
                    var dO = dhj * tc;
                    (dcj * g * i * (one - i)).CopyTo(dA.Slice(gr + j));
                    (dcj * new Vector<T>(cPrev.Slice(hr + j)) * f * (one - f)).CopyTo(dA.Slice(gr + h + j));
                    (dcj * i * (one - g * g)).CopyTo(dA.Slice(gr + 2 * h + j));
                    (dO * o * (one - o)).CopyTo(dA.Slice(gr + 3 * h + j));
                    (dcj * f).CopyTo(dc.Slice(hr + j));
                }
            }
            for (; j < h; j++)
            {
                T i = gates[gr + j], f = gates[gr + h + j], g = gates[gr + 2 * h + j], o = gates[gr + 3 * h + j];
                T tc = tanhC[hr + j], dhj = dh[hr + j];
                T dcj = dc[hr + j] + dhj * o * (T.One - tc * tc);
                T dO = dhj * tc;
                dA[gr + j] = dcj * g * i * (T.One - i);
                dA[gr + h + j] = dcj * cPrev[hr + j] * f * (T.One - f);
                dA[gr + 2 * h + j] = dcj * i * (T.One - g * g);
                dA[gr + 3 * h + j] = dO * o * (T.One - o);
                dc[hr + j] = dcj * f;
            }
        }
    }
}
