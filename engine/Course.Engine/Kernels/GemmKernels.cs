// The kernels below are written out row by row on purpose: the accumulators must live in registers, and the JIT only
// keeps them there when each one is a separate local. 12×2 Vector512 accumulators + 2 B vectors + 1 broadcast = 27 of
// the 32 zmm registers; 6×2 Vector256 accumulators + 3 = 15 of the 16 ymm registers.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>12 × (2 × Vector512) tile for AVX-512: 12 × 32 floats or 12 × 16 doubles per call.</summary>
internal readonly unsafe struct Avx512Kernel<T> : IGemmMicroKernel<T> where T : unmanaged
{
    public static int Mr => 12;
    public static int Nr => 2 * Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(T* a, T* b, int kc, T* c, nint ldc, bool accumulate)
    {
        nint w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        Vector512<T> c80 = default, c81 = default;
        Vector512<T> c90 = default, c91 = default;
        Vector512<T> c100 = default, c101 = default;
        Vector512<T> c110 = default, c111 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var a0 = Vector512.Create(a[0]);
            c00 = VectorFma.Fma(a0, b0, c00);
            c01 = VectorFma.Fma(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = VectorFma.Fma(a1, b0, c10);
            c11 = VectorFma.Fma(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = VectorFma.Fma(a2, b0, c20);
            c21 = VectorFma.Fma(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = VectorFma.Fma(a3, b0, c30);
            c31 = VectorFma.Fma(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = VectorFma.Fma(a4, b0, c40);
            c41 = VectorFma.Fma(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = VectorFma.Fma(a5, b0, c50);
            c51 = VectorFma.Fma(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = VectorFma.Fma(a6, b0, c60);
            c61 = VectorFma.Fma(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = VectorFma.Fma(a7, b0, c70);
            c71 = VectorFma.Fma(a7, b1, c71);
            var a8 = Vector512.Create(a[8]);
            c80 = VectorFma.Fma(a8, b0, c80);
            c81 = VectorFma.Fma(a8, b1, c81);
            var a9 = Vector512.Create(a[9]);
            c90 = VectorFma.Fma(a9, b0, c90);
            c91 = VectorFma.Fma(a9, b1, c91);
            var a10 = Vector512.Create(a[10]);
            c100 = VectorFma.Fma(a10, b0, c100);
            c101 = VectorFma.Fma(a10, b1, c101);
            var a11 = Vector512.Create(a[11]);
            c110 = VectorFma.Fma(a11, b0, c110);
            c111 = VectorFma.Fma(a11, b1, c111);
            a += 12;
            b += 2 * w;
        }
        if (accumulate)
        {
            { T* row = c + 0 * ldc; Vector512.Store(Vector512.Load(row) + c00, row); Vector512.Store(Vector512.Load(row + w) + c01, row + w); }
            { T* row = c + 1 * ldc; Vector512.Store(Vector512.Load(row) + c10, row); Vector512.Store(Vector512.Load(row + w) + c11, row + w); }
            { T* row = c + 2 * ldc; Vector512.Store(Vector512.Load(row) + c20, row); Vector512.Store(Vector512.Load(row + w) + c21, row + w); }
            { T* row = c + 3 * ldc; Vector512.Store(Vector512.Load(row) + c30, row); Vector512.Store(Vector512.Load(row + w) + c31, row + w); }
            { T* row = c + 4 * ldc; Vector512.Store(Vector512.Load(row) + c40, row); Vector512.Store(Vector512.Load(row + w) + c41, row + w); }
            { T* row = c + 5 * ldc; Vector512.Store(Vector512.Load(row) + c50, row); Vector512.Store(Vector512.Load(row + w) + c51, row + w); }
            { T* row = c + 6 * ldc; Vector512.Store(Vector512.Load(row) + c60, row); Vector512.Store(Vector512.Load(row + w) + c61, row + w); }
            { T* row = c + 7 * ldc; Vector512.Store(Vector512.Load(row) + c70, row); Vector512.Store(Vector512.Load(row + w) + c71, row + w); }
            { T* row = c + 8 * ldc; Vector512.Store(Vector512.Load(row) + c80, row); Vector512.Store(Vector512.Load(row + w) + c81, row + w); }
            { T* row = c + 9 * ldc; Vector512.Store(Vector512.Load(row) + c90, row); Vector512.Store(Vector512.Load(row + w) + c91, row + w); }
            { T* row = c + 10 * ldc; Vector512.Store(Vector512.Load(row) + c100, row); Vector512.Store(Vector512.Load(row + w) + c101, row + w); }
            { T* row = c + 11 * ldc; Vector512.Store(Vector512.Load(row) + c110, row); Vector512.Store(Vector512.Load(row + w) + c111, row + w); }
        }
        else
        {
            { T* row = c + 0 * ldc; Vector512.Store(c00, row); Vector512.Store(c01, row + w); }
            { T* row = c + 1 * ldc; Vector512.Store(c10, row); Vector512.Store(c11, row + w); }
            { T* row = c + 2 * ldc; Vector512.Store(c20, row); Vector512.Store(c21, row + w); }
            { T* row = c + 3 * ldc; Vector512.Store(c30, row); Vector512.Store(c31, row + w); }
            { T* row = c + 4 * ldc; Vector512.Store(c40, row); Vector512.Store(c41, row + w); }
            { T* row = c + 5 * ldc; Vector512.Store(c50, row); Vector512.Store(c51, row + w); }
            { T* row = c + 6 * ldc; Vector512.Store(c60, row); Vector512.Store(c61, row + w); }
            { T* row = c + 7 * ldc; Vector512.Store(c70, row); Vector512.Store(c71, row + w); }
            { T* row = c + 8 * ldc; Vector512.Store(c80, row); Vector512.Store(c81, row + w); }
            { T* row = c + 9 * ldc; Vector512.Store(c90, row); Vector512.Store(c91, row + w); }
            { T* row = c + 10 * ldc; Vector512.Store(c100, row); Vector512.Store(c101, row + w); }
            { T* row = c + 11 * ldc; Vector512.Store(c110, row); Vector512.Store(c111, row + w); }
        }
    }
}

/// <summary>6 × (2 × Vector256) tile for AVX2-class machines: 6 × 16 floats or 6 × 8 doubles per call.</summary>
internal readonly unsafe struct Avx2Kernel<T> : IGemmMicroKernel<T> where T : unmanaged
{
    public static int Mr => 6;
    public static int Nr => 2 * Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(T* a, T* b, int kc, T* c, nint ldc, bool accumulate)
    {
        nint w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var a0 = Vector256.Create(a[0]);
            c00 = VectorFma.Fma(a0, b0, c00);
            c01 = VectorFma.Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = VectorFma.Fma(a1, b0, c10);
            c11 = VectorFma.Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = VectorFma.Fma(a2, b0, c20);
            c21 = VectorFma.Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = VectorFma.Fma(a3, b0, c30);
            c31 = VectorFma.Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = VectorFma.Fma(a4, b0, c40);
            c41 = VectorFma.Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = VectorFma.Fma(a5, b0, c50);
            c51 = VectorFma.Fma(a5, b1, c51);
            a += 6;
            b += 2 * w;
        }
        if (accumulate)
        {
            { T* row = c + 0 * ldc; Vector256.Store(Vector256.Load(row) + c00, row); Vector256.Store(Vector256.Load(row + w) + c01, row + w); }
            { T* row = c + 1 * ldc; Vector256.Store(Vector256.Load(row) + c10, row); Vector256.Store(Vector256.Load(row + w) + c11, row + w); }
            { T* row = c + 2 * ldc; Vector256.Store(Vector256.Load(row) + c20, row); Vector256.Store(Vector256.Load(row + w) + c21, row + w); }
            { T* row = c + 3 * ldc; Vector256.Store(Vector256.Load(row) + c30, row); Vector256.Store(Vector256.Load(row + w) + c31, row + w); }
            { T* row = c + 4 * ldc; Vector256.Store(Vector256.Load(row) + c40, row); Vector256.Store(Vector256.Load(row + w) + c41, row + w); }
            { T* row = c + 5 * ldc; Vector256.Store(Vector256.Load(row) + c50, row); Vector256.Store(Vector256.Load(row + w) + c51, row + w); }
        }
        else
        {
            { T* row = c + 0 * ldc; Vector256.Store(c00, row); Vector256.Store(c01, row + w); }
            { T* row = c + 1 * ldc; Vector256.Store(c10, row); Vector256.Store(c11, row + w); }
            { T* row = c + 2 * ldc; Vector256.Store(c20, row); Vector256.Store(c21, row + w); }
            { T* row = c + 3 * ldc; Vector256.Store(c30, row); Vector256.Store(c31, row + w); }
            { T* row = c + 4 * ldc; Vector256.Store(c40, row); Vector256.Store(c41, row + w); }
            { T* row = c + 5 * ldc; Vector256.Store(c50, row); Vector256.Store(c51, row + w); }
        }
    }
}
