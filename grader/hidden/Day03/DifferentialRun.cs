// Kills: (helper, no tests of its own) — used by the differential tests that kill D3-M1 … D3-M5
namespace Course.Day03.Tests;

/// <summary>Runs a learner's optimiser and the engine's reference side by side on the same gradient stream.</summary>
internal static class DifferentialRun
{
    /// <summary>
    /// Three parameters ([4], [3, 2], and a second [3, 2] with the same name "W"), 20 steps of N(0, 1) gradients
    /// (with one all-zero step and one 1e-6-scaled step to exercise ε); values must agree to 1e-12 + 1e-10·|θ|.
    /// </summary>
    public static void Compare(IOptimizer learner, IOptimizer reference, string kind, ulong seed)
    {
        var rng = new Rng(seed);
        int[][] shapes = [[4], [3, 2], [3, 2]];
        var mine = shapes.Select((s, i) => new Parameter(i == 0 ? "b" : "W", rng.Normal(1.0, s))).ToArray();
        var theirs = mine.Select(p => new Parameter(p.Name, p.Value.Clone())).ToArray();

        for (int t = 1; t <= 20; t++)
        {
            double scale = t == 7 ? 0 : t == 13 ? 1e-6 : 1;
            for (int i = 0; i < mine.Length; i++)
            {
                var g = rng.Normal(1.0, shapes[i]) * scale;
                mine[i].Grad = g;
                theirs[i].Grad = g.Clone();
            }
            learner.Step(mine);
            reference.Step(theirs);
            for (int i = 0; i < mine.Length; i++)
                TensorAssert.Close(mine[i].Value, theirs[i].Value, 1e-12, 1e-10, $"{kind} parameter {i}",
                    $"{kind} must follow the update table of lesson §3.1–§3.5 like Course.Engine's reference (diverged at step {t})");
        }
    }
}
