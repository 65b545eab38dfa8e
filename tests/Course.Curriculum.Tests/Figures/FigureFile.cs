using Course.Notebooks.Plotting;

namespace Course.Curriculum.Tests.Figures;

/// <summary>
/// A lesson figure is the output of code in this folder: the test regenerates it and compares it with the committed
/// asset, so a figure cannot drift from the engine that drew it. Run with <c>COURSE_WRITE_FIGURES=1</c> to (re)write
/// the assets instead (then commit them).
/// </summary>
public static class FigureFile
{
    public static bool Writing => Environment.GetEnvironmentVariable("COURSE_WRITE_FIGURES") == "1";

    /// <summary>Compares (or writes) <c>curriculum/&lt;dayFolder&gt;/assets/&lt;name&gt;</c> with the figure's SVG.</summary>
    public static void Check(string dayFolder, string name, SvgFigure figure) => Check(dayFolder, name, figure.Svg);

    /// <summary>Compares (or writes) a hand-assembled SVG document (a diagram built from engine numbers).</summary>
    public static void Check(string dayFolder, string name, string svg)
    {
        var path = Path.Combine(Repo.Root, "curriculum", dayFolder, "assets", name);
        if (Writing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, svg);
            return;
        }
        File.Exists(path).Should().BeTrue($"{path} is produced by this test; run it with COURSE_WRITE_FIGURES=1 and commit the file");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(svg.ReplaceLineEndings("\n"),
            $"{name} must be what the code draws today; rerun with COURSE_WRITE_FIGURES=1 if the change is intended");
    }
}
