// Kills: D3-M6 schedule off by one step, or cosine not reaching minLr at T
using Reference = Course.Engine.Optimizers;

namespace Course.Day03.Tests;

/// <summary>Exercise 3.4 (hidden): schedules at their boundaries, and purity.</summary>
[Trait("Exercise", "3.4")]
public class LrScheduleTests
{
    [Fact]
    public void Step_decay_changes_exactly_at_multiples_of_step_size()
    {
        var schedule = new StepDecay(0.1, stepSize: 10, gamma: 0.5);

        schedule.At(0).Should().BeApproximately(0.1, 1e-15, "t = 0 uses the base rate");
        schedule.At(9).Should().BeApproximately(0.1, 1e-15, "⌊9/10⌋ = 0: the last step before the first decay still uses η₀ (lesson §3.7)");
        schedule.At(10).Should().BeApproximately(0.05, 1e-15, "⌊10/10⌋ = 1: the first decay happens at t = stepSize (lesson §3.7)");
        schedule.At(23).Should().BeApproximately(0.025, 1e-15, "⌊23/10⌋ = 2 decays");
    }

    [Fact]
    public void Cosine_annealing_runs_from_base_to_min_and_stays_there()
    {
        var schedule = new CosineAnnealing(0.1, 0.001, totalSteps: 100);

        schedule.At(0).Should().BeApproximately(0.1, 1e-15, "cos 0 = 1 gives η₀ at t = 0");
        schedule.At(50).Should().BeApproximately(0.0505, 1e-15, "cos(π/2) = 0 gives the midpoint at T/2");
        schedule.At(99).Should().BeApproximately(0.001 + 0.5 * 0.099 * (1 + Math.Cos(Math.PI * 0.99)), 1e-15, "the formula with t/T = 0.99");
        schedule.At(100).Should().BeApproximately(0.001, 1e-15, "cos π = −1: the rate reaches η_min exactly at t = T (lesson §3.7)");
        schedule.At(200).Should().BeApproximately(0.001, 1e-15, "after T the rate stays at η_min (it does not rise again)");
    }

    [Fact]
    public void Warm_up_rises_linearly_and_hands_over_without_a_jump()
    {
        var after = new CosineAnnealing(0.1, 0.001, totalSteps: 100);
        var schedule = new LinearWarmup(after, warmupSteps: 5);
        double target = after.At(5);

        schedule.At(0).Should().BeApproximately(target / 5, 1e-15, "t = 0 gives after.At(W)·1/W, not 0 (a zero step wastes an update)");
        schedule.At(2).Should().BeApproximately(target * 3 / 5, 1e-15, "linear in t: after.At(W)·(t + 1)/W");
        schedule.At(4).Should().BeApproximately(target, 1e-15, "t = W − 1 reaches after.At(W) (lesson §3.7)");
        schedule.At(5).Should().BeApproximately(after.At(5), 1e-15, "from t = W on the wrapped schedule takes over at the same t");
        schedule.At(6).Should().BeApproximately(after.At(6), 1e-15, "the wrapped schedule is not shifted by W");
    }

    [Fact]
    public void Schedules_are_pure_functions_of_the_step()
    {
        ILrSchedule[] schedules =
        [
            new StepDecay(0.1, 7, 0.3),
            new CosineAnnealing(0.2, 0.01, 40),
            new LinearWarmup(new StepDecay(0.1, 7, 0.3), 6),
        ];
        int[] order = [17, 3, 0, 39, 40, 3, 5, 6, 55, 17, 1];

        foreach (var schedule in schedules)
        {
            var inOrder = Enumerable.Range(0, 60).Select(schedule.At).ToArray();
            foreach (int t in order)
                schedule.At(t).Should().Be(inOrder[t],
                    $"{schedule.GetType().Name}.At(t) must depend on t only, not on earlier calls or their order");
        }
    }

    [Fact]
    public void Agree_with_the_engine_reference_schedules()
    {
        (ILrSchedule Learner, ILrSchedule Reference, string Name)[] pairs =
        [
            (new StepDecay(0.3, 8, 0.7), new Reference.StepDecay(0.3, 8, 0.7), "StepDecay"),
            (new CosineAnnealing(0.3, 0.002, 90), new Reference.CosineDecay(0.3, 0.002, 90), "CosineAnnealing"),
            (new LinearWarmup(new CosineAnnealing(0.3, 0.002, 90), 12), new Reference.WarmUp(new Reference.CosineDecay(0.3, 0.002, 90), 12), "LinearWarmup"),
        ];

        foreach (var (learner, reference, name) in pairs)
            for (int t = 0; t <= 120; t++)
                learner.At(t).Should().BeApproximately(reference.At(t), 1e-15,
                    $"{name}.At({t}) must follow the formula of lesson §3.7 like the engine's reference schedule");
    }
}
