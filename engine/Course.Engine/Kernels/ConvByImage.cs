using System.Numerics.Tensors;
using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Kernels;

/// <summary>
/// A 2-D convolution (cross-correlation) computed image by image as im2col + GEMM, with the column matrices it keeps
/// from Forward to Backward. x: (N, C, H, W), W: (FN, C, FH, FW), b: (FN), y: (N, FN, OH, OW).
/// </summary>
/// <remarks>
/// Forward builds each image's column matrix <c>col_n</c> [K = C·FH·FW, OH·OW] and computes y_n = W·col_n + b straight
/// into y's (FN, OH·OW) block. Backward: db = Σ over N, OH, OW of dY; dW = Σ_n dY_n·col_nᵀ; dX_n = col2im(Wᵀ·dY_n).
/// The images are split between the cores (<see cref="BatchSplit"/>), so each image's column matrix (tens to hundreds
/// of KB) is still in L2 when its GEMM reads it, and no (FN, N·OH·OW) reshuffle of y or dY is ever needed; each core sums
/// its images' dWᵀ and db in its own scratch, added up at the end. The column matrices and the per-core scratch are kept
/// between calls and reused while the geometry stays the same (they never leave this object).
/// </remarks>
internal sealed class ConvByImage<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? _col;                 // N blocks of [K, OH·OW], image n at n·K·OH·OW
    private PartScratch[] _scratch = [];

    /// <summary>One core's backward work arrays: its share of dWᵀ (K, FN) and db, and one image's dWᵀ and dCol.</summary>
    private sealed class PartScratch
    {
        public T[] DWt = [], Db = [], ImageDWt = [], DCol = [];
    }

    /// <summary>The geometry of the last Forward; null before one.</summary>
    public ConvGeometry? Geometry { get; private set; }

    /// <summary>y = W ⊛ x + b (overwrites y); keeps the column matrices for <see cref="Backward"/>.</summary>
    public void Forward(Tensor<T> x, Tensor<T> w, Tensor<T>? b, Tensor<T> y, ConvGeometry g)
    {
        int fn = w.Dim(0), k = g.K, p = g.OH * g.OW, inSize = g.C * g.H * g.W;
        var image = OneImage(g);
        var col = ScratchBuffer.Exact(ref _col, k * g.NP);
        Geometry = g;
        BatchSplit.For(g.N, (_, first, count, gemmThreads) =>
        {
            var xs = (ReadOnlySpan<T>)x.Span;
            var ys = y.Span;
            var ws = (ReadOnlySpan<T>)w.Span;
            for (int n = first; n < first + count; n++)
            {
                var colN = col.AsSpan(n * k * p, k * p);
                Im2Col.Forward<T>(xs.Slice(n * inSize, inSize), colN, image);
                var yN = ys.Slice(n * fn * p, fn * p);
                Gemm.Multiply<T>(ws, colN, yN, fn, p, k, Transpose.None, Gemm.Path.Auto, gemmThreads);   // W·col_n, (FN, OH·OW)
                if (b is null) continue;
                var bias = (ReadOnlySpan<T>)b.Span;
                for (int f = 0; f < fn; f++) TensorPrimitives.Add(yN.Slice(f * p, p), bias[f], yN.Slice(f * p, p));
            }
        });
    }

    /// <summary>
    /// From dY (N, FN, OH, OW) of the last Forward: dW (FN, C, FH, FW) and db (FN) (when given) overwritten, and
    /// dX (N, C, H, W) when given — without it the Wᵀ·dY products and col2im are skipped.
    /// </summary>
    public void Backward(Tensor<T> dy, Tensor<T> w, Tensor<T> dw, Tensor<T>? db, Tensor<T>? dx)
    {
        var col = _col ?? throw new InvalidOperationException("ConvByImage.Backward called before Forward.");
        var g = Geometry!.Value;
        int fn = w.Dim(0), k = g.K, p = g.OH * g.OW, inSize = g.C * g.H * g.W;
        var image = OneImage(g);
        var scratch = Scratch(BatchSplit.Parts(g.N), k, fn, p, dx is not null);
        BatchSplit.For(g.N, (part, first, count, gemmThreads) =>
        {
            var s = scratch[part];
            Array.Clear(s.DWt);
            Array.Clear(s.Db);
            var dys = (ReadOnlySpan<T>)dy.Span;
            var ws = (ReadOnlySpan<T>)w.Span;
            for (int n = first; n < first + count; n++)
            {
                var dyN = dys.Slice(n * fn * p, fn * p);
                var colN = col.AsSpan(n * k * p, k * p);
                for (int f = 0; f < fn; f++) s.Db[f] += TensorPrimitives.Sum(dyN.Slice(f * p, p));
                // dWᵀ (K, FN) = col_n·dY_nᵀ: with K rows and FN columns the tiles fill up better than in (FN, K).
                Gemm.Multiply<T>(colN, dyN, s.ImageDWt, k, fn, p, Transpose.B, Gemm.Path.Auto, gemmThreads);
                TensorPrimitives.Add(s.DWt, s.ImageDWt, s.DWt);
                if (dx is null) continue;
                Gemm.Multiply<T>(ws, dyN, s.DCol, k, p, fn, Transpose.A, Gemm.Path.Auto, gemmThreads);   // Wᵀ·dY_n, (K, OH·OW)
                Im2Col.Backward<T>(s.DCol, dx.Span.Slice(n * inSize, inSize), image);   // clears the image first
            }
        });
        for (int part = 1; part < scratch.Length; part++)
        {
            TensorPrimitives.Add(scratch[0].DWt, scratch[part].DWt, scratch[0].DWt);
            TensorPrimitives.Add(scratch[0].Db, scratch[part].Db, scratch[0].Db);
        }
        MatrixTranspose.Copy<T>(scratch[0].DWt, dw.Span, k, fn);
        if (db is not null) scratch[0].Db.CopyTo(db.Span);
    }

    /// <summary>The per-core work arrays, sized for this geometry (kept between calls).</summary>
    private PartScratch[] Scratch(int parts, int k, int fn, int p, bool inputGradient)
    {
        if (_scratch.Length != parts) _scratch = [.. Enumerable.Range(0, parts).Select(_ => new PartScratch())];
        foreach (var s in _scratch)
        {
            ScratchBuffer.Exact(ref s.DWt!, k * fn);
            ScratchBuffer.Exact(ref s.ImageDWt!, k * fn);
            ScratchBuffer.Exact(ref s.Db!, fn);
            if (inputGradient) ScratchBuffer.Exact(ref s.DCol!, k * p);
        }
        return _scratch;
    }

    /// <summary>The geometry of one image of the batch (N = 1), for the per-image im2col and col2im.</summary>
    private static ConvGeometry OneImage(ConvGeometry g) => new(1, g.C, g.H, g.W, g.FH, g.FW, g.Stride, g.Pad);
}
