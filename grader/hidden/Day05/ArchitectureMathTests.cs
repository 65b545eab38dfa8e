// Kills: D5-M4 parameter count without biases or without BN's γ/β; pooling counted as parameters or multiply–adds;
// MACs with the input instead of the output size, or without the channel/kernel factors; VGG configured wrongly.
namespace Course.Day05.Tests;

[Trait("Exercise", "5.1")]
public class ArchitectureMathTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Vgg16_has_138_357_544_parameters()
    {
        ArchitectureMath.ParameterCount(ArchitectureMath.Vgg16()).Should().Be(138_357_544L, "VGG-16's published count includes every conv and fc bias");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Vgg16_needs_15_47_billion_multiply_adds_for_one_224_image()
    {
        ArchitectureMath.MultiplyAdds(ArchitectureMath.Vgg16(), 3, 224, 224).Should().Be(15_470_264_320L,
            "Σ over convs of outC·OH·OW·inC·9 plus the three fc products");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void One_3x3_conv_64_to_128_has_73_856_parameters_and_a_bias_free_one_73_728()
    {
        ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 128, 3, 1, 1)]).Should().Be(73_856L, "3·3·64·128 weights + 128 biases");
        ArchitectureMath.ParameterCount([new LayerSpec.Conv(64, 128, 3, 1, 1, Bias: false)]).Should().Be(73_728L, "Bias: false drops the 128 biases");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Inception_3a_branches_have_163_696_parameters()
    {
        LayerSpec[] branches =
        [
            new LayerSpec.Conv(192, 64, 1), new LayerSpec.Conv(192, 96, 1), new LayerSpec.Conv(96, 128, 3, 1, 1),
            new LayerSpec.Conv(192, 16, 1), new LayerSpec.Conv(16, 32, 5, 1, 2), new LayerSpec.Pool(3, 1), new LayerSpec.Conv(192, 32, 1),
        ];

        ArchitectureMath.ParameterCount(branches).Should().Be(163_696L, "the 1×1 reductions keep the 3×3 and 5×5 branches cheap");
    }

    [Fact]
    public void Batch_norm_adds_gamma_and_beta_per_channel_and_pooling_adds_nothing()
    {
        ArchitectureMath.ParameterCount([new LayerSpec.BatchNorm(64)]).Should().Be(128L, "γ and β per channel; running statistics are not trained");
        ArchitectureMath.ParameterCount([new LayerSpec.Pool(2, 2)]).Should().Be(0L, "pooling has nothing to learn");
        ArchitectureMath.MultiplyAdds([new LayerSpec.Pool(2, 2)], 64, 56, 56).Should().Be(0L, "pooling's comparisons are not multiply–adds");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_3x3_conv_64_to_64_on_56x56_costs_115_605_504_multiply_adds()
    {
        ArchitectureMath.MultiplyAdds([new LayerSpec.Conv(64, 64, 3, 1, 1)], 64, 56, 56).Should().Be(115_605_504L, "64·56·56 outputs × 64·3·3 products each");
    }

    [Fact]
    public void Stride_and_padding_change_the_output_size_that_multiply_adds_count()
    {
        // 3×3 stride 2 pad 1 on 56×56 → 28×28; then a pool 2/2 → 14×14 and a second conv sees 14×14.
        LayerSpec[] layers = [new LayerSpec.Conv(64, 128, 3, 2, 1), new LayerSpec.Pool(2, 2), new LayerSpec.Conv(128, 10, 1)];

        ArchitectureMath.MultiplyAdds(layers, 64, 56, 56).Should().Be(128L * 28 * 28 * 64 * 9 + 10L * 14 * 14 * 128,
            "each conv's cost uses its own output size, which stride and the pool shrink");
    }

    [Fact]
    public void Depthwise_conv_counts_k2_C_weights_and_k2_C_OH_OW_multiply_adds()
    {
        ArchitectureMath.ParameterCount([new LayerSpec.DepthwiseConv(64, 3, 1, 1)]).Should().Be(576L, "one 3×3 filter per channel");
        ArchitectureMath.MultiplyAdds([new LayerSpec.DepthwiseConv(64, 3, 1, 1)], 64, 10, 10).Should().Be(64L * 100 * 9, "no sum over input channels");
    }

    [Fact]
    public void Vgg19_built_with_the_same_helper_has_143_667_240_parameters()
    {
        ArchitectureMath.ParameterCount(ArchitectureMath.Vgg(2, 2, 4, 4, 4)).Should().Be(143_667_240L, "three more 3×3 convs than VGG-16 in stages 3–5");
    }

    [Fact]
    public void A_channel_mismatch_is_rejected_with_a_clear_message()
    {
        var act = () => ArchitectureMath.MultiplyAdds([new LayerSpec.Conv(3, 8, 3)], 4, 8, 8);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("3").And.Contain("4");
    }
}
