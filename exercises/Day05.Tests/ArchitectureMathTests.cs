namespace Course.Day05.Tests;

[Trait("Exercise", "5.1")]
public class ArchitectureMathTests
{
    [Fact]
    public void A_3x3_conv_64_to_128_has_73_856_parameters()
    {
        ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 128, 3, 1, 1)]).Should().Be(73_856L,
            "weights k·k·inC·outC = 73,728 plus one bias per output channel (lesson §5.1)");
    }

    [Fact]
    public void Vgg16_has_13_convs_5_pools_and_3_fc_layers()
    {
        var layers = ArchitectureMath.Vgg16();

        layers.OfType<LayerSpec.Conv>().Should().HaveCount(13, "VGG-16 = 13 conv + 3 fc weight layers");
        layers.OfType<LayerSpec.Pool>().Should().HaveCount(5, "one 2×2 max-pool per stage: 224 → 7");
        layers.OfType<LayerSpec.Fc>().Should().HaveCount(3);
    }
}
