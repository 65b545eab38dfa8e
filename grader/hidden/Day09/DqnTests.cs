// Kills: D9-M3 terminal mask forgotten in the TD target; D9-M4 target network synced every step or never; the online
// network supplying maxₐ'; squared instead of Huber gradient; dueling mean not subtracted; no learning on the grid.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.7")]
public class DqnTests
{
    private static Tensor OneHot(int n, params int[] states)
    {
        var x = Tensor.Zeros(states.Length, n);
        for (int i = 0; i < states.Length; i++) x[i, states[i]] = 1;
        return x;
    }

    private static Batch HandMade() => new(OneHot(3, 0, 1, 2), [0, 1, 1], [1.0, -2.0, 0.5], OneHot(3, 1, 2, 0), [false, true, false]);

    [Fact]
    [Trait("Weight", "4")]
    public void TD_targets_use_r_plus_gamma_max_of_the_target_network_and_r_alone_on_terminal_rows()
    {
        var dqn = new Dqn(3, 2, new Rng(31));
        var batch = HandMade();
        var q2 = dqn.TargetQ(batch.S2);

        var y = dqn.TdTargets(batch, 0.9);

        y[0].Should().BeApproximately(1.0 + 0.9 * Math.Max(q2[0, 0], q2[0, 1]), 1e-12);
        y[1].Should().Be(-2.0, "a terminal transition has no future");
        y[2].Should().BeApproximately(0.5 + 0.9 * Math.Max(q2[2, 0], q2[2, 1]), 1e-12);
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_target_network_changes_only_on_SyncTarget()
    {
        var dqn = new Dqn(3, 2, new Rng(32));
        var batch = HandMade();
        var opt = new RecordingOptimizer(0.1);
        var target0 = dqn.TargetParameters.Select(p => p.Value.ToArray()).ToArray();
        var y0 = dqn.TdTargets(batch, 0.9);

        for (int i = 0; i < 5; i++) dqn.TrainStep(batch, 0.9, opt);

        for (int k = 0; k < target0.Length; k++)
            dqn.TargetParameters[k].Value.ToArray().Should().Equal(target0[k], "TrainStep must not touch the target network");
        dqn.TdTargets(batch, 0.9).Should().Equal(y0, "the targets come from the frozen network, although the online one moved");
        dqn.Parameters[0].Value.ToArray().Should().NotEqual(target0[0]);

        dqn.SyncTarget();

        for (int k = 0; k < target0.Length; k++)
            dqn.TargetParameters[k].Value.ToArray().Should().Equal(dqn.Parameters[k].Value.ToArray(), "SyncTarget copies every online weight");
        dqn.TrainStep(batch, 0.9, opt);
        dqn.TargetParameters[0].Value.ToArray().Should().NotEqual(dqn.Parameters[0].Value.ToArray(), "a copy, not the same tensors");
    }

    [Fact]
    [Trait("Weight", "4")]
    public void The_Huber_gradient_is_clipped_to_plus_minus_1_over_N_and_flows_only_through_Q_s_a()
    {
        var dqn = new Dqn(3, 2, new Rng(33));
        // Rewards far above any Q: every error is ≤ −1, so each row contributes exactly −1/N to the chosen action's bias.
        var far = new Batch(OneHot(3, 0, 1, 2, 0), [0, 1, 0, 0], [100.0, 100, 100, 100], OneHot(3, 1, 2, 0, 1), [true, true, true, true]);
        var opt = new RecordingOptimizer();

        double loss = dqn.TrainStep(far, 0.9, opt);

        var q = dqn.Q(far.S);
        double expectedLoss = Enumerable.Range(0, 4).Average(i => Math.Abs(q[i, far.A[i]] - 100) - 0.5);
        loss.Should().BeApproximately(expectedLoss, 1e-9, "Huber with δ = 1 is |e| − ½ beyond the kink");
        var db = opt.Grads[0][^1];
        db[0].Should().BeApproximately(-3.0 / 4, 1e-12, "three rows chose action 0, each −1/N");
        db[1].Should().BeApproximately(-1.0 / 4, 1e-12);

        // Inside the kink the gradient is the error itself, divided by N.
        var dqn2 = new Dqn(3, 2, new Rng(33));
        var q0 = dqn2.Q(OneHot(3, 0));
        var near = new Batch(OneHot(3, 0), [1], [q0[0, 1] + 0.3], OneHot(3, 1), [true]);
        var opt2 = new RecordingOptimizer();
        dqn2.TrainStep(near, 0.9, opt2);
        opt2.Grads[0][^1][1].Should().BeApproximately(-0.3, 1e-12);
        opt2.Grads[0][^1][0].Should().Be(0, "actions not taken get no gradient");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void DuelingAggregate_rows_average_to_V_and_its_backward_passes_a_gradient_check()
    {
        var rng = new Rng(34);
        var v = rng.Normal(1.0, 3, 1);
        var a = rng.Normal(1.0, 3, 4);

        var q = Dqn.DuelingAggregate(v, a);

        for (int i = 0; i < 3; i++)
        {
            Enumerable.Range(0, 4).Average(j => q[i, j]).Should().BeApproximately(v[i, 0], 1e-12, "mean over actions of Q = V");
            (q[i, 1] - q[i, 0]).Should().BeApproximately(a[i, 1] - a[i, 0], 1e-12);
        }
        var r = rng.Normal(1.0, 3, 4);
        var (dV, dA) = Dqn.DuelingBackward(r);
        double L(Tensor vv, Tensor aa) => Dqn.DuelingAggregate(vv, aa).ToArray().Zip(r.ToArray(), (x, y) => x * y).Sum();
        GradCheck.Function(vv => L(vv, a), v, dV, tolerance: 1e-8).Passed.Should().BeTrue("dV = Σₖ dQ");
        GradCheck.Function(aa => L(v, aa), a, dA, tolerance: 1e-8).Passed.Should().BeTrue("dA = dQ − mean(dQ)");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_dueling_network_trains_through_both_heads()
    {
        var dqn = new Dqn(3, 2, new Rng(35), dueling: true);
        var opt = new RecordingOptimizer();

        dqn.TrainStep(HandMade(), 0.9, opt);

        dqn.Parameters.Should().HaveCount(6);
        opt.Grads[0][3].Single().Should().NotBe(0, "the value head's bias gets Σ of the errors' gradients");
        var q = dqn.Q(OneHot(3, 0, 1));
        q.ShapeArray.Should().Equal(2, 2);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Act_is_greedy_at_epsilon_0_and_uniform_at_epsilon_1()
    {
        var dqn = new Dqn(3, 4, new Rng(36));
        var s = OneHot(3, 1).Reshape(3);
        var q = dqn.Q(s);
        int greedy = Enumerable.Range(0, 4).MaxBy(a => q[0, a]);
        var rng = new Rng(37);
        for (int i = 0; i < 50; i++) dqn.Act(s, 0.0, rng).Should().Be(greedy);

        var counts = new int[4];
        for (int i = 0; i < 8_000; i++) counts[dqn.Act(s, 1.0, rng)]++;
        Reference.ChiSquare(counts).Should().BeLessThan(20);
    }

    [Fact]
    [Trait("Weight", "1")]
    public void The_dueling_functions_leave_their_inputs_unchanged()
    {
        var rng = new Rng(38);
        var v = rng.Normal(1.0, 2, 1);
        var a = rng.Normal(1.0, 2, 3);
        var dQ = rng.Normal(1.0, 2, 3);
        var (v0, a0, d0) = (v.ToArray(), a.ToArray(), dQ.ToArray());

        Dqn.DuelingAggregate(v, a);
        Dqn.DuelingBackward(dQ);
        Dqn.DuelingBackward(dQ).dA.ToArray().Should().Equal(Dqn.DuelingBackward(dQ).dA.ToArray(), "backward twice gives the same result");

        v.ToArray().Should().Equal(v0);
        a.ToArray().Should().Equal(a0, "A is an input, not a scratch buffer");
        dQ.ToArray().Should().Equal(d0, "dQ is an input, not a scratch buffer");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void DqnTrainer_syncs_the_target_every_syncEvery_steps()
    {
        var synced = DqnTrainer.Run(GridWorld.Corners4x4(maxSteps: 50), 100, 50, 0.9, new Rng(39));
        var unsynced = DqnTrainer.Run(GridWorld.Corners4x4(maxSteps: 50), 100, 1_000, 0.9, new Rng(39));

        for (int k = 0; k < synced.Parameters.Count; k++)
            synced.TargetParameters[k].Value.ToArray().Should().Equal(synced.Parameters[k].Value.ToArray(), "step 100 is a sync step when syncEvery = 50");
        unsynced.TargetParameters[0].Value.ToArray().Should().NotEqual(unsynced.Parameters[0].Value.ToArray(),
            "with syncEvery = 1,000 the target is still the initial copy after 100 steps of training");
    }

    [Fact]
    [Trait("Weight", "5")]
    [Trait("Kind", "Convergence")]
    public void DQN_on_Corners4x4_is_greedy_optimal_for_at_least_2_of_3_seeds()
    {
        var g = GridWorld.Corners4x4();
        var vStar = Reference.OptimalValues(g, 0.9);
        int good = 0;
        var errors = new List<string>();
        foreach (var dqn in Reference.CornersDqn.Value)
        {
            var q = dqn.Q(OneHot(16, [.. Enumerable.Range(0, 16)]));
            var greedy = Enumerable.Range(0, 16).Select(s => Enumerable.Range(0, 4).MaxBy(a => q[s, a])).ToArray();
            int wrong = Reference.NonOptimalStates(g, 0.9, s => greedy[s]).Length;
            double error = Enumerable.Range(0, 16).Where(s => !g.IsTerminal(s)).Max(s => Math.Abs(q[s, greedy[s]] - vStar[s]));
            errors.Add($"{wrong} wrong, max error {error:F4}");
            if (wrong == 0 && error < 0.05) good++;
        }
        good.Should().BeGreaterThanOrEqualTo(2, string.Join("; ", errors));
    }
}
