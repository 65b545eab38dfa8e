using System.Buffers;
using System.Numerics.Tensors;

namespace Course.Engine.Kernels.Parallel;

/// <summary>Writes one part of a sum into <paramref name="destination"/> (a full-size result, row stride = its width).</summary>
internal unsafe delegate void PartialSum<T>(int part, T* destination) where T : unmanaged;

/// <summary>
/// A result that is a sum over ranges of a long shared dimension (a GEMM split over k), computed in parallel: part 0
/// writes the result itself, every other part a private pooled buffer, and those are added in at the end — no two
/// cores ever write the same memory.
/// </summary>
internal static unsafe class PartialSums
{
    /// <summary>Runs <paramref name="body"/> for parts 0 … <paramref name="parts"/> − 1 and leaves their sum in <paramref name="result"/>.</summary>
    public static void Run<T>(T* result, int size, int parts, PartialSum<T> body) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parts == 1)
        {
            body(0, result);
            return;
        }
        var partials = new T[parts - 1][];
        for (int i = 0; i < partials.Length; i++) partials[i] = ArrayPool<T>.Shared.Rent(size);
        try
        {
            nint target = (nint)result;
            CoreTeam.For(parts, part =>
            {
                if (part == 0)
                {
                    body(0, (T*)target);
                    return;
                }
                fixed (T* partial = partials[part - 1]) body(part, partial);
            });
            var sum = new Span<T>(result, size);
            foreach (var partial in partials) TensorPrimitives.Add(sum, partial.AsSpan(0, size), sum);
        }
        finally
        {
            foreach (var partial in partials) ArrayPool<T>.Shared.Return(partial);
        }
    }
}
