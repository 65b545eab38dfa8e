using System.Globalization;
using System.Net;
using System.Text;
using Course.Curriculum.Tests.Figures;
using static Course.Curriculum.Tests.Figures.SvgDiagram;
using Course.Notebooks.Plotting;

namespace Course.Curriculum.Tests.Day07;

/// <summary>The Day 7 lesson figures, drawn from the engine's recurrent and attention layers (see <see cref="FigureFile"/> and <see cref="Day07Runs"/>).</summary>
public class Day07Figures
{
    private const string Folder = "day07-rnn-methods";

    [Fact]
    public void Lstm_cell_with_the_worked_example()
    {
        var e = Day07Runs.LstmExample();
        var svg = Begin(840, 400, "LSTM cell, D = H = 1: x = 1, h = 0, c = 0.5, Wx = (0.5, 0.2, 0.8, 0.4), b = (0, 1, 0, 0)");
        // the cell-state conveyor along the top
        Text(svg, 40, 86, $"c = {N(Day07Runs.LstmCPrev, "0.0")}", "start", 13);
        Arrow(svg, 95, 82, 255, 82);
        svg.Append("<circle cx=\"270\" cy=\"82\" r=\"14\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Text(svg, 270, 87, "×", "middle", 16);
        Arrow(svg, 284, 82, 445, 82);
        svg.Append("<circle cx=\"460\" cy=\"82\" r=\"14\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Text(svg, 460, 87, "+", "middle", 16);
        Arrow(svg, 474, 82, 690, 82);
        Text(svg, 700, 86, $"c' = {N(e.C, "0.0000")}", "start", 13);
        Text(svg, 370, 66, "cell state: only ⊙ and + (no matrix)", "middle", 11, Palette.At(0));
        // gates
        string[] names = ["f = σ(·)", "i = σ(·)", "g = tanh(·)", "o = σ(·)"];
        double[] gx = [215, 345, 465, 590];
        int[] order = [1, 0, 2, 3];   // display f, i, g, o; gate values are stored i, f, g, o
        for (int k = 0; k < 4; k++)
        {
            double value = e.Gates[order[k]];
            Box(svg, gx[k], 200, 110, 44, "#e8f0fa", Palette.At(0), $"{names[k]} = {N(value, "0.0000")}", 11);
            Arrow(svg, gx[k] + 55, 310, gx[k] + 55, 246);
        }
        Arrow(svg, 270, 200, 270, 97);
        svg.Append("<circle cx=\"460\" cy=\"150\" r=\"14\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Text(svg, 460, 155, "×", "middle", 16);
        Arrow(svg, 400, 200, 450, 162);
        Arrow(svg, 520, 200, 470, 162);
        Arrow(svg, 460, 136, 460, 97);
        // output path
        Box(svg, 610, 110, 80, 30, "#f4f4f4", "#888", "tanh(c')", 11);
        Arrow(svg, 650, 82, 650, 110);
        svg.Append("<circle cx=\"650\" cy=\"175\" r=\"14\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"1.5\"/>");
        Text(svg, 650, 180, "×", "middle", 16);
        Arrow(svg, 650, 140, 650, 161);
        Arrow(svg, 635, 200, 643, 188);
        Arrow(svg, 664, 175, 720, 175);
        Text(svg, 726, 179, $"h' = {N(e.H, "0.0000")}", "start", 13);
        Text(svg, 696, 129, $"= {N(e.TanhC, "0.0000")}", "start", 11, "#666");
        // inputs
        Box(svg, 215, 310, 485, 34, "#f7f7f7", "#999", "A = x·Wxᵀ + h·Whᵀ + b = (0.5, 1.2, 0.8, 0.4)   (blocks i, f, g, o)", 12);
        Text(svg, 390, 375, $"c' = f·c + i·g = {N(e.Gates[1], "0.0000")}·0.5 + {N(e.Gates[0], "0.0000")}·{N(e.Gates[2], "0.0000")};   backward (dh' = 1, dc' = 0): dc = {N(e.DcPrev, "0.0000")}", "middle", 11, "#444");
        svg.Append("</svg>");

        e.H.Should().BeApproximately(0.3967454819, 1e-9);
        FigureFile.Check(Folder, "lstm-cell.svg", svg.ToString());
    }

    [Fact]
    public void Gradient_to_the_distant_past_rnn_vs_lstm()
    {
        double[] k = [.. Enumerable.Range(0, Day07Runs.GradSteps + 1).Select(i => (double)i)];
        var series = new List<Series> { new("RNN ||dL/dh||", k, [.. Day07Runs.RnnGradientByDistance().Select(Math.Log10)]) };
        foreach (var bias in Day07Runs.ForgetBiases)
            series.Add(new($"LSTM b_f = {N(bias)} ||dL/dc||", k, [.. Day07Runs.LstmCellGradientByDistance(bias).Select(Math.Log10)]));
        var figure = LineChart.Render(series, "H = 16, inputs N(0, 1), seed 7: gradient norm vs distance", "distance k = T − t (steps back in time)", "log10 gradient norm");

        Day07Runs.LstmCellGradientByDistance(3.0)[50].Should().BeGreaterThan(Day07Runs.RnnGradientByDistance()[50] * 1e3);
        FigureFile.Check(Folder, "cell-state-gradient.svg", figure);
    }

    [Fact]
    public void Positional_encoding_dot_product_depends_on_distance_only()
    {
        var pe = Day07Runs.PositionalEncoding(80, 16);
        double[] ks = [.. Enumerable.Range(0, 41).Select(i => (double)i)];
        int[] starts = [0, 5, 20, 39];
        var series = starts.Select(t => new Series($"t = {t}", ks, [.. ks.Select(kk => Day07Runs.Dot(pe, t, t + (int)kk))])).ToList();
        var figure = LineChart.Render(series, "d = 16: PE[t]·PE[t+k] for four t (the lines coincide)", "distance k", "PE[t]·PE[t+k]");

        Day07Runs.Dot(pe, 5, 12).Should().BeApproximately(Day07Runs.Dot(pe, 20, 27), 1e-12);
        FigureFile.Check(Folder, "positional-encoding.svg", figure);
    }

    [Fact]
    public void Ideal_reversal_attention_is_the_anti_diagonal()
    {
        var w = Day07Runs.IdealReversalWeights();
        int t = Day07Runs.ReversalLength;
        const double cell = 56, ox = 150, oy = 70;
        var svg = Begin(620, 480, $"ideal attention for reversing {t} digits (query j = {N(Day07Runs.ReversalSharpness)}·PE[{t - 1} − j], keys PE[s], d = {Day07Runs.ReversalModel})");
        for (int j = 0; j < t; j++)
        {
            Text(svg, ox - 10, oy + j * cell + cell / 2 + 4, $"output j = {j}", "end", 12);
            for (int s = 0; s < t; s++)
            {
                double v = w[j, s];
                int shade = (int)Math.Round(255 - 200 * v);
                string fill = $"rgb({shade},{(int)Math.Round(255 - 120 * v)},255)";
                svg.Append($"<rect x=\"{N(ox + s * cell)}\" y=\"{N(oy + j * cell)}\" width=\"{N(cell)}\" height=\"{N(cell)}\" fill=\"{fill}\" stroke=\"#fff\"/>");
                Text(svg, ox + s * cell + cell / 2, oy + j * cell + cell / 2 + 4, N(v, "0.00"), "middle", 11, v > 0.5 ? "#fff" : "#222");
            }
        }
        for (int s = 0; s < t; s++) Text(svg, ox + s * cell + cell / 2, oy + t * cell + 18, $"s = {s}", "middle", 12);
        Text(svg, ox + t * cell / 2, oy + t * cell + 42, "encoder position s (input digit)", "middle", 12, "#444");
        Text(svg, ox + t * cell / 2, oy + t * cell + 62, "each row sums to 1 over s; the largest weight of row j is at s = 5 − j", "middle", 11, "#666");
        svg.Append("</svg>");

        for (int j = 0; j < t; j++)
        {
            int best = Enumerable.Range(0, t).MaxBy(s => w[j, s]);
            best.Should().Be(t - 1 - j);
            Enumerable.Range(0, t).Sum(s => w[j, s]).Should().BeApproximately(1.0, 1e-12);
        }
        FigureFile.Check(Folder, "attention-reversal.svg", svg.ToString());
    }
}
