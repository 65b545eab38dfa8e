using Course.Day02.Tests.Models;
using Course.Engine.Data;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.7")]
public class SelfTrainingTests
{
    [Fact]
    public void Select_keeps_rows_whose_max_probability_reaches_the_threshold()
    {
        var probs = Tensor.From(new double[,]
        {
            { 0.95, 0.05, 0.00 },
            { 0.30, 0.30, 0.40 },
            { 0.05, 0.90, 0.05 },
        });
        var (index, label) = SelfTraining.Select(probs, 0.9);
        index.Should().Equal([0, 2], "rows 0 and 2 have max probability ≥ 0.9 (inclusive) (lesson §2.9)");
        label.Should().Equal([0, 1], "the pseudo-label is the argmax class");
    }

    [Fact]
    public void Run_reports_one_selection_count_per_round()
    {
        var fits = new List<Dataset>();
        var labelled = new Dataset(Tensor.From(new double[,] { { 0.0, 1.0 }, { 0.0, 2.0 } }), [1, 2]);
        var unlabelled = Tensor.From(new double[,] { { 5.0, 0.0 }, { 1.0, 0.0 }, { 4.0, 0.0 } });
        var test = new Dataset(Tensor.From(new double[,] { { 5.0, 0.0 }, { 0.0, 0.0 } }), [0, 1]);

        var report = SelfTraining.Run(labelled, unlabelled, test, _ => new ScriptedModel(fits), 0.9, rounds: 2, epochs: 1, new Rng(1));

        // Scores [a, 0, 0] → softmax max = eᵃ/(eᵃ + 2): 0.987 for a = 5, 0.965 for a = 4, 0.576 for a = 1.
        report.SelectedPerRound.Should().Equal([2, 2], "each round selects the rows with softmax probability ≥ 0.9 (lesson §2.9)");
        fits.Should().HaveCount(3, "one baseline fit plus one fresh fit per round");
    }
}
