namespace Course.Day05.Tests;

[Trait("Exercise", "5.2")]
public class DetectionTests
{
    [Fact]
    public void IoU_of_0_0_2_2_and_1_1_3_3_is_one_seventh()
    {
        Detection.IoU(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)).Should().BeApproximately(1.0 / 7, 1e-12,
            "intersection 1, union 4 + 4 − 1 = 7; width is X2 − X1 without +1 (lesson §5.2)");
    }

    [Fact]
    public void Nms_drops_a_heavily_overlapping_lower_scored_box()
    {
        Box[] boxes = [new(0, 0, 2, 2), new(0, 0, 2, 2.2), new(5, 5, 6, 6)];

        Detection.NonMaxSuppression(boxes, [0.9, 0.8, 0.7], 0.5).Should().Equal([0, 2], "box 1 overlaps box 0 with IoU 0.91 > 0.5");
    }
}
