using System.Runtime.Intrinsics;

namespace Course.Engine.Kernels;

/// <summary>
/// One elementwise function of two inputs, written once per width (as <c>System.Numerics.Tensors</c> writes its
/// operators): <see cref="Elementwise.Binary{T, TOperator}"/> walks the spans with the widest vector body the machine
/// runs and finishes the tail with the scalar one, so both must compute the same IEEE operations in the same order.
/// </summary>
internal interface IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract T Invoke(T a, T b);
    static abstract Vector256<T> Invoke(Vector256<T> a, Vector256<T> b);
    static abstract Vector512<T> Invoke(Vector512<T> a, Vector512<T> b);
}
