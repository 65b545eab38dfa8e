using System.Numerics;

namespace Course.Engine.Kernels;

/// <summary>Masked copies used by ReLU-like backward passes, vectorised with <see cref="Vector{T}"/>.</summary>
public static class Masks
{
    /// <summary><c>destination[i] = condition[i] &gt; 0 ? source[i] : 0</c>. All three spans have the same length.</summary>
    public static void SelectWherePositive<T>(ReadOnlySpan<T> condition, ReadOnlySpan<T> source, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (condition.Length != source.Length || destination.Length != source.Length)
            throw new ArgumentException($"SelectWherePositive: lengths {condition.Length}, {source.Length}, {destination.Length} differ.");
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            int w = Vector<T>.Count;
            var zero = Vector<T>.Zero;
            for (; i <= source.Length - w; i += w)
            {
                var c = new Vector<T>(condition.Slice(i, w));
                var s = new Vector<T>(source.Slice(i, w));
                Vector.ConditionalSelect(Vector.GreaterThan(c, zero), s, zero).CopyTo(destination.Slice(i, w));
            }
        }
        for (; i < source.Length; i++)
            destination[i] = condition[i] > T.Zero ? source[i] : T.Zero;
    }
}
