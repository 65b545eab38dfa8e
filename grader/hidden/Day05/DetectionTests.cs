// Kills: D5-M5 IoU with inclusive pixel coordinates (+1) or union = sum of areas; NMS without sorting by score;
// NMS dropping boxes at IoU exactly equal to the threshold; unstable order on ties; mean IoU over absent classes.
namespace Course.Day05.Tests;

[Trait("Exercise", "5.2")]
public class DetectionTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void IoU_of_two_2x2_boxes_overlapping_in_a_unit_square_is_one_seventh()
    {
        Detection.IoU(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)).Should().BeApproximately(1.0 / 7, 1e-15,
            "intersection 1, union 4 + 4 − 1 = 7 (widths are X2 − X1, no +1)");
    }

    [Fact]
    public void IoU_of_disjoint_and_edge_touching_boxes_is_zero_and_of_identical_boxes_one()
    {
        Detection.IoU(new Box(0, 0, 1, 1), new Box(2, 2, 3, 3)).Should().Be(0, "no overlap");
        Detection.IoU(new Box(0, 0, 1, 1), new Box(1, 0, 2, 1)).Should().Be(0, "boxes sharing an edge have zero-area overlap");
        Detection.IoU(new Box(0.5, 0.5, 2.5, 1.5), new Box(0.5, 0.5, 2.5, 1.5)).Should().BeApproximately(1, 1e-15, "a box covers itself");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void IoU_of_a_contained_box_is_the_area_ratio_and_symmetric()
    {
        var outer = new Box(0, 0, 4, 4);
        var inner = new Box(1, 1, 2, 3);

        Detection.IoU(outer, inner).Should().BeApproximately(2.0 / 16, 1e-15, "intersection = inner (2), union = outer (16)");
        Detection.IoU(inner, outer).Should().BeApproximately(Detection.IoU(outer, inner), 1e-15, "IoU is symmetric");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Nms_keeps_the_best_box_of_each_cluster_in_score_order_even_when_input_is_unsorted()
    {
        Box[] boxes = [new(0, 0, 2, 2), new(10, 10, 12, 12), new(0.1, 0, 2.1, 2), new(10, 10.2, 12, 12.2), new(5, 5, 6, 6)];
        double[] scores = [0.6, 0.7, 0.9, 0.95, 0.1];

        Detection.NonMaxSuppression(boxes, scores, 0.5).Should().Equal([3, 2, 4],
            "3 (0.95) suppresses 1, 2 (0.9) suppresses 0, the lone box 4 survives; indices come in score order");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Nms_keeps_a_box_whose_IoU_equals_the_threshold_exactly()
    {
        Box[] boxes = [new(0, 0, 2, 2), new(1, 1, 3, 3)];

        Detection.NonMaxSuppression(boxes, [0.9, 0.8], 1.0 / 7).Should().Equal([0, 1], "only IoU > threshold suppresses");
        Detection.NonMaxSuppression(boxes, [0.9, 0.8], 0.14).Should().Equal([0], "1/7 = 0.1428… > 0.14 suppresses the second box");
    }

    [Fact]
    public void Nms_breaks_equal_scores_by_input_order()
    {
        Box[] boxes = [new(0, 0, 1, 1), new(0, 0, 1, 1), new(5, 5, 6, 6)];

        Detection.NonMaxSuppression(boxes, [0.5, 0.5, 0.5], 0.5).Should().Equal([0, 2], "a stable sort keeps index 0 before index 1");
        Detection.NonMaxSuppression([], [], 0.5).Should().BeEmpty("no boxes, nothing kept");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Mean_IoU_of_a_4x4_toy_mask_averages_over_present_classes_only()
    {
        int[] truth = [0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2];
        int[] predicted = [0, 0, 0, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 1];

        // Class 0: 4/5, class 1: 5/7, class 2: 5/6; class 3 appears in neither mask and is left out.
        Detection.MeanIoU(predicted, truth, 4).Should().BeApproximately((4.0 / 5 + 5.0 / 7 + 5.0 / 6) / 3, 1e-12,
            "per class |P ∩ T| / |P ∪ T|, averaged over classes present in either mask");
    }

    [Fact]
    public void Mismatched_inputs_are_rejected()
    {
        ((Action)(() => Detection.NonMaxSuppression([new Box(0, 0, 1, 1)], [0.5, 0.4], 0.5))).Should().Throw<ArgumentException>();
        ((Action)(() => Detection.MeanIoU([0, 1], [0], 2))).Should().Throw<ArgumentException>();
    }
}
