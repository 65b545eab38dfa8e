using System.Numerics;
using System.Text;

namespace Course.Engine;

/// <summary>
/// A dense, row-major, contiguous n-dimensional array of <typeparamref name="T"/> (float or double).
/// </summary>
/// <remarks>
/// Batch first: a mini-batch of vectors is <c>[batch, features]</c>, of images <c>[batch, channels, height, width]</c>,
/// of sequences <c>[batch, time, features]</c>. Arithmetic never works in place: every operator returns a new tensor.
/// <see cref="Reshape"/> and <see cref="Slice"/> along axis 0 are views that share storage; everything else copies.
/// Named <c>Tensor&lt;T&gt;</c> like <c>System.Numerics.Tensors.Tensor&lt;T&gt;</c>; the engine never imports that namespace's type.
/// </remarks>
public sealed partial class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;
    private readonly int _offset;
    private readonly int[] _shape;

    internal Tensor(T[] data, int offset, int[] shape)
    {
        _data = data;
        _offset = offset;
        _shape = shape;
        Length = Shapes.Product(shape);
    }

    private Tensor(int[] shape) : this(new T[Shapes.Product(Shapes.Validate(shape))], 0, shape) { }

    /// <summary>Sizes of the axes, outermost first.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>A copy of <see cref="Shape"/> as an array (for passing to constructors).</summary>
    public int[] ShapeArray => (int[])_shape.Clone();

    /// <summary>Number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Flat, row-major view of the elements (writes go to this tensor and every view of it).</summary>
    public Span<T> Span => _data.AsSpan(_offset, Length);

    /// <summary>Size of one axis; negative axes count from the end.</summary>
    public int Dim(int axis) => _shape[Shapes.NormalizeAxis(axis, Rank, "Dim")];

    /// <summary>Element at a full index (one coordinate per axis).</summary>
    public T this[params int[] index]
    {
        get => _data[_offset + FlatIndex(index)];
        set => _data[_offset + FlatIndex(index)] = value;
    }

    // ---- construction -------------------------------------------------------------------------

    /// <summary>A tensor of zeros with the given shape.</summary>
    public static Tensor<T> Zeros(params int[] shape) => new((int[])shape.Clone());

    /// <summary>
    /// A tensor whose elements are NOT initialised (whatever the allocator hands back), for kernels that overwrite every
    /// element: skips zeroing, which for large-object-heap arrays (≥ 85 KB) is a second full pass over memory.
    /// </summary>
    internal static Tensor<T> Uninitialized(params int[] shape)
    {
        var copy = (int[])shape.Clone();
        return new Tensor<T>(GC.AllocateUninitializedArray<T>(Shapes.Product(Shapes.Validate(copy))), 0, copy);
    }

    /// <summary>An uninitialised tensor shaped like <paramref name="other"/> (see <see cref="Uninitialized"/>).</summary>
    internal static Tensor<T> UninitializedLike(Tensor<T> other) => new(GC.AllocateUninitializedArray<T>(other.Length), 0, other.ShapeArray);

    /// <summary>A tensor of ones with the given shape.</summary>
    public static Tensor<T> Ones(params int[] shape) => Full(T.One, shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor<T> Full(T value, params int[] shape)
    {
        var t = Uninitialized(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A tensor of zeros shaped like <paramref name="other"/>.</summary>
    public static Tensor<T> ZerosLike(Tensor<T> other) => Zeros(other.ShapeArray);

    /// <summary>Copies <paramref name="data"/> into a new tensor; with no shape given, a vector.</summary>
    public static Tensor<T> From(T[] data, params int[] shape)
    {
        if (shape.Length == 0) shape = [data.Length];
        Shapes.Validate(shape);
        if (Shapes.Product(shape) != data.Length)
            throw new ArgumentException(
                $"Tensor.From: {data.Length} values cannot fill shape {Shapes.Format(shape)} ({Shapes.Product(shape)} elements).");
        return new Tensor<T>((T[])data.Clone(), 0, (int[])shape.Clone());
    }

    /// <summary>Copies a 2-D array into a <c>[rows, cols]</c> tensor.</summary>
    public static Tensor<T> From(T[,] matrix)
    {
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        var t = Zeros(rows, cols);
        var span = t.Span;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                span[i * cols + j] = matrix[i, j];
        return t;
    }

    /// <summary>A scalar-like tensor of shape <c>[1]</c>.</summary>
    public static Tensor<T> Scalar(T value) => From([value], 1);

    /// <summary>Values <c>start, start+1, …</c> as a vector of length <paramref name="count"/>.</summary>
    public static Tensor<T> Arange(int count, T? start = null)
    {
        var t = Zeros(count);
        var s = start ?? T.Zero;
        var span = t.Span;
        for (int i = 0; i < count; i++) span[i] = s + T.CreateChecked(i);
        return t;
    }

    /// <summary>A deep copy with its own storage.</summary>
    public Tensor<T> Clone()
    {
        var t = Uninitialized(_shape);
        Span.CopyTo(t.Span);
        return t;
    }

    /// <summary>Copies into a tensor of another element type (e.g. float64 → float32 for fast training).</summary>
    public Tensor<TOut> Cast<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut>
    {
        var t = Tensor<TOut>.Uninitialized(_shape);
        var src = Span;
        var dst = t.Span;
        for (int i = 0; i < src.Length; i++) dst[i] = TOut.CreateTruncating(src[i]);
        return t;
    }

    /// <summary>The elements as a new flat array.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <summary>The single element of a one-element tensor.</summary>
    public T ToScalar()
    {
        if (Length != 1) throw new InvalidOperationException($"Tensor.ToScalar: tensor of shape {ShapeString} has {Length} elements, not 1.");
        return Span[0];
    }

    // ---- views and rearrangements -------------------------------------------------------------

    /// <summary>The same elements with another shape (a view sharing storage). One axis may be -1 (inferred).</summary>
    public Tensor<T> Reshape(params int[] shape)
    {
        var resolved = Shapes.ResolveReshape(shape, Length, _shape);
        return new Tensor<T>(_data, _offset, resolved);
    }

    /// <summary>Flattens every axis after the first: <c>[N, …] → [N, rest]</c> (a view).</summary>
    public Tensor<T> Flatten2D() => Reshape(_shape.Length == 0 ? 1 : _shape[0], -1);

    /// <summary>Rows <c>start … start+length-1</c> along axis 0 as a view; other axes copy.</summary>
    public Tensor<T> Slice(int axis, int start, int length)
    {
        axis = Shapes.NormalizeAxis(axis, Rank, "Slice");
        if (start < 0 || length < 0 || start + length > _shape[axis])
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Slice: range [{start}, {start + length}) is outside axis {axis} of shape {ShapeString}.");
        var newShape = ShapeArray;
        newShape[axis] = length;
        int inner = Shapes.Product(_shape.AsSpan(axis + 1));
        if (axis == 0 || Shapes.Product(_shape.AsSpan(0, axis)) == 1)
            return new Tensor<T>(_data, _offset + start * inner, newShape);

        int outer = Shapes.Product(_shape.AsSpan(0, axis));
        var result = Uninitialized(newShape);   // every block is copied below
        var src = Span;
        var dst = result.Span;
        int block = length * inner, stride = _shape[axis] * inner;
        for (int o = 0; o < outer; o++)
            src.Slice(o * stride + start * inner, block).CopyTo(dst.Slice(o * block, block));
        return result;
    }

    /// <summary>Gathers the given indices along axis 0 (a mini-batch from a data set): <c>[N, …] → [rows.Length, …]</c>.</summary>
    public Tensor<T> Rows(ReadOnlySpan<int> rows)
    {
        if (Rank == 0) throw new InvalidOperationException("Rows: tensor has no axis 0.");
        var newShape = ShapeArray;
        newShape[0] = rows.Length;
        // Every row is overwritten, so the (often large-object-heap) result is not zeroed first.
        var result = Uninitialized(newShape);
        CopyRowsTo(rows, result);
        return result;
    }

    /// <summary>
    /// Copies row <c>rows[i]</c> (along axis 0) into row i of <paramref name="destination"/>, whose shape must be
    /// [rows.Length, …the same trailing axes…]: a mini-batch gathered into a buffer the training loop reuses. Large
    /// gathers (random rows of a dataset, each a trip to main memory) are split between the cores.
    /// </summary>
    public void CopyRowsTo(ReadOnlySpan<int> rows, Tensor<T> destination)
    {
        if (Rank == 0) throw new InvalidOperationException("CopyRowsTo: tensor has no axis 0.");
        int[] expected = [rows.Length, .. _shape[1..]];
        if (!destination.Shape.SequenceEqual(expected))
            throw new ArgumentException(
                $"CopyRowsTo: {rows.Length} rows of {ShapeString} need a destination of shape {Shapes.Format(expected)}, got {destination.ShapeString}.",
                nameof(destination));
        foreach (int r in rows)
            if ((uint)r >= (uint)_shape[0])
                throw new ArgumentOutOfRangeException(nameof(rows), $"CopyRowsTo: row index {r} is outside axis 0 of shape {ShapeString}.");
        Kernels.RowGather.Copy(this, rows, destination, inner: Length / Math.Max(1, _shape[0]));
    }

    /// <summary>Row <paramref name="index"/> along axis 0, without that axis (a view): <c>[N, …] → […]</c>.</summary>
    public Tensor<T> Row(int index)
    {
        if (Rank < 2) throw new InvalidOperationException($"Row: needs rank ≥ 2, shape is {ShapeString}.");
        if ((uint)index >= (uint)_shape[0])
            throw new ArgumentOutOfRangeException(nameof(index), $"Row: index {index} is outside axis 0 of shape {ShapeString}.");
        int inner = Length / _shape[0];
        return new Tensor<T>(_data, _offset + index * inner, _shape[1..]);
    }

    /// <summary>Matrix transpose of a 2-D tensor (a copy): <c>[m, n] → [n, m]</c>.</summary>
    public Tensor<T> Transpose()
    {
        if (Rank != 2) throw new ArgumentException($"Transpose: expects a 2-D tensor, got shape {ShapeString}; use Permute for more axes.");
        int m = _shape[0], n = _shape[1];
        var result = Uninitialized(n, m);
        Kernels.MatrixTranspose.Copy(Span, result.Span, m, n);
        return result;
    }

    /// <summary>Reorders the axes (a copy): result axis i is this tensor's axis <c>axes[i]</c>.</summary>
    public Tensor<T> Permute(params int[] axes)
    {
        if (axes.Length != Rank || axes.Distinct().Count() != Rank || axes.Any(a => a < 0 || a >= Rank))
            throw new ArgumentException($"Permute: axes [{string.Join(", ", axes)}] are not a permutation of 0..{Rank - 1} for shape {ShapeString}.");
        var newShape = axes.Select(a => _shape[a]).ToArray();
        var result = Uninitialized(newShape);
        var srcStrides = Shapes.Strides(_shape);
        var permStrides = axes.Select(a => srcStrides[a]).ToArray();
        var src = Span;
        var dst = result.Span;
        var idx = new int[Rank];
        int srcPos = 0;
        for (int i = 0; i < dst.Length; i++)
        {
            dst[i] = src[srcPos];
            for (int d = Rank - 1; d >= 0; d--)
            {
                idx[d]++;
                srcPos += permStrides[d];
                if (idx[d] < newShape[d]) break;
                srcPos -= permStrides[d] * newShape[d];
                idx[d] = 0;
            }
        }
        return result;
    }

    /// <summary>Applies <paramref name="f"/> to every element (a copy). Slow path for learner code; kernels use spans.</summary>
    public Tensor<T> Map(Func<T, T> f)
    {
        var result = Uninitialized(_shape);
        var src = Span;
        var dst = result.Span;
        for (int i = 0; i < src.Length; i++) dst[i] = f(src[i]);
        return result;
    }

    /// <summary>Copies the elements of <paramref name="source"/> (same length) into this tensor.</summary>
    public void CopyFrom(Tensor<T> source)
    {
        if (source.Length != Length)
            throw new ArgumentException($"CopyFrom: source shape {source.ShapeString} does not match {ShapeString}.");
        source.Span.CopyTo(Span);
    }

    /// <summary>True when the shapes are equal.</summary>
    public bool SameShape(Tensor<T> other) => _shape.AsSpan().SequenceEqual(other._shape);

    /// <summary>Shape as text, e.g. <c>(32, 784)</c>.</summary>
    public string ShapeString => Shapes.Format(_shape);

    private int FlatIndex(int[] index)
    {
        if (index.Length != Rank)
            throw new ArgumentException($"Index [{string.Join(", ", index)}] has {index.Length} coordinates; shape {ShapeString} has {Rank} axes.");
        int flat = 0;
        for (int d = 0; d < index.Length; d++)
        {
            int i = index[d];
            if ((uint)i >= (uint)_shape[d])
                throw new IndexOutOfRangeException($"Index [{string.Join(", ", index)}] is outside shape {ShapeString} (axis {d}).");
            flat = flat * _shape[d] + i;
        }
        return flat;
    }

    /// <summary>NumPy-like text: nested brackets, at most 6 entries per axis.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("Tensor").Append(ShapeString).Append(' ');
        Append(sb, 0, 0);
        return sb.ToString();
    }

    private void Append(StringBuilder sb, int axis, int offset)
    {
        if (Rank == 0) { sb.Append(Format(Span[0])); return; }
        int n = _shape[axis];
        int stride = Shapes.Product(_shape.AsSpan(axis + 1));
        sb.Append('[');
        for (int i = 0; i < n; i++)
        {
            if (n > 6 && i == 3) { sb.Append("…, "); i = n - 3; }
            if (axis == Rank - 1) sb.Append(Format(Span[offset + i]));
            else Append(sb, axis + 1, offset + i * stride);
            if (i < n - 1) sb.Append(", ");
        }
        sb.Append(']');
    }

    private static string Format(T v) => double.CreateTruncating(v).ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
