using System.Numerics.Tensors;

namespace Course.Engine;

/// <summary>Tensor functions: matrix products, elementwise maths, selection, joining. Never in place.</summary>
public static class Ops
{
    /// <summary>
    /// Matrix product <c>op(A)·op(B)</c> where op transposes when asked: A [m, k] (or [k, m] with transA),
    /// B [k, n] (or [n, k] with transB) → [m, n]. Backward passes use <c>transA</c>/<c>transB</c> instead of copying transposes.
    /// </summary>
    public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b, bool transA = false, bool transB = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException($"MatMul: expects 2-D tensors, got {a.ShapeString} and {b.ShapeString}.");
        int m = transA ? a.Dim(1) : a.Dim(0);
        int k = transA ? a.Dim(0) : a.Dim(1);
        int kb = transB ? b.Dim(1) : b.Dim(0);
        int n = transB ? b.Dim(0) : b.Dim(1);
        if (k != kb)
            throw new ArgumentException(
                $"MatMul: inner sizes differ: {a.ShapeString}{(transA ? "ᵀ" : "")} · {b.ShapeString}{(transB ? "ᵀ" : "")} ({k} vs {kb}).");
        var c = Tensor<T>.Uninitialized(m, n);   // Gemm overwrites C (clears it when k = 0)
        Kernels.Gemm.Multiply(a.Span, b.Span, c.Span, m, n, k,
            (transA ? Kernels.Transpose.A : Kernels.Transpose.None) | (transB ? Kernels.Transpose.B : Kernels.Transpose.None));
        return c;
    }

    /// <summary>Outer product of two vectors: [m] ⊗ [n] → [m, n].</summary>
    public static Tensor<T> Outer<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => MatMul(a.Reshape(-1, 1), b.Reshape(1, -1));

    public static Tensor<T> Exp<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Exp(s, d));
    public static Tensor<T> Log<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Log(s, d));
    public static Tensor<T> Sqrt<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Sqrt(s, d));
    public static Tensor<T> Tanh<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Tanh(s, d));
    public static Tensor<T> Abs<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Abs(s, d));
    public static Tensor<T> Square<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Multiply(s, s, d));

    /// <summary>Logistic sigmoid 1 / (1 + e^(−x)), finite for any input.</summary>
    public static Tensor<T> Sigmoid<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, static (s, d) => TensorPrimitives.Sigmoid(s, d));

    /// <summary>−1, 0 or +1 per element.</summary>
    public static Tensor<T> Sign<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => x.Map(v => T.CreateChecked(T.Sign(v)));

    public static Tensor<T> Maximum<T>(Tensor<T> x, T v) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, (s, d) => TensorPrimitives.Max(s, v, d));
    public static Tensor<T> Minimum<T>(Tensor<T> x, T v) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, (s, d) => TensorPrimitives.Min(s, v, d));
    public static Tensor<T> Maximum<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Elementwise.Binary(a, b, BinaryOp.Maximum, "Maximum");
    public static Tensor<T> Minimum<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Elementwise.Binary(a, b, BinaryOp.Minimum, "Minimum");

    /// <summary>Clamps every element into [lo, hi].</summary>
    public static Tensor<T> Clip<T>(Tensor<T> x, T lo, T hi) where T : unmanaged, IFloatingPointIeee754<T>
        => Unary(x, (s, d) => { TensorPrimitives.Max(s, lo, d); TensorPrimitives.Min(d, hi, d); });

    /// <summary>1 where x &gt; threshold, else 0 (masks for ReLU, dropout, step).</summary>
    public static Tensor<T> Greater<T>(Tensor<T> x, T threshold) where T : unmanaged, IFloatingPointIeee754<T>
        => x.Map(v => v > threshold ? T.One : T.Zero);

    /// <summary>Picks <c>a</c> where <c>mask ≠ 0</c>, else <c>b</c> (all the same shape).</summary>
    public static Tensor<T> Where<T>(Tensor<T> mask, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!mask.SameShape(a) || !mask.SameShape(b))
            throw new ArgumentException($"Where: shapes {mask.ShapeString}, {a.ShapeString}, {b.ShapeString} must be equal.");
        var r = Tensor<T>.UninitializedLike(a);
        var m = mask.Span; var av = a.Span; var bv = b.Span; var rv = r.Span;
        for (int i = 0; i < rv.Length; i++) rv[i] = m[i] != T.Zero ? av[i] : bv[i];
        return r;
    }

    /// <summary>Joins tensors along <paramref name="axis"/>; other axes must match.</summary>
    public static Tensor<T> Concat<T>(int axis, params Tensor<T>[] xs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (xs.Length == 0) throw new ArgumentException("Concat: no tensors given.");
        int rank = xs[0].Rank;
        int a = Shapes.NormalizeAxis(axis, rank, "Concat");
        foreach (var x in xs)
        {
            bool ok = x.Rank == rank;
            for (int d = 0; ok && d < rank; d++) ok = d == a || x.Dim(d) == xs[0].Dim(d);
            if (!ok) throw new ArgumentException($"Concat: shape {x.ShapeString} does not match {xs[0].ShapeString} outside axis {a}.");
        }
        var shape = xs[0].ShapeArray;
        shape[a] = xs.Sum(x => x.Dim(a));
        var result = Tensor<T>.Uninitialized(shape);   // the pieces cover every element
        int outer = Shapes.Product(shape.AsSpan(0, a));
        int inner = Shapes.Product(shape.AsSpan(a + 1));
        var dst = result.Span;
        int pos = 0;
        for (int o = 0; o < outer; o++)
            foreach (var x in xs)
            {
                int block = x.Dim(a) * inner;
                x.Span.Slice(o * block, block).CopyTo(dst.Slice(pos, block));
                pos += block;
            }
        return result;
    }

    /// <summary>Splits along <paramref name="axis"/> into pieces of the given sizes (which must add up to the axis).</summary>
    public static Tensor<T>[] Split<T>(Tensor<T> x, int axis, params int[] sizes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int a = Shapes.NormalizeAxis(axis, x.Rank, "Split");
        if (sizes.Sum() != x.Dim(a))
            throw new ArgumentException($"Split: sizes [{string.Join(", ", sizes)}] do not add up to axis {a} of shape {x.ShapeString}.");
        var parts = new Tensor<T>[sizes.Length];
        int start = 0;
        for (int i = 0; i < sizes.Length; i++) { parts[i] = x.Slice(a, start, sizes[i]).Clone(); start += sizes[i]; }
        return parts;
    }

    /// <summary>One-hot rows: labels [N] → [N, classes].</summary>
    public static Tensor<T> OneHot<T>(int[] labels, int classes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(labels.Length, classes);
        var s = t.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"OneHot: label {labels[i]} at row {i} is outside 0..{classes - 1}.");
            s[i * classes + labels[i]] = T.One;
        }
        return t;
    }

    private static Tensor<T> Unary<T>(Tensor<T> x, SpanAction<T> kernel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = Tensor<T>.UninitializedLike(x);
        kernel(x.Span, r.Span);
        return r;
    }

    private delegate void SpanAction<T>(ReadOnlySpan<T> source, Span<T> destination);
}
