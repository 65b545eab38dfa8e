namespace Course.Engine.Kernels;

/// <summary>Which operands of a <see cref="Gemm"/> product are read transposed.</summary>
/// <remarks>
/// A product such as dW = dYᵀ·X is written <c>Transpose.A</c> at the call site instead of a positional
/// <c>true, false</c>: the kernel reads the stored matrix in the other order, so no transposed copy is ever made.
/// </remarks>
[Flags]
internal enum Transpose
{
    /// <summary>C = A·B: A is [m, k], B is [k, n].</summary>
    None = 0,

    /// <summary>C = Aᵀ·B: A is stored [k, m].</summary>
    A = 1,

    /// <summary>C = A·Bᵀ: B is stored [n, k].</summary>
    B = 2,

    /// <summary>C = Aᵀ·Bᵀ.</summary>
    Both = A | B,
}
