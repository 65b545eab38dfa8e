namespace Course.Day03.Tests;

/// <summary>Exercise 3.4: step decay, cosine annealing and linear warm-up.</summary>
[Trait("Exercise", "3.4")]
public class LrScheduleTests
{
    [Fact]
    public void Step_decay_halves_the_rate_every_step_size_steps()
    {
        var schedule = new StepDecay(0.1, stepSize: 10, gamma: 0.5);

        schedule.At(0).Should().BeApproximately(0.1, 1e-15, because: "⌊0/10⌋ = 0, so the base rate (lesson §3.7)");
        schedule.At(10).Should().BeApproximately(0.05, 1e-15, because: "⌊10/10⌋ = 1 decay by γ = 0.5 (lesson §3.7)");
    }

    [Fact]
    public void Cosine_annealing_is_halfway_at_half_time()
    {
        var schedule = new CosineAnnealing(0.1, 0.001, totalSteps: 100);

        schedule.At(50).Should().BeApproximately(0.0505, 1e-15, because: "cos(π/2) = 0 gives η_min + ½(η₀ − η_min) (lesson §3.7)");
    }

    [Fact]
    public void Warm_up_starts_at_one_W_th_of_the_target()
    {
        var schedule = new LinearWarmup(new StepDecay(0.1, 1000, 0.5), warmupSteps: 5);

        schedule.At(0).Should().BeApproximately(0.02, 1e-15, because: "t = 0 < W gives after.At(W)·(0 + 1)/W = 0.1/5 (lesson §3.7)");
    }
}
