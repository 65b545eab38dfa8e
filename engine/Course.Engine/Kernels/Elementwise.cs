using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>The one vector loop behind the engine's own elementwise operators (<see cref="IBinaryOperator{T}"/>).</summary>
internal static class Elementwise
{
    /// <summary>
    /// <c>destination[i] = TOperator(a[i], b[i])</c>: Vector512 steps where the machine runs them, else Vector256
    /// steps, then the scalar body for the tail. <paramref name="destination"/> may be <paramref name="a"/> or
    /// <paramref name="b"/> itself (each step reads its lanes before writing them), not a shifted overlap.
    /// </summary>
    public static void Binary<T, TOperator>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOperator : IBinaryOperator<T>
    {
        if (a.Length != b.Length || destination.Length != a.Length)
            throw new ArgumentException($"Elementwise: lengths {a.Length}, {b.Length}, {destination.Length} differ.");
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rd = ref MemoryMarshal.GetReference(destination);
        nuint i = 0, n = (nuint)a.Length;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            for (nuint w = (nuint)Vector512<T>.Count; i + w <= n; i += w)
                TOperator.Invoke(Vector512.LoadUnsafe(ref ra, i), Vector512.LoadUnsafe(ref rb, i)).StoreUnsafe(ref rd, i);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (nuint w = (nuint)Vector256<T>.Count; i + w <= n; i += w)
                TOperator.Invoke(Vector256.LoadUnsafe(ref ra, i), Vector256.LoadUnsafe(ref rb, i)).StoreUnsafe(ref rd, i);
        }
        for (; i < n; i++)
            destination[(int)i] = TOperator.Invoke(a[(int)i], b[(int)i]);
    }
}
