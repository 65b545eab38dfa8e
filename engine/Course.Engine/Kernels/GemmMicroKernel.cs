using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>
/// A register-blocked GEMM micro-kernel: multiplies a packed A sliver (kc × Mr, column by column) by a packed B sliver
/// (kc × Nr, row by row) and writes or adds the Mr × Nr result into C. Implemented by structs so the blocked driver is
/// specialised per kernel by the JIT (static abstract members, no virtual calls).
/// </summary>
internal unsafe interface IGemmMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of C per tile (rows of the packed A sliver).</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of C per tile (width of the packed B sliver).</summary>
    static abstract int Nr { get; }

    /// <summary>C[0..Mr, 0..Nr] (row stride ldc) = (accumulate ? C : 0) + Σ_p a[p·Mr + r] · b[p·Nr + j].</summary>
    static abstract void Run(T* a, T* b, int kc, T* c, nint ldc, bool accumulate);
}

/// <summary>Fused multiply-add on generic vectors; the typeof checks are constants to the JIT, so only one branch survives.</summary>
internal static class VectorFma
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }
}
