using Course.Grader.Building;
using Course.Model;

namespace Course.Grader.Grading;

/// <summary>
/// Splits each exercise's points (course.json) over its tests: publicShare evenly over its public tests, hiddenShare
/// evenly over its hidden tests. An exercise with tests on one side only gives that side all its points; a test
/// without a known [Trait("Exercise", …)] is worth nothing (and <c>course check</c> reports it).
/// </summary>
public static class PointAllocation
{
    public static IReadOnlyDictionary<(TestVisibility, string), double> Allocate(
        DayManifest day, GradingSettings grading, IReadOnlyList<TestMethod> publicTests, IReadOnlyList<TestMethod>? hiddenTests)
    {
        var points = new Dictionary<(TestVisibility, string), double>();
        hiddenTests ??= [];
        foreach (var exercise in day.Exercises)
        {
            var pub = publicTests.Where(t => t.Exercise == exercise.Id).ToList();
            var hid = hiddenTests.Where(t => t.Exercise == exercise.Id).ToList();
            var (pubShare, hidShare) = (pub.Count, hid.Count) switch
            {
                (0, 0) => (0.0, 0.0),
                (_, 0) => (1.0, 0.0),
                (0, _) => (0.0, 1.0),
                _ => (grading.PublicShare, grading.HiddenShare),
            };
            foreach (var t in pub) points[(TestVisibility.Public, t.FullName)] = exercise.Points * pubShare / pub.Count;
            foreach (var t in hid) points[(TestVisibility.Hidden, t.FullName)] = exercise.Points * hidShare / hid.Count;
        }
        foreach (var t in publicTests) points.TryAdd((TestVisibility.Public, t.FullName), 0);
        foreach (var t in hiddenTests) points.TryAdd((TestVisibility.Hidden, t.FullName), 0);
        return points;
    }
}
