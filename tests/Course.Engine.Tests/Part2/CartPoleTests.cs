using Course.Engine.Environments;

namespace Course.Engine.Tests.Part2;

public class CartPoleTests
{
    [Fact]
    public void Dynamics_follow_the_gym_euler_equations_step_by_step()
    {
        var env = new CartPole();
        env.ResetTo(0.01, -0.02, 0.03, 0.04);
        // Expected states from a plain-Python transcription of gym's CartPole-v1 step (euler integrator).
        double[][] expected =
        [
            [0.0096000000000000009, 0.17467919574755525, 0.030799999999999998, -0.24306871796000809],
            [0.013093583914951107, -0.020868848948191993, 0.025938625640799837, 0.059167999939416599],
            [0.012676206935987267, -0.21635292104612766, 0.027121985639588168, 0.35992057137841382],
            [0.0083491485150647138, -0.021626799199488206, 0.034320397067156443, 0.075911698947444095],
            [0.0079166125310749496, 0.17298676004769037, 0.035838631046105324, -0.20574851582677406],
            [0.011376347732028757, -0.022628873488659468, 0.031723660729569843, 0.098020819143146087],
        ];
        int[] actions = [1, 0, 0, 1, 1, 0];
        for (int t = 0; t < actions.Length; t++)
        {
            var step = env.Step(actions[t]);
            step.Reward.Should().Be(1.0);
            step.Done.Should().BeFalse();
            for (int i = 0; i < 4; i++) step.Observation[i].Should().BeApproximately(expected[t][i], 1e-14);
        }
    }

    [Fact]
    public void Always_pushing_right_from_rest_drops_the_pole_past_12_degrees_on_step_9()
    {
        var env = new CartPole();
        env.ResetTo(0, 0, 0, 0);
        StepResult step;
        int steps = 0;
        do { step = env.Step(1); steps++; } while (!step.Done);
        steps.Should().Be(9);
        step.Terminated.Should().BeTrue();
        step.Truncated.Should().BeFalse();
        step.Observation[2].Should().BeApproximately(-0.21518604988500967, 1e-13);
        env.Invoking(e => e.Step(0)).Should().Throw<InvalidOperationException>().WithMessage("*CartPole*after the episode ended*");
    }

    [Fact]
    public void A_balancing_controller_is_truncated_at_the_step_cap_not_terminated()
    {
        var env = new CartPole(maxSteps: 20);
        var obs = env.Reset(new Rng(150));
        StepResult step;
        do
        {
            step = env.Step(obs[2] + 0.5 * obs[3] > 0 ? 1 : 0);
            obs = step.Observation;
        } while (!step.Done);
        env.Steps.Should().Be(20);
        (step.Truncated, step.Terminated).Should().Be((true, false));
    }

    [Fact]
    public void Reset_draws_each_value_uniformly_within_0_05_and_is_reproducible()
    {
        var a = new CartPole().Reset(new Rng(151)).ToArray();
        var b = new CartPole().Reset(new Rng(151)).ToArray();
        a.Should().Equal(b);
        a.Should().AllSatisfy(v => Math.Abs(v).Should().BeLessThanOrEqualTo(0.05));
        a.Distinct().Should().HaveCount(4);
        CartPole.ThetaThreshold.Should().BeApproximately(0.2095, 1e-4);
    }
}
