using System.Text;
using Course.Curriculum.Tests.Figures;
using Course.Day09;
using Course.Engine.Environments;
using Course.Notebooks.Plotting;
using static Course.Curriculum.Tests.Figures.SvgDiagram;

namespace Course.Curriculum.Tests.Day09;

/// <summary>The Day 9 lesson figures, drawn from the reference solutions' runs (see <see cref="FigureFile"/> and <see cref="Day09Runs"/>).</summary>
public class Day09Figures
{
    private const string Folder = "day09-reinforcement";

    private static readonly string[] Arrows = ["↑", "↓", "←", "→"];

    /// <summary>A grid of cells (col 1 at the left, row 1 at the bottom) with a value and the greedy arrow in each.</summary>
    private static void Grid(StringBuilder svg, GridWorld world, double x0, double y0, double cell, double[] v, int[] policy, string title)
    {
        Text(svg, x0 + world.Width * cell / 2, y0 - 10, title, "middle", 13);
        for (int col = 1; col <= world.Width; col++)
            for (int row = 1; row <= world.Height; row++)
            {
                double x = x0 + (col - 1) * cell, y = y0 + (world.Height - row) * cell;
                int s;
                try { s = world.StateOf(col, row); }
                catch (ArgumentException) { Box(svg, x, y, cell, cell, "#888", "#555", "wall"); continue; }
                bool terminal = world.IsTerminal(s);
                string fill = terminal ? (world.TerminalValue(s) >= 0 ? "#d5f0d5" : "#f8d0cc") : "#f4f7fb";
                Box(svg, x, y, cell, cell, fill, "#999");
                if (terminal)
                {
                    Text(svg, x + cell / 2, y + cell / 2 + 5, N(world.TerminalValue(s), "+0;−0;0"), "middle", 15);
                    continue;
                }
                Text(svg, x + cell / 2, y + cell / 2 - 4, N(v[s], "0.0000").Replace('-', '−'), "middle", 12);
                Text(svg, x + cell / 2, y + cell / 2 + 18, Arrows[policy[s]], "middle", 18, Palette.At(0));
            }
    }

    [Fact]
    public void Value_iteration_on_the_4x3_world()
    {
        var world = GridWorld.Aima4x3();
        var (v1, p1, s1) = ValueIteration.Solve(world, 1.0, 1e-12);
        var (v9, p9, s9) = ValueIteration.Solve(world, 0.9, 1e-12);
        var svg = Begin(760, 330, "value iteration on the 4×3 world (R = −0.04, 0.8 intended / 0.1 each side): V* and the greedy policy");
        Grid(svg, world, 30, 70, 80, v1, p1, $"γ = 1 ({s1} sweeps): (3,1) and (4,1) go left, away from −1");
        Grid(svg, world, 410, 70, 80, v9, p9, $"γ = 0.9 ({s9} sweeps): (2,1) right, (3,1) up — the short cut");
        Text(svg, 380, 320, "ties go to the lowest action index (up, down, left, right), as np.argmax does", "middle", 11, "#666");
        svg.Append("</svg>");

        p1[world.StateOf(3, 1)].Should().Be((int)GridAction.Left);
        p9[world.StateOf(3, 1)].Should().Be((int)GridAction.Up);
        FigureFile.Check(Folder, "value-iteration-4x3.svg", svg.ToString());
    }

    [Fact]
    public void Cliff_walk_greedy_paths()
    {
        var runs = Day09Runs.CliffLessonRuns;
        const double x0 = 30, y0 = 60, cell = 56;
        double Cx(int col) => x0 + (col - 0.5) * cell;
        double Cy(int row) => y0 + (4 - row + 0.5) * cell;
        var svg = Begin(740, 330, "cliff walk after 500 episodes (α = 0.5, ε = 0.1, seed 0): greedy paths from S to G");
        for (int col = 1; col <= 12; col++)
            for (int row = 1; row <= 4; row++)
            {
                bool cliff = row == 1 && col is >= 2 and <= 11;
                Box(svg, x0 + (col - 1) * cell, y0 + (4 - row) * cell, cell, cell, cliff ? "#f8d0cc" : "#f7f7f7", "#bbb");
            }
        Text(svg, Cx(1), Cy(1) + 5, "S", "middle", 15);
        Text(svg, Cx(12), Cy(1) + 5, "G", "middle", 15);
        Text(svg, (Cx(2) + Cx(11)) / 2, Cy(1) + 5, "the cliff: −100, the episode ends", "middle", 12, "#c0392b");
        void Path(List<(int Col, int Row)> path, int color, double offset)
        {
            var points = string.Join(" ", path.Select(c => $"{N(Cx(c.Col) + offset)},{N(Cy(c.Row) + offset)}"));
            svg.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{Palette.At(color)}\" stroke-width=\"3\" stroke-linejoin=\"round\"/>");
        }
        Path(runs.QPath, 0, 4);
        Path(runs.SarsaPath, 1, -4);
        double tailQ = Day09Runs.TailMean(runs.Q, 200), tailS = Day09Runs.TailMean(runs.Sarsa, 200);
        Text(svg, 40, 305, $"Q-learning: {runs.QPath.Count - 1} steps along the cliff; mean return of the last 200 episodes {N(tailQ, "0.0")} (5 seeds)", "start", 12, Palette.At(0));
        Text(svg, 40, 322, $"SARSA: {runs.SarsaPath.Count - 1} steps, away from the edge; mean return of the last 200 episodes {N(tailS, "0.0")} (5 seeds)", "start", 12, Palette.At(1));
        svg.Append("</svg>");

        tailS.Should().BeGreaterThan(tailQ);
        FigureFile.Check(Folder, "cliff-paths.svg", svg.ToString());
    }

    [Fact]
    public void Cliff_walk_returns_per_episode()
    {
        var runs = Day09Runs.CliffLessonRuns;
        double[] Mean(double[][] r) => [.. Enumerable.Range(0, Day09Runs.CliffEpisodes).Select(e => r.Average(x => x[e]))];
        double[] episode = [.. Enumerable.Range(1, Day09Runs.CliffEpisodes).Select(e => (double)e)];
        var figure = LineChart.Render(
            [
                new Series("Q-learning", episode, Day09Runs.MovingAverage(Mean(runs.Q))),
                new Series("SARSA", episode, Day09Runs.MovingAverage(Mean(runs.Sarsa))),
            ],
            "cliff walk (ε = 0.1): return per episode, seeds 0–4, MA20", "episode", "return");
        FigureFile.Check(Folder, "cliff-returns.svg", figure);
    }

    [Fact]
    public void Reinforce_with_and_without_baseline()
    {
        var (with, without) = Day09Runs.ReinforceLessonRuns;
        double[] episode = [.. Enumerable.Range(1, Day09Runs.ReinforceEpisodes).Select(e => (double)e)];
        double[] Mean(double[][] r) => [.. Enumerable.Range(0, Day09Runs.ReinforceEpisodes).Select(e => r.Average(x => Day09Runs.MovingAverage(x)[e]))];
        var figure = LineChart.Render(
            [
                new Series("baseline", episode, Mean(with)),
                new Series("no baseline", episode, Mean(without)),
                new Series("195", episode, [.. episode.Select(_ => 195.0)]),
            ],
            "REINFORCE on CartPole: MA20 return, seeds 0–4", "episode", "MA20 return");
        with.Select(Day09Runs.FirstSolved).Should().OnlyContain(e => e != null);
        FigureFile.Check(Folder, "reinforce-baseline.svg", figure);
    }

    [Fact]
    public void Dqn_with_a_target_network()
    {
        var world = GridWorld.Corners4x4();
        var run = Day09Runs.DqnLessonRuns[0];
        var vStar = Day09Runs.CornersOptimalValues(Day09Runs.DqnGamma);
        var svg = Begin(800, 390, "DQN: replay buffer + target network (sync every 100 steps); learned max Q on the 4×4 corners grid", backMarker: true);
        Box(svg, 30, 70, 130, 44, "#f7f7f7", "#888", "environment");
        Box(svg, 30, 170, 130, 44, "#fff4e0", Palette.At(1), "replay buffer 2,000");
        Box(svg, 230, 70, 160, 44, "#e8f0fa", Palette.At(0), "online Q(s, ·; θ)");
        Box(svg, 230, 250, 160, 44, "#eef7ee", Palette.At(2), "target Q(s', ·; θ⁻)");
        Arrow(svg, 230, 92, 160, 92);
        Text(svg, 195, 84, "ε-greedy a", "middle", 10);
        Arrow(svg, 95, 114, 95, 170);
        Text(svg, 100, 146, "(s, a, r, s', done)", "start", 10);
        Arrow(svg, 160, 192, 230, 100);
        Text(svg, 200, 160, "batch 32", "middle", 10);
        Arrow(svg, 160, 200, 230, 266);
        Text(svg, 180, 250, "s'", "middle", 10);
        Arrow(svg, 360, 250, 360, 114, dashed: true);
        Text(svg, 366, 175, "y = r + γ(1−done)", "start", 10, "#1f4e79");
        Text(svg, 366, 189, "· max Q⁻(s', ·)", "start", 10, "#1f4e79");
        Arrow(svg, 260, 114, 260, 250, backward: true);
        Text(svg, 266, 175, "copy θ → θ⁻", "start", 10, "#c0392b");
        Text(svg, 266, 189, "every 100 steps", "start", 10, "#c0392b");
        Text(svg, 210, 330, "Huber(Q(s, a) − y); the gradient flows only through Q(s, a; θ)", "middle", 11, "#444");
        Grid(svg, world, 480, 70, 66, run.MaxQ, run.Greedy, $"seed 0 after {Day09Runs.DqnSteps:N0} steps: max_a Q and greedy action");
        Text(svg, 612, 354, $"{run.Optimal}/14 greedy actions optimal; max |max_a Q − V*| = {N(run.MaxError, "0.0e+0")}", "middle", 11, "#444");
        Text(svg, 612, 372, "V* = −1, −1.9, −2.71 at distance 1, 2, 3 from a corner", "middle", 11, "#444");
        svg.Append("</svg>");

        run.Optimal.Should().Be(14);
        run.MaxQ[world.StateOf(4, 4)].Should().BeApproximately(vStar[world.StateOf(4, 4)], 1e-3);
        FigureFile.Check(Folder, "dqn-target-network.svg", svg.ToString());
    }
}
