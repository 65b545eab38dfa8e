using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Engine.Layers;

/// <summary>
/// One GRU step on spans, shared by <see cref="GruCell{T}"/> and <see cref="TimeGru{T}"/>. Gate rows are [r | z | n],
/// each H wide (PyTorch's order).
/// </summary>
/// <remarks>
/// With gx = x·Wxᵀ + bx and gh = h·Whᵀ + bh: r = σ(gx_r + gh_r), z = σ(gx_z + gh_z), n = tanh(gx_n + r⊙gh_n),
/// h' = (1 − z)⊙n + z⊙h. The reset gate multiplies gh_n (bias included), which is why bh is separate from bx.
/// </remarks>
internal static class GruMath
{
    /// <summary>Overwrites <paramref name="gx"/> with the gate values [r | z | n] and writes h'.</summary>
    public static void Forward<T>(Span<T> gx, ReadOnlySpan<T> gh, ReadOnlySpan<T> hPrev, Span<T> hOut, int n, int h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int row = 0; row < n; row++)
        {
            var a = gx.Slice(row * 3 * h, 3 * h);
            var b = gh.Slice(row * 3 * h, 3 * h);
            var rz = a[..(2 * h)];
            TensorPrimitives.Add(rz, b[..(2 * h)], rz);
            TensorPrimitives.Sigmoid<T>(rz, rz);
            var nn = a.Slice(2 * h, h);
            TensorPrimitives.FusedMultiplyAdd(a[..h], b.Slice(2 * h, h), nn, nn);
            TensorPrimitives.Tanh<T>(nn, nn);
            var hp = hPrev.Slice(row * h, h);
            var ho = hOut.Slice(row * h, h);
            // h' = n + z⊙(h − n)
            TensorPrimitives.Subtract(hp, nn, ho);
            TensorPrimitives.FusedMultiplyAdd(a.Slice(h, h), ho, nn, ho);
        }
    }

    /// <summary>
    /// From dh (total gradient at h') computes dGx [n, 3H] (input-side pre-activations), dGh [n, 3H] (hidden-side, incl. bh)
    /// and the direct part of dhPrev (dh⊙z); the caller adds dGh·Wh.
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> gh, ReadOnlySpan<T> hPrev, ReadOnlySpan<T> dh,
                                   Span<T> dGx, Span<T> dGh, Span<T> dhPrevDirect, int n, int h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int row = 0; row < n; row++)
        {
            int gr = row * 3 * h, hr = row * h;
            int j = 0;
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            {
                // Same formulas as the scalar tail below, Vector<T>.Count lanes at a time (this runs once per step
                // for every batch row, so it is a visible share of a recurrent layer's backward).
                var one = Vector<T>.One;
                for (; j + Vector<T>.Count <= h; j += Vector<T>.Count)
                {
                    var r = new Vector<T>(gates.Slice(gr + j));
                    var z = new Vector<T>(gates.Slice(gr + h + j));
                    var nv = new Vector<T>(gates.Slice(gr + 2 * h + j));
                    var d = new Vector<T>(dh.Slice(hr + j));
                    var hp = new Vector<T>(hPrev.Slice(hr + j));
                    var ghn = new Vector<T>(gh.Slice(gr + 2 * h + j));
                    var dan = d * (one - z) * (one - nv * nv);
                    var daz = d * (hp - nv) * z * (one - z);
                    var dar = dan * ghn * r * (one - r);
                    dar.CopyTo(dGx.Slice(gr + j));
                    daz.CopyTo(dGx.Slice(gr + h + j));
                    dan.CopyTo(dGx.Slice(gr + 2 * h + j));
                    dar.CopyTo(dGh.Slice(gr + j));
                    daz.CopyTo(dGh.Slice(gr + h + j));
                    (dan * r).CopyTo(dGh.Slice(gr + 2 * h + j));
                    (d * z).CopyTo(dhPrevDirect.Slice(hr + j));
                }
            }
            for (; j < h; j++)
            {
                T r = gates[gr + j], z = gates[gr + h + j], nv = gates[gr + 2 * h + j];
                T d = dh[hr + j], hp = hPrev[hr + j];
                T dan = d * (T.One - z) * (T.One - nv * nv);
                T daz = d * (hp - nv) * z * (T.One - z);
                T dar = dan * gh[gr + 2 * h + j] * r * (T.One - r);
                dGx[gr + j] = dar;
                dGx[gr + h + j] = daz;
                dGx[gr + 2 * h + j] = dan;
                dGh[gr + j] = dar;
                dGh[gr + h + j] = daz;
                dGh[gr + 2 * h + j] = dan * r;
                dhPrevDirect[hr + j] = d * z;
            }
        }
    }
}
