using Course.Grader.Building;
using Course.Grader.Grading;
using Course.Model;
using Course.Grader.Suites;

namespace Course.Grader.Tests.Grading;

/// <summary>Points per test: shares by side, weights within a side, whole cents that sum exactly to each exercise.</summary>
public sealed class PointAllocationTests
{
    private static readonly GradingSettings Grading = new(0.3, 0.7, 60, 10, 512);

    private static DayManifest Day(params (string Id, double Points)[] exercises) =>
        new(1, "a", "curriculum/day01-a", new LocalizedText("一", "One"), true, "Day01", 60, exercises.Sum(e => e.Points),
            exercises.Select(e => new ExerciseManifest(e.Id, e.Id, e.Points)).ToList());

    private static TestMethod T(string name, string exercise, int weight = 1) => new("C", name, exercise, weight);

    [Fact]
    public void Thirds_are_whole_cents_and_every_exercise_sums_exactly()
    {
        var day = Day(("1.1", 10), ("1.2", 90));
        var pub = new[] { T("p1", "1.1"), T("p2", "1.1"), T("p3", "1.1"), T("p4", "1.2") };
        var hid = new[] { T("h1", "1.1"), T("h2", "1.1"), T("h3", "1.1"), T("h4", "1.2"), T("h5", "1.2"), T("h6", "1.2") };

        var points = PointAllocation.Allocate(day, Grading, pub, hid);

        points.Values.Should().OnlyContain(p => Math.Round(p, 2) == p, "every test is worth whole cents");
        points.Where(p => p.Key.Item2 is "C.p1" or "C.p2" or "C.p3").Select(p => p.Value).Should().BeEquivalentTo([1.0, 1.0, 1.0]);
        points.Where(p => p.Key.Item2 is "C.h1" or "C.h2" or "C.h3").Select(p => p.Value).Should().BeEquivalentTo([2.34, 2.33, 2.33]);
        Math.Round(points.Values.Sum(), 10).Should().Be(100);
    }

    [Fact]
    public void Weights_split_a_side_in_proportion()
    {
        var day = Day(("3.2", 35));
        var points = PointAllocation.Allocate(day, Grading, [T("p", "3.2")], [T("trivial", "3.2"), T("pinned", "3.2", 6)]);

        points[(TestVisibility.Public, "C.p")].Should().Be(10.5);
        points[(TestVisibility.Hidden, "C.trivial")].Should().Be(3.5);
        points[(TestVisibility.Hidden, "C.pinned")].Should().Be(21);
    }

    [Fact]
    public void A_malformed_weight_is_reported_with_the_test()
    {
        const string listing = """[{"Class":"C","Method":"M","Traits":{"Exercise":["1.1"],"Weight":["heavy"]}}]""";

        var act = () => TestListing.Parse(listing, "Day01.Hidden");

        act.Should().Throw<GradingException>().WithMessage("Day01.Hidden: C.M has [Trait(\"Weight\", \"heavy\")]*");
    }
}
