// Kills: (helper, no tests of its own) — used by the per-parameter-state tests that kill D3-M4
namespace Course.Day03.Tests;

/// <summary>
/// Steps one optimiser over several parameters together, and a fresh optimiser per parameter alone, on the same
/// gradients; an optimiser that keys its state by Parameter object (and counts t once per Step) gives identical values.
/// </summary>
internal static class PerParameterStateRun
{
    /// <summary>Three parameters ([3], [2, 2], [2, 2]) with the given names, three steps of N(0, 1) gradients.</summary>
    public static (Parameter[] Together, Parameter[] Alone) Run(Func<IOptimizer> create, string[] names, ulong seed)
    {
        var rng = new Rng(seed);
        int[][] shapes = [[3], [2, 2], [2, 2]];
        var together = shapes.Select((s, i) => new Parameter(names[i], rng.Normal(1.0, s))).ToArray();
        var alone = together.Select(p => new Parameter(p.Name, p.Value.Clone())).ToArray();
        var shared = create();
        var separate = alone.Select(_ => create()).ToArray();

        for (int t = 0; t < 3; t++)
        {
            for (int i = 0; i < together.Length; i++)
            {
                var g = rng.Normal(1, together[i].Value.ShapeArray);
                together[i].Grad = g;
                alone[i].Grad = g.Clone();
            }
            shared.Step(together);
            for (int i = 0; i < alone.Length; i++) separate[i].Step([alone[i]]);
        }
        return (together, alone);
    }
}
