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

/// <summary>The small worked examples of lesson §2.4 and §2.9, run on the reference solutions.</summary>
public sealed class Day02LessonExampleTests
{
    [Fact]
    public void Early_stopping_example_stops_on_the_8th_call_with_best_epoch_4()
    {
        double[] losses = [1.0, 0.8, 0.85, 0.9, 0.7, 0.75, 0.76, 0.77];
        var stopper = new EarlyStopping(patience: 3);
        var ps = new[] { new Parameter<double>("W", Tensor<double>.Zeros(1)) };
        int stoppedAt = -1;
        for (int i = 0; i < losses.Length && stoppedAt < 0; i++)
            if (stopper.ShouldStop(losses[i], ps)) stoppedAt = i + 1;
        (stoppedAt, stopper.BestEpoch).Should().Be((8, 4));
    }

    [Fact]
    public void Select_example_keeps_rows_at_or_above_the_threshold()
    {
        var probs = Tensor<double>.From([0.95, 0.03, 0.02, 0.50, 0.45, 0.05, 0.05, 0.90, 0.05], 3, 3);
        var (index, label) = SelfTraining.Select(probs, 0.9);
        index.Should().Equal(0, 2);
        label.Should().Equal(0, 1);
    }
}
