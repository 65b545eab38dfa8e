namespace Course.Day05;

/// <summary>Exercise 5.1 — parameter and multiply–add counts of a layer list (lesson §5.1).</summary>
public static class ArchitectureMath
{
    /// <summary>Trainable parameters: weights and biases of conv/fc, γ and β of batch norm, nothing for pooling.</summary>
    public static long ParameterCount(IEnumerable<LayerSpec> layers) =>
        throw new NotImplementedException(
            "ArchitectureMath.ParameterCount: switch on each LayerSpec — conv k·k·inC·outC (+ outC bias), fc in·out + out, BN 2C, depthwise k·k·C, pool 0 (lesson §5.1).");

    /// <summary>Multiply–adds of conv, depthwise conv and fc layers for one c×h×w image, following the shape through the list.</summary>
    public static long MultiplyAdds(IEnumerable<LayerSpec> layers, int c, int h, int w) =>
        throw new NotImplementedException(
            "ArchitectureMath.MultiplyAdds: carry (C, H, W) through the list; each conv costs outC·OH·OW·inC·k² with OH = (H + 2p − k)/s + 1, fc costs in·out (lesson §5.1).");

    /// <summary>VGG-16 (configuration D) for a 224×224×3 image and 1,000 classes.</summary>
    public static IReadOnlyList<LayerSpec> Vgg16() =>
        throw new NotImplementedException("ArchitectureMath.Vgg16: call Vgg with the conv counts of the five stages of VGG-16 (lesson §5.1).");

    /// <summary>A VGG network: five stages of 3×3 convs (64, 128, 256, 512, 512 channels) each ending in a 2×2 max-pool, then fc 4096–4096–1000.</summary>
    /// <param name="convsPerStage">Five counts, e.g. (2, 2, 3, 3, 3) for VGG-16 and (2, 2, 4, 4, 4) for VGG-19.</param>
    public static IReadOnlyList<LayerSpec> Vgg(params int[] convsPerStage) =>
        throw new NotImplementedException(
            "ArchitectureMath.Vgg: per stage add that many 3×3 pad-1 convs then a 2×2 pool; after five pools 224 → 7, so the first fc has 512·7·7 inputs (lesson §5.1).");
}
