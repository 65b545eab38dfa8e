using Course.Engine.Layers;

namespace Course.Day05;

/// <summary>Exercise 5.6 — Inception block: four parallel branches on the same input, concatenated on channels (lesson §5.6).</summary>
/// <remarks>
/// Order: 1×1 (c1) | 1×1 (c3r) → 3×3 pad 1 (c3) | 1×1 (c5r) → 5×5 pad 2 (c5) | 3×3 max-pool stride 1 pad 1 → 1×1 (pp),
/// ReLU after every conv. Output (N, c1 + c3 + c5 + pp, H, W). Backward hands each branch its own channel range of
/// dOut and sums the four dX, because the input fans out to all four branches.
/// </remarks>
public sealed class InceptionBlock : ILayer
{
    private readonly Sequential<double>[] _branches;
    private readonly int[] _widths;
    private readonly Parameter[] _parameters;

    public InceptionBlock(int inChannels, int c1, int c3r, int c3, int c5r, int c5, int pp, Rng rng)
    {
        if (new[] { inChannels, c1, c3r, c3, c5r, c5, pp }.Any(v => v < 1))
            throw new ArgumentException($"InceptionBlock: every width must be ≥ 1, got ({inChannels}, {c1}, {c3r}, {c3}, {c5r}, {c5}, {pp}).");
        ArgumentNullException.ThrowIfNull(rng);
        InChannels = inChannels;
        _branches =
        [
            new(new Conv2d<double>(inChannels, c1, 1, rng), new Relu<double>()),
            new(new Conv2d<double>(inChannels, c3r, 1, rng), new Relu<double>(), new Conv2d<double>(c3r, c3, 3, rng, pad: 1), new Relu<double>()),
            new(new Conv2d<double>(inChannels, c5r, 1, rng), new Relu<double>(), new Conv2d<double>(c5r, c5, 5, rng, pad: 2), new Relu<double>()),
            new(new MaxPool2d<double>(3, 1, pad: 1), new Conv2d<double>(inChannels, pp, 1, rng), new Relu<double>()),
        ];
        _widths = [c1, c3, c5, pp];
        _parameters = [.. _branches.SelectMany(b => b.Parameters)];
    }

    public int InChannels { get; }
    public int OutChannels => _widths.Sum();

    /// <summary>The four branches in concatenation order.</summary>
    public IReadOnlyList<Sequential<double>> Branches => _branches;

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public Tensor Forward(Tensor x, bool training = true)
    {
        if (x.Rank != 4 || x.Dim(1) != InChannels)
            throw new ArgumentException($"InceptionBlock: expected input of shape (N, {InChannels}, H, W), got {x.ShapeString}.");
        var outputs = _branches.Select(b => b.Forward(x, training)).ToArray();
        return ConcatChannels(outputs);
    }

    public Tensor Backward(Tensor dOut)
    {
        if (dOut.Rank != 4 || dOut.Dim(1) != OutChannels)
            throw new ArgumentException($"InceptionBlock.Backward: expected dOut of shape (N, {OutChannels}, H, W), got {dOut.ShapeString}.");
        Tensor? dx = null;
        int offset = 0;
        for (int i = 0; i < _branches.Length; i++)
        {
            var part = _branches[i].Backward(SliceChannels(dOut, offset, _widths[i]));
            dx = dx is null ? part : dx + part;
            offset += _widths[i];
        }
        return dx!;
    }

    /// <summary>Stacks (N, C_i, H, W) tensors into (N, ΣC_i, H, W).</summary>
    private static Tensor ConcatChannels(Tensor[] parts)
    {
        int n = parts[0].Dim(0), h = parts[0].Dim(2), w = parts[0].Dim(3), hw = h * w;
        int total = parts.Sum(p => p.Dim(1));
        var y = Tensor.Zeros(n, total, h, w);
        var ys = y.Span;
        for (int img = 0; img < n; img++)
        {
            int offset = 0;
            foreach (var p in parts)
            {
                int c = p.Dim(1);
                p.Span.Slice(img * c * hw, c * hw).CopyTo(ys.Slice((img * total + offset) * hw, c * hw));
                offset += c;
            }
        }
        return y;
    }

    /// <summary>Channels [offset, offset + count) of (N, C, H, W) as a new (N, count, H, W) tensor.</summary>
    private static Tensor SliceChannels(Tensor x, int offset, int count)
    {
        int n = x.Dim(0), c = x.Dim(1), hw = x.Dim(2) * x.Dim(3);
        var y = Tensor.Zeros(n, count, x.Dim(2), x.Dim(3));
        for (int img = 0; img < n; img++)
            x.Span.Slice((img * c + offset) * hw, count * hw).CopyTo(y.Span.Slice(img * count * hw, count * hw));
        return y;
    }
}
