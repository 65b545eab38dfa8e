using System.Numerics.Tensors;

namespace Course.Engine;

public sealed partial class Tensor<T>
{
    // Elementwise arithmetic with NumPy broadcasting. Never in place: each operator allocates its result.

    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Elementwise.Binary(a, b, BinaryOp.Add, "Add");
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Elementwise.Binary(a, b, BinaryOp.Subtract, "Subtract");
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b) => Elementwise.Binary(a, b, BinaryOp.Multiply, "Multiply");
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b) => Elementwise.Binary(a, b, BinaryOp.Divide, "Divide");

    public static Tensor<T> operator +(Tensor<T> a, T s) { var r = UninitializedLike(a); TensorPrimitives.Add<T>(a.Span, s, r.Span); return r; }
    public static Tensor<T> operator -(Tensor<T> a, T s) { var r = UninitializedLike(a); TensorPrimitives.Subtract<T>(a.Span, s, r.Span); return r; }
    public static Tensor<T> operator *(Tensor<T> a, T s) { var r = UninitializedLike(a); TensorPrimitives.Multiply<T>(a.Span, s, r.Span); return r; }
    public static Tensor<T> operator /(Tensor<T> a, T s) { var r = UninitializedLike(a); TensorPrimitives.Divide<T>(a.Span, s, r.Span); return r; }
    public static Tensor<T> operator +(T s, Tensor<T> a) => a + s;
    public static Tensor<T> operator *(T s, Tensor<T> a) => a * s;
    public static Tensor<T> operator -(T s, Tensor<T> a) { var r = UninitializedLike(a); TensorPrimitives.Subtract<T>(s, a.Span, r.Span); return r; }
    public static Tensor<T> operator /(T s, Tensor<T> a) { var r = UninitializedLike(a); TensorPrimitives.Divide<T>(s, a.Span, r.Span); return r; }
    public static Tensor<T> operator -(Tensor<T> a) { var r = UninitializedLike(a); TensorPrimitives.Negate<T>(a.Span, r.Span); return r; }

    /// <summary>Adds <paramref name="other"/> (same shape) into this tensor: the one in-place update, used by optimisers and accumulators.</summary>
    public void AddInPlace(Tensor<T> other, T? scale = null)
    {
        if (other.Length != Length)
            throw new ArgumentException($"AddInPlace: shapes {ShapeString} and {other.ShapeString} differ.");
        if (scale is { } s) TensorPrimitives.MultiplyAdd<T>(other.Span, s, Span, Span);
        else TensorPrimitives.Add<T>(Span, other.Span, Span);
    }

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();
}

internal enum BinaryOp { Add, Subtract, Multiply, Divide, Maximum, Minimum }

/// <summary>Broadcasting elementwise kernels: same-shape and row-broadcast fast paths on TensorPrimitives, index walk otherwise.</summary>
internal static class Elementwise
{
    public static Tensor<T> Binary<T>(Tensor<T> a, Tensor<T> b, BinaryOp op, string name)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (a.SameShape(b))
        {
            var r = Tensor<T>.UninitializedLike(a);
            Apply(op, a.Span, b.Span, r.Span);
            return r;
        }

        var shape = Shapes.Broadcast(a.Shape, b.Shape, name);
        var result = Tensor<T>.Uninitialized(shape);   // every path below writes every element

        // Fast path: one operand is a trailing block of the other (e.g. [N, K] + [K]) → apply per block.
        if (b.Length > 0 && a.Length == result.Length && IsTrailingBlock(b.Shape, shape))
        {
            for (int o = 0; o < a.Length; o += b.Length)
                Apply(op, a.Span.Slice(o, b.Length), b.Span, result.Span.Slice(o, b.Length));
            return result;
        }
        if (a.Length > 0 && b.Length == result.Length && IsTrailingBlock(a.Shape, shape))
        {
            for (int o = 0; o < b.Length; o += a.Length)
                Apply(op, a.Span, b.Span.Slice(o, a.Length), result.Span.Slice(o, a.Length));
            return result;
        }

        // General case: walk the result index, carrying broadcast strides (0 where an axis is broadcast).
        int rank = shape.Length;
        var sa = BroadcastStrides(a.Shape, rank);
        var sb = BroadcastStrides(b.Shape, rank);
        var idx = new int[rank];
        var av = a.Span; var bv = b.Span; var rv = result.Span;
        int pa = 0, pb = 0;
        for (int i = 0; i < rv.Length; i++)
        {
            rv[i] = Scalar(op, av[pa], bv[pb]);
            for (int d = rank - 1; d >= 0; d--)
            {
                idx[d]++; pa += sa[d]; pb += sb[d];
                if (idx[d] < shape[d]) break;
                pa -= sa[d] * shape[d]; pb -= sb[d] * shape[d]; idx[d] = 0;
            }
        }
        return result;
    }

    private static bool IsTrailingBlock(ReadOnlySpan<int> small, int[] full)
    {
        // small (after dropping leading 1s) equals the last axes of full.
        int lead = 0;
        while (lead < small.Length && small[lead] == 1) lead++;
        var s = small[lead..];
        if (s.Length > full.Length) return false;
        return s.SequenceEqual(full.AsSpan(full.Length - s.Length));
    }

    private static int[] BroadcastStrides(ReadOnlySpan<int> shape, int rank)
    {
        var strides = new int[rank];
        var own = Shapes.Strides(shape);
        for (int d = 0; d < shape.Length; d++)
            strides[rank - shape.Length + d] = shape[d] == 1 ? 0 : own[d];
        return strides;
    }

    public static void Apply<T>(BinaryOp op, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> dst)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(x, y, dst); break;
            case BinaryOp.Subtract: TensorPrimitives.Subtract(x, y, dst); break;
            case BinaryOp.Multiply: TensorPrimitives.Multiply(x, y, dst); break;
            case BinaryOp.Divide: TensorPrimitives.Divide(x, y, dst); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(x, y, dst); break;
            case BinaryOp.Minimum: TensorPrimitives.Min(x, y, dst); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static T Scalar<T>(BinaryOp op, T x, T y) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => op switch
    {
        BinaryOp.Add => x + y,
        BinaryOp.Subtract => x - y,
        BinaryOp.Multiply => x * y,
        BinaryOp.Divide => x / y,
        BinaryOp.Maximum => T.Max(x, y),
        BinaryOp.Minimum => T.Min(x, y),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
