using Course.Engine.Data;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.6")]
public class OverfitStudyTests
{
    [Fact]
    public void A_short_run_returns_accuracies_and_the_squared_weight_norm()
    {
        var (train, test) = Digits.Load();
        var small = new Dataset(train.X.Slice(0, 0, 40), train.Y[..40]);
        var row = OverfitStudy.Run(small, test, l2: 0.0, dropRatio: 0.0, new Rng(1), epochs: 3);
        row.TrainAccuracy.Should().BeInRange(0.0, 1.0, "accuracy is a fraction (lesson §2.8)");
        row.TestAccuracy.Should().BeInRange(0.0, 1.0, "accuracy is a fraction (lesson §2.8)");
        // He init alone gives E[Σ‖W‖²] = 256·64·(2/64) + 256·256·(2/256) + 10·256·(2/256) = 512 + 512 + 20 = 1,044: far above 0.
        row.SumSquaredWeights.Should().BeGreaterThan(100.0, "Σ‖W‖² sums the squares of all three weight matrices");
    }
}
