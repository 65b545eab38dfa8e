namespace Course.Engine;

/// <summary>Shape arithmetic shared by tensors, layers and kernels: products, strides, broadcasting, messages.</summary>
public static class Shapes
{
    /// <summary>Number of elements of a shape (1 for the empty shape).</summary>
    public static int Product(ReadOnlySpan<int> shape)
    {
        long p = 1;
        foreach (var d in shape) p *= d;
        if (p > int.MaxValue) throw new ArgumentException($"Shape {Format(shape)} has more than {int.MaxValue} elements.");
        return (int)p;
    }

    /// <summary>Row-major strides of a contiguous shape.</summary>
    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int d = shape.Length - 1; d >= 0; d--) { strides[d] = s; s *= shape[d]; }
        return strides;
    }

    /// <summary>Formats a shape as <c>(2, 3)</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "(" + string.Join(", ", shape.ToArray()) + ")";

    /// <summary>Throws when an axis size is negative.</summary>
    public static int[] Validate(int[] shape)
    {
        foreach (var d in shape)
            if (d < 0) throw new ArgumentException($"Shape {Format(shape)} has a negative axis size.");
        return shape;
    }

    /// <summary>Maps a possibly negative axis into <c>0..rank-1</c> or throws naming the operation.</summary>
    public static int NormalizeAxis(int axis, int rank, string operation)
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new ArgumentOutOfRangeException(nameof(axis), $"{operation}: axis {axis} is out of range for a tensor of rank {rank}.");
        return a;
    }

    /// <summary>Resolves a reshape target with at most one -1.</summary>
    public static int[] ResolveReshape(int[] target, int length, ReadOnlySpan<int> from)
    {
        var shape = (int[])target.Clone();
        int infer = -1, known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException($"Reshape {Format(from)} → {Format(target)}: only one axis may be -1.");
                infer = i;
            }
            else if (shape[i] < 0) throw new ArgumentException($"Reshape {Format(from)} → {Format(target)}: negative size.");
            else known *= shape[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || length % known != 0)
                throw new ArgumentException($"Reshape {Format(from)} → {Format(target)}: {length} elements do not divide evenly.");
            shape[infer] = length / known;
        }
        if (Product(shape) != length)
            throw new ArgumentException($"Reshape {Format(from)} → {Format(target)}: {length} elements cannot take shape with {Product(shape)}.");
        return shape;
    }

    /// <summary>NumPy broadcasting of two shapes, or an exception naming the operation and both shapes.</summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string operation)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{operation}: shapes {Format(a)} and {Format(b)} cannot be broadcast together.");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the layer and both shapes unless <paramref name="actual"/> has the expected rank.</summary>
    public static void RequireRank(string layer, ReadOnlySpan<int> actual, int rank, string expected)
    {
        if (actual.Length != rank)
            throw new ArgumentException($"{layer}: expected input of shape {expected}, got {Format(actual)}.");
    }
}
