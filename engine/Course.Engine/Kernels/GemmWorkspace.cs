namespace Course.Engine.Kernels;

/// <summary>
/// Per-thread packing buffers for the blocked GEMM, 64-byte aligned (one cache line, one zmm register) and kept for
/// the thread's lifetime so repeated products allocate nothing. Pinned managed arrays rather than native memory, so a
/// pool thread that exits gives its buffers back to the GC.
/// </summary>
internal sealed unsafe class GemmWorkspace
{
    private const int Alignment = 64;

    [ThreadStatic] private static GemmWorkspace? current;

    private byte[] storage = [];
    private nint aligned;
    private int capacity;

    /// <summary>The calling thread's workspace.</summary>
    public static GemmWorkspace Current => current ??= new GemmWorkspace();

    /// <summary>An aligned buffer of at least <paramref name="bytes"/> bytes, valid until the next call on this thread.</summary>
    public byte* Reserve(int bytes)
    {
        if (bytes > capacity)
        {
            storage = GC.AllocateUninitializedArray<byte>(bytes + Alignment, pinned: true);
            fixed (byte* p = storage)
                aligned = ((nint)p + (Alignment - 1)) & ~(nint)(Alignment - 1);
            capacity = bytes;
        }
        return (byte*)aligned;
    }
}
