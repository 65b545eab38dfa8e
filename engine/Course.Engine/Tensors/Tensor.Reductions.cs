using System.Numerics.Tensors;

namespace Course.Engine;

public sealed partial class Tensor<T>
{
    /// <summary>Sum of all elements.</summary>
    public T Sum() => TensorPrimitives.Sum<T>(Span);

    /// <summary>Mean of all elements.</summary>
    public T Mean() => Sum() / T.CreateChecked(Math.Max(1, Length));

    /// <summary>Largest element (NaN if any element is NaN).</summary>
    public T Max() => TensorPrimitives.Max<T>(Span);

    /// <summary>Smallest element.</summary>
    public T Min() => TensorPrimitives.Min<T>(Span);

    /// <summary>Sum along <paramref name="axis"/>: <c>[…, n, …] → […, …]</c> (or <c>[…, 1, …]</c> with keepDims).</summary>
    public Tensor<T> Sum(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Sum", ReduceKind.Sum);

    /// <summary>Mean along <paramref name="axis"/>.</summary>
    public Tensor<T> Mean(int axis, bool keepDims = false)
    {
        var s = Sum(axis, keepDims);
        int n = _shape[Shapes.NormalizeAxis(axis, Rank, "Mean")];
        TensorPrimitives.Divide<T>(s.Span, T.CreateChecked(n), s.Span);
        return s;
    }

    /// <summary>Maximum along <paramref name="axis"/>.</summary>
    public Tensor<T> Max(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Max", ReduceKind.Max);

    /// <summary>Minimum along <paramref name="axis"/>.</summary>
    public Tensor<T> Min(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Min", ReduceKind.Min);

    /// <summary>Index of the first maximum along <paramref name="axis"/> (ties → smallest index), flattened over the other axes.</summary>
    public int[] ArgMax(int axis = -1)
    {
        var (outer, n, inner) = Split(axis, "ArgMax");
        var result = new int[outer * inner];
        var src = Span;
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                // IndexOfMax returns the first occurrence of the maximum.
                result[o] = n == 0 ? -1 : TensorPrimitives.IndexOfMax<T>(src.Slice(o * n, n));
                continue;
            }
            for (int i = 0; i < inner; i++)
            {
                int best = 0;
                T bestValue = src[o * n * inner + i];
                for (int k = 1; k < n; k++)
                {
                    var v = src[(o * n + k) * inner + i];
                    if (v > bestValue) { bestValue = v; best = k; }
                }
                result[o * inner + i] = best;
            }
        }
        return result;
    }

    private enum ReduceKind { Sum, Max, Min }

    private (int Outer, int N, int Inner) Split(int axis, string operation)
    {
        int a = Shapes.NormalizeAxis(axis, Rank, operation);
        return (Shapes.Product(_shape.AsSpan(0, a)), _shape[a], Shapes.Product(_shape.AsSpan(a + 1)));
    }

    private Tensor<T> Reduce(int axis, bool keepDims, string operation, ReduceKind kind)
    {
        int a = Shapes.NormalizeAxis(axis, Rank, operation);
        var (outer, n, inner) = Split(a, operation);
        if (n == 0 && kind != ReduceKind.Sum) throw new InvalidOperationException($"{operation}: axis {a} of shape {ShapeString} is empty.");
        var shape = keepDims
            ? _shape.Select((d, i) => i == a ? 1 : d).ToArray()
            : _shape.Where((_, i) => i != a).ToArray();
        var result = Zeros(shape);
        var src = Span;
        var dst = result.Span;
        for (int o = 0; o < outer; o++)
        {
            var acc = dst.Slice(o * inner, inner);
            if (inner == 1)
            {
                var row = src.Slice(o * n, n);
                acc[0] = kind switch
                {
                    ReduceKind.Sum => TensorPrimitives.Sum<T>(row),
                    ReduceKind.Max => TensorPrimitives.Max<T>(row),
                    _ => TensorPrimitives.Min<T>(row),
                };
                continue;
            }
            if (n == 0) continue;   // an empty axis sums to 0 (acc is already zero)
            // Accumulate whole rows of length `inner` so the inner loop is vectorised.
            src.Slice(o * n * inner, inner).CopyTo(acc);
            for (int k = 1; k < n; k++)
            {
                var row = src.Slice((o * n + k) * inner, inner);
                switch (kind)
                {
                    case ReduceKind.Sum: TensorPrimitives.Add<T>(acc, row, acc); break;
                    case ReduceKind.Max: TensorPrimitives.Max<T>(acc, row, acc); break;
                    default: TensorPrimitives.Min<T>(acc, row, acc); break;
                }
            }
        }
        return result;
    }
}
