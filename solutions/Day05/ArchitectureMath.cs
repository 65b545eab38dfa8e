namespace Course.Day05;

/// <summary>Exercise 5.1 — parameter and multiply–add counts of a layer list (lesson §5.1).</summary>
public static class ArchitectureMath
{
    /// <summary>Trainable parameters: weights and biases of conv/fc, γ and β of batch norm, nothing for pooling.</summary>
    public static long ParameterCount(IEnumerable<LayerSpec> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        long total = 0;
        foreach (var layer in layers)
        {
            total += layer switch
            {
                LayerSpec.Conv c => (long)c.Kernel * c.Kernel * c.InChannels * c.OutChannels + (c.Bias ? c.OutChannels : 0),
                LayerSpec.Fc f => (long)f.In * f.Out + f.Out,
                LayerSpec.BatchNorm b => 2L * b.Channels,
                LayerSpec.DepthwiseConv d => (long)d.Kernel * d.Kernel * d.Channels,
                LayerSpec.Pool => 0,
                _ => throw new ArgumentException($"ParameterCount: unknown layer {layer}."),
            };
        }
        return total;
    }

    /// <summary>Multiply–adds of conv, depthwise conv and fc layers for one c×h×w image, following the shape through the list.</summary>
    public static long MultiplyAdds(IEnumerable<LayerSpec> layers, int c, int h, int w)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (c < 1 || h < 1 || w < 1) throw new ArgumentException($"MultiplyAdds: input must be at least 1×1×1, got {c}×{h}×{w}.");
        long total = 0;
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case LayerSpec.Conv conv:
                    RequireChannels("Conv", conv.InChannels, c);
                    (h, w) = (OutSize(h, conv.Kernel, conv.Stride, conv.Pad), OutSize(w, conv.Kernel, conv.Stride, conv.Pad));
                    c = conv.OutChannels;
                    total += (long)c * h * w * conv.InChannels * conv.Kernel * conv.Kernel;
                    break;
                case LayerSpec.DepthwiseConv dw:
                    RequireChannels("DepthwiseConv", dw.Channels, c);
                    (h, w) = (OutSize(h, dw.Kernel, dw.Stride, dw.Pad), OutSize(w, dw.Kernel, dw.Stride, dw.Pad));
                    total += (long)c * h * w * dw.Kernel * dw.Kernel;
                    break;
                case LayerSpec.Pool pool:
                    (h, w) = (OutSize(h, pool.Kernel, pool.Stride, 0), OutSize(w, pool.Kernel, pool.Stride, 0));
                    break;
                case LayerSpec.Fc fc:
                    if ((long)c * h * w != fc.In)
                        throw new ArgumentException($"MultiplyAdds: Fc expects {fc.In} inputs, the previous layer gives {c}×{h}×{w} = {(long)c * h * w}.");
                    total += (long)fc.In * fc.Out;
                    (c, h, w) = (fc.Out, 1, 1);
                    break;
                case LayerSpec.BatchNorm bn:
                    RequireChannels("BatchNorm", bn.Channels, c);
                    break;
                default:
                    throw new ArgumentException($"MultiplyAdds: unknown layer {layer}.");
            }
        }
        return total;
    }

    /// <summary>VGG-16 (configuration D) for a 224×224×3 image and 1,000 classes.</summary>
    public static IReadOnlyList<LayerSpec> Vgg16() => Vgg(2, 2, 3, 3, 3);

    /// <summary>A VGG network: five stages of 3×3 convs (64, 128, 256, 512, 512 channels) each ending in a 2×2 max-pool, then fc 4096–4096–1000.</summary>
    /// <param name="convsPerStage">Five counts, e.g. (2, 2, 3, 3, 3) for VGG-16 and (2, 2, 4, 4, 4) for VGG-19.</param>
    public static IReadOnlyList<LayerSpec> Vgg(params int[] convsPerStage)
    {
        int[] widths = [64, 128, 256, 512, 512];
        if (convsPerStage.Length != widths.Length || convsPerStage.Any(n => n < 1))
            throw new ArgumentException($"Vgg: expected five positive conv counts, got ({string.Join(", ", convsPerStage)}).");
        var layers = new List<LayerSpec>();
        int c = 3;
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int i = 0; i < convsPerStage[stage]; i++)
            {
                layers.Add(new LayerSpec.Conv(c, widths[stage], 3, 1, 1));
                c = widths[stage];
            }
            layers.Add(new LayerSpec.Pool(2, 2));
        }
        layers.Add(new LayerSpec.Fc(512 * 7 * 7, 4096));
        layers.Add(new LayerSpec.Fc(4096, 4096));
        layers.Add(new LayerSpec.Fc(4096, 1000));
        return layers;
    }

    private static int OutSize(int size, int k, int stride, int pad)
    {
        int o = (size + 2 * pad - k) / stride + 1;
        if (o < 1) throw new ArgumentException($"MultiplyAdds: a {k}×{k} window (stride {stride}, pad {pad}) does not fit a size-{size} input.");
        return o;
    }

    private static void RequireChannels(string layer, int expected, int actual)
    {
        if (expected != actual) throw new ArgumentException($"MultiplyAdds: {layer} expects {expected} input channels, the previous layer gives {actual}.");
    }
}
