using System.Buffers.Binary;
using System.IO.Compression;

namespace Course.Engine.Data;

/// <summary>
/// Reader and writer for the IDX format of MNIST / Fashion-MNIST (unsigned-byte data only), plain or gzip-compressed.
/// </summary>
/// <remarks>
/// Layout: two zero bytes, a type code (0x08 = unsigned byte), the number of dimensions d, then d big-endian
/// int32 sizes and the data in row-major order. Compression is detected from the gzip magic bytes (1F 8B), not from
/// the file name. Every problem is an <see cref="IdxFormatException"/> naming the file.
/// </remarks>
public static class Idx
{
    private const byte UnsignedByte = 0x08;

    /// <summary>An IDX array: its shape and its bytes.</summary>
    public sealed record Contents(int[] Shape, byte[] Data);

    /// <summary>Reads any unsigned-byte IDX file.</summary>
    public static Contents Read(string path)
    {
        byte[] bytes = ReadAllBytes(path);
        if (bytes.Length < 4)
            throw new IdxFormatException(path, $"only {bytes.Length} bytes; an IDX header needs at least 4 (truncated file?).");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new IdxFormatException(path, $"not an IDX file: the magic number starts with 0x{bytes[0]:X2} 0x{bytes[1]:X2}, expected 0x00 0x00.");
        if (bytes[2] != UnsignedByte)
            throw new IdxFormatException(path, $"element type code 0x{bytes[2]:X2} is not supported; only unsigned bytes (0x08) are.");
        int rank = bytes[3];
        if (rank == 0) throw new IdxFormatException(path, "the header declares 0 dimensions.");
        int header = 4 + 4 * rank;
        if (bytes.Length < header)
            throw new IdxFormatException(path, $"header declares {rank} dimensions ({header} header bytes) but the file has only {bytes.Length} bytes (truncated file?).");
        var shape = new int[rank];
        long length = 1;
        for (int d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d, 4));
            if (shape[d] < 0) throw new IdxFormatException(path, $"dimension {d} has negative size {shape[d]}.");
            length *= shape[d];
        }
        long available = bytes.Length - header;
        if (available < length)
            throw new IdxFormatException(path,
                $"shape {Shapes.Format(shape)} needs {length:N0} data bytes after the header but only {available:N0} are present (truncated file?).");
        if (available > length)
            throw new IdxFormatException(path, $"{available - length:N0} unexpected bytes after the {length:N0} data bytes of shape {Shapes.Format(shape)}.");
        return new Contents(shape, bytes.AsSpan(header).ToArray());
    }

    /// <summary>Images [N, rows, cols] as <typeparamref name="T"/> scaled to [0, 1] (÷255).</summary>
    public static Tensor<T> ReadImages<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var idx = Read(path);
        if (idx.Shape.Length != 3)
            throw new IdxFormatException(path, $"expected images of shape (N, rows, cols), found shape {Shapes.Format(idx.Shape)}.");
        var t = Tensor<T>.Zeros(idx.Shape);
        var s = t.Span;
        T scale = T.One / T.CreateChecked(255);
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateChecked(idx.Data[i]) * scale;
        return t;
    }

    /// <summary>Labels [N] as integers.</summary>
    public static int[] ReadLabels(string path)
    {
        var idx = Read(path);
        if (idx.Shape.Length != 1)
            throw new IdxFormatException(path, $"expected labels of shape (N), found shape {Shapes.Format(idx.Shape)}.");
        var labels = new int[idx.Data.Length];
        for (int i = 0; i < labels.Length; i++) labels[i] = idx.Data[i];
        return labels;
    }

    /// <summary>Writes an unsigned-byte IDX file (gzip-compressed when <paramref name="gzip"/>), e.g. for round-trip tests.</summary>
    public static void Write(string path, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape, bool gzip = false)
    {
        if (shape.Length is 0 or > 255) throw new ArgumentException($"Idx.Write: rank {shape.Length} is not in 1..255.", nameof(shape));
        if (Shapes.Product(shape) != data.Length)
            throw new ArgumentException($"Idx.Write: {data.Length} bytes do not fill shape {Shapes.Format(shape)}.", nameof(data));
        var buffer = new byte[4 + 4 * shape.Length + data.Length];
        buffer[2] = UnsignedByte;
        buffer[3] = (byte)shape.Length;
        for (int d = 0; d < shape.Length; d++) BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(4 + 4 * d, 4), shape[d]);
        data.CopyTo(buffer.AsSpan(4 + 4 * shape.Length));

        using var file = File.Create(path);
        if (gzip)
        {
            using var z = new GZipStream(file, CompressionLevel.Fastest);
            z.Write(buffer);
        }
        else file.Write(buffer);
    }

    private static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B) return raw;
        try
        {
            using var z = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var result = new MemoryStream();
            z.CopyTo(result);
            return result.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, $"gzip data is corrupt or truncated ({e.Message}).", e);
        }
        catch (EndOfStreamException e)
        {
            throw new IdxFormatException(path, "gzip data ends early (truncated file?).", e);
        }
    }
}
