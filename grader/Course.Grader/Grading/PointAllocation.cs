using Course.Grader.Building;
using Course.Model;
using Course.Grader.Suites;

namespace Course.Grader.Grading;

/// <summary>
/// Splits each exercise's points (course.json) over its tests: publicShare over its public tests, hiddenShare over its
/// hidden tests, each test in proportion to its [Trait("Weight")] (default 1). Points are whole cents: each side gets
/// its share rounded to 0.01, and the cents are handed out by largest remainder (ties to the earlier test), so every
/// exercise — and so every day — sums exactly to its points. An exercise with tests on one side only gives that side
/// all its points; a test without a known [Trait("Exercise", …)] is worth nothing (and <c>course check</c> reports it).
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
            var cents = (long)Math.Round(exercise.Points * 100, MidpointRounding.AwayFromZero);
            var pubCents = (pub.Count, hid.Count) switch
            {
                (0, 0) => 0,
                (_, 0) => cents,
                (0, _) => 0,
                _ => (long)Math.Round(cents * grading.PublicShare, MidpointRounding.AwayFromZero),
            };
            Distribute(pub, pubCents, TestVisibility.Public, points);
            Distribute(hid, hid.Count == 0 ? 0 : cents - pubCents, TestVisibility.Hidden, points);
        }
        foreach (var t in publicTests) points.TryAdd((TestVisibility.Public, t.FullName), 0);
        foreach (var t in hiddenTests) points.TryAdd((TestVisibility.Hidden, t.FullName), 0);
        return points;
    }

    private static void Distribute(IReadOnlyList<TestMethod> tests, long cents, TestVisibility side, Dictionary<(TestVisibility, string), double> points)
    {
        if (tests.Count == 0) return;
        long totalWeight = tests.Sum(t => (long)t.Weight);
        var exact = tests.Select(t => (decimal)cents * t.Weight / totalWeight).ToList();
        var given = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = cents - given.Sum();
        foreach (var i in Enumerable.Range(0, tests.Count).OrderByDescending(i => exact[i] - given[i]).ThenBy(i => i).Take((int)left)) given[i]++;
        for (var i = 0; i < tests.Count; i++) points[(side, tests[i].FullName)] = given[i] / 100.0;
    }
}
