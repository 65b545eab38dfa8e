using System.Globalization;
using Course.Day02;
using Course.Engine;
using Course.Engine.Data;

namespace Course.Curriculum.Tests.Day02;

/// <summary>
/// Numbers the Day-2 lesson quotes that the notebook does not print (it stops at 12 epochs to stay within its time
/// budget): the 200-epoch overfitting study of lesson §2.8 with the reference <see cref="OverfitStudy"/>, seed 42.
/// </summary>
public sealed class Day02LessonNumbersTests
{
    private static string Pct(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Sum(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void Overfitting_study_at_200_epochs_seed_42()
    {
        var (full, test) = Digits.Load();
        var perClass = new int[10];
        var rows = new List<int>();
        for (int i = 0; i < full.Count && rows.Count < 100; i++)
            if (perClass[full.Y[i]] < 10) { perClass[full.Y[i]]++; rows.Add(i); }
        var train = full.Subset(rows.ToArray());

        var table = new[] { ("none", 0.0, 0.0), ("L2 1e-3", 1e-3, 0.0), ("L2 1e-2", 1e-2, 0.0), ("dropout 0.5", 0.0, 0.5) }
            .Select(c =>
            {
                var r = OverfitStudy.Run(train, test, c.Item2, c.Item3, new Rng(42), epochs: 200);
                return $"{c.Item1}: {Pct(r.TrainAccuracy)} / {Pct(r.TestAccuracy)} / {Sum(r.SumSquaredWeights)}";
            })
            .ToArray();

        table.Should().Equal(
            "none: 100.0% / 81.9% / 1,118",
            "L2 1e-3: 100.0% / 82.2% / 452",
            "L2 1e-2: 100.0% / 82.8% / 58",
            "dropout 0.5: 100.0% / 77.5% / 1,409");
    }
}
