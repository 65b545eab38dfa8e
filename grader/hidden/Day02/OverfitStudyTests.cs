// Kills: D2-M2 (a mask redrawn in Backward: the dropout net no longer fits its training set) · L2 not applied in the study ·
//        accuracies measured with dropout masks on (training-mode evaluation).
using Course.Engine.Data;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.6")]
[Trait("Kind", "Convergence")]
public class OverfitStudyTests
{
    public const int Epochs = 60;

    /// <summary>The first 10 training digits of each class (100 images) and the 360 test digits.</summary>
    internal static (Dataset Train, Dataset Test) TinyDigits()
    {
        var (train, test) = Digits.Load();
        var perClass = new int[10];
        var rows = new List<int>();
        for (int i = 0; i < train.Y.Length && rows.Count < 100; i++)
            if (perClass[train.Y[i]] < 10) { perClass[train.Y[i]]++; rows.Add(i); }
        var idx = rows.ToArray();
        return (new Dataset(train.X.Rows(idx), idx.Select(i => train.Y[i]).ToArray()), test);
    }

    // Measured with the C# reference (Release, 60 epochs, 2026-11-23), seeds 42 / 7 / 1:
    //   none:       train 1.000, test 0.828 / 0.806 / 0.792, Σ‖W‖² 1,112.5 / 1,103.2 / 1,103.2
    //   L2 1e-3:    train 1.000, test 0.825 / 0.808 / 0.792, Σ‖W‖²   838.0 /   831.0 /   831.5  (ratio 0.753)
    //   L2 1e-2:    train 1.000, Σ‖W‖² ≈ 108
    //   dropout .5: train 1.000 (inference mode), test 0.794 / 0.822 / 0.833, Σ‖W‖² 1,287 / 1,308 / 1,293
    //   ≈ 0.2 s CPU per run once JIT-compiled (first run ≈ 0.7 s); this class runs four → ≈ 1 s.
    private static readonly Lazy<StudyRow> Plain = new(() =>
    {
        var (train, test) = TinyDigits();
        return OverfitStudy.Run(train, test, l2: 0.0, dropRatio: 0.0, new Rng(42), Epochs);
    });

    [Fact]
    public void Without_regularisation_the_net_fits_the_100_training_digits_perfectly()
    {
        Plain.Value.TrainAccuracy.Should().Be(1.0, "a 64-256-256-10 net can memorise 100 images: the overfitting the study is about (lesson §2.1)");
        // measured 0.828; the margin allows for a different but correct batching order.
        Plain.Value.TestAccuracy.Should().BeInRange(0.72, 0.95, "memorising 100 digits still gives roughly 80% on the 360 test digits");
        // He init starts at E[Σ‖W‖²] = 512 + 512 + 20 = 1,044 (fan_out·fan_in·2/fan_in per layer); training grows it to ≈ 1,110.
        Plain.Value.SumSquaredWeights.Should().BeInRange(900.0, 1_350.0, "Σ‖W‖² sums W² over the three weight matrices, not the biases");
    }

    [Fact]
    public void L2_weight_decay_shrinks_the_squared_weight_norm()
    {
        var (train, test) = TinyDigits();
        var decayed = OverfitStudy.Run(train, test, l2: 1e-3, dropRatio: 0.0, new Rng(42), Epochs);
        // measured ratio 838.0 / 1,112.5 = 0.753; the curriculum's threshold is 0.85.
        decayed.SumSquaredWeights.Should().BeLessThan(0.85 * Plain.Value.SumSquaredWeights,
            "λ = 1e-3 pulls every weight towards 0 each step (lesson §2.3)");
        decayed.SumSquaredWeights.Should().BeGreaterThan(0.5 * Plain.Value.SumSquaredWeights,
            "λ = 1e-3 on ½λΣW² is a mild decay (a 2λW or doubly applied decay shrinks far more)");
        decayed.TrainAccuracy.Should().Be(1.0, "mild weight decay still fits the 100 training digits");
    }

    [Fact]
    public void The_dropout_run_reports_accuracies_in_inference_mode()
    {
        var (train, test) = TinyDigits();
        var row = OverfitStudy.Run(train, test, l2: 0.0, dropRatio: 0.5, new Rng(7), Epochs);
        // measured: train 1.000 (inference mode), test 0.822.
        row.TrainAccuracy.Should().Be(1.0, "evaluated without masks (Forward(training: false)) the dropout net fits the training set; with masks on, predictions are noisy");
        row.TestAccuracy.Should().BeInRange(0.72, 0.95);
    }
}
