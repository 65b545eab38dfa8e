using System.Reflection;
using Course.Certification.Similarity;
using Course.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Certification.Tests;

/// <summary>
/// Code similarity on learner folders built from the course's own Day 1 stubs and solutions: a disguised copy is
/// flagged, an independent implementation is not, the stub alone matches nothing.
/// </summary>
public sealed class SimilarityTests : IDisposable
{
    private static readonly CourseLayout Layout = new(typeof(SimilarityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!);

    private readonly string _roster = Path.Combine(Path.GetTempPath(), "course-similarity-tests", Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try { Directory.Delete(_roster, recursive: true); } catch (IOException) { }
    }

    private const string Affine = "Layers/AffineLayer.cs";

    /// <summary>A learner whose Day01 is the stub, with some files replaced.</summary>
    private (string Id, string Folder) Learner(string id, Dictionary<string, string>? files = null, string day = "Day01")
    {
        var folder = Path.Combine(_roster, id);
        var target = Path.Combine(folder, day == "Technical" ? ClassSimilarity.TechnicalFolder : day);
        foreach (var (rel, text) in CodeFingerprints.Sources(Path.Combine(Layout.ExercisesDir, day)))
            Write(Path.Combine(target, rel), text);
        foreach (var (rel, text) in files ?? []) Write(Path.Combine(target, rel), text);
        return (id, folder);

        static void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static string Solution(string rel, string day = "Day01") => File.ReadAllText(Path.Combine(Layout.SolutionsDir, day, rel));

    private static Dictionary<string, string> SolvedDay01() =>
        CodeFingerprints.Sources(Path.Combine(Layout.SolutionsDir, "Day01")).ToDictionary(s => s.Path, s => s.Text);

    /// <summary>Every identifier renamed (consistently, as a careful copier would), every type's members in reverse order, comments gone.</summary>
    private static string Disguise(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        root = root.ReplaceNodes(root.DescendantNodes().OfType<TypeDeclarationSyntax>(),
            (_, rewritten) => rewritten.WithMembers(SyntaxFactory.List(rewritten.Members.Reverse())));
        var names = new Dictionary<string, string>();
        root = root.ReplaceTokens(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)),
            (original, _) => SyntaxFactory.Identifier(original.LeadingTrivia, Rename(original.Text), original.TrailingTrivia));
        root = root.ReplaceTrivia(root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)),
            (_, _) => SyntaxFactory.Whitespace(""));
        return root.ToFullString();

        string Rename(string name) => names.TryGetValue(name, out var n) ? n : names[name] = $"renamed{names.Count}";
    }

    /// <summary>An Affine layer written from the lesson's formulas by someone else: explicit loops, no Ops.MatMul, another layout.</summary>
    private const string IndependentAffine = """
        namespace Course.Day01;

        public sealed class AffineLayer : ILayer
        {
            private readonly Parameter _w, _b;
            private double[,]? _input;
            private int[] _shape = [];

            public AffineLayer(Tensor w, Tensor b, string suffix = "")
            {
                if (!(w.Rank == 2 && b.Rank == 1 && w.Dim(0) == b.Dim(0))) throw new ArgumentException("AffineLayer: bad W/b " + w.ShapeString + " " + b.ShapeString);
                _w = new Parameter("W" + suffix, w);
                _b = new Parameter("b" + suffix, b);
            }

            public Parameter W => _w;
            public Parameter B => _b;
            public IReadOnlyList<Parameter> Parameters => new[] { _w, _b };

            public Tensor Forward(Tensor x, bool training = true)
            {
                var rows = x.Dim(0);
                var cols = x.Size / rows;
                if (cols != _w.Value.Dim(1)) throw new ArgumentException($"AffineLayer.Forward: {x.ShapeString} vs {_w.Value.ShapeString}");
                _shape = x.ShapeArray;
                _input = new double[rows, cols];
                var flat = x.ToArray();
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++)
                        _input[r, c] = flat[r * cols + c];
                int outs = _w.Value.Dim(0);
                var y = new double[rows * outs];
                for (int r = 0; r < rows; r++)
                {
                    for (int o = 0; o < outs; o++)
                    {
                        double acc = _b.Value[o];
                        for (int c = 0; c < cols; c++) acc += _input[r, c] * _w.Value[o, c];
                        y[r * outs + o] = acc;
                    }
                }
                return Tensor.FromArray(y, rows, outs);
            }

            public Tensor Backward(Tensor dY)
            {
                if (_input is null) throw new InvalidOperationException("Backward before Forward");
                int rows = _input.GetLength(0), cols = _input.GetLength(1), outs = _w.Value.Dim(0);
                var gw = new double[outs * cols];
                var gb = new double[outs];
                var dx = new double[rows * cols];
                foreach (var r in Enumerable.Range(0, rows))
                {
                    foreach (var o in Enumerable.Range(0, outs))
                    {
                        var g = dY[r, o];
                        gb[o] += g;
                        for (var c = 0; c < cols; c++)
                        {
                            gw[o * cols + c] += g * _input[r, c];
                            dx[r * cols + c] += g * _w.Value[o, c];
                        }
                    }
                }
                _w.Grad = Tensor.FromArray(gw, outs, cols);
                _b.Grad = Tensor.FromArray(gb, outs);
                return Tensor.FromArray(dx, _shape);
            }
        }
        """;

    [Fact]
    public void A_copy_with_every_identifier_renamed_and_members_reordered_is_flagged()
    {
        var original = SolvedDay01();
        var disguised = original.ToDictionary(f => f.Key, f => Disguise(f.Value));
        disguised[Affine].Should().NotContain("MatMul").And.NotContain("_inputShape");

        var report = ClassSimilarity.Analyse([Learner("ann", original), Learner("bob", disguised)], Layout.ExercisesDir);

        var pair = report.Flagged.Should().ContainSingle().Subject;
        pair.Unit.Should().Be("Day01");
        (pair.Pair.LearnerA, pair.Pair.LearnerB).Should().Be(("ann", "bob"));
        pair.Pair.Similarity.Should().BeGreaterThan(0.8);
        pair.Pair.Regions.Should().Contain(r => r.FileA == Affine && r.FileB == Affine);
    }

    [Fact]
    public void Two_independent_implementations_of_the_same_exercise_are_not_flagged()
    {
        var report = ClassSimilarity.Analyse(
            [Learner("ann", new() { [Affine] = Solution(Affine) }), Learner("cat", new() { [Affine] = IndependentAffine })], Layout.ExercisesDir);

        var day = report.Units.Single();
        day.Learners.Should().Be(2, "both wrote code of their own");
        day.Flagged.Should().BeEmpty();
        day.Highest!.Similarity.Should().BeLessThan(0.2, "they share a few short runs (6.6% when this was written)");
    }

    [Fact]
    public void A_reference_solution_gone_round_the_class_is_caught_although_it_is_common_to_all()
    {
        var learners = Enumerable.Range(0, SimilaritySettings.Default.CommonLimit + 1)
            .Select(i => Learner($"l{i:00}", new() { [Affine] = Solution(Affine) })).ToList();
        learners.Add(Learner("cat", new() { [Affine] = IndependentAffine }));

        var day = ClassSimilarity.Analyse(learners, Layout.ExercisesDir, solutionsDir: Layout.SolutionsDir).Units.Single();

        day.Flagged.Should().BeEmpty("code in more than 10 learners' folders counts as the class's common idiom, as in MOSS");
        day.CommonShare.Should().BeGreaterThan(0.5);
        day.ReferenceMatches.Select(p => p.LearnerA).Should().BeEquivalentTo(learners.Select(l => l.Id).Where(id => id != "cat"));
        day.ReferenceMatches.Should().OnlyContain(p => p.LearnerB == ClassSimilarity.ReferenceId && p.Similarity == 1);
    }

    [Fact]
    public void The_stub_alone_matches_nothing()
    {
        var report = ClassSimilarity.Analyse([Learner("dan"), Learner("eve"), Learner("fay", new() { [Affine] = Solution(Affine) })], Layout.ExercisesDir);

        var day = report.Units.Single();
        day.Learners.Should().Be(1, "the unchanged stubs have no fingerprint of their own");
        day.Flagged.Should().BeEmpty();
        day.Highest.Should().BeNull();
    }

    [Fact]
    public void A_folder_that_cannot_be_read_is_reported_and_the_others_still_compared()
    {
        var solved = new Dictionary<string, string> { [Affine] = Solution(Affine) };

        var report = ClassSimilarity.Analyse([Learner("ann", solved), (Id: "gone", Folder: Path.Combine(_roster, "gone")), Learner("bob", solved)], Layout.ExercisesDir);

        report.Problems.Should().ContainSingle().Which.Should().StartWith("gone: ");
        report.Flagged.Should().ContainSingle().Which.Pair.Similarity.Should().Be(1);
    }

    [Fact]
    public void The_technical_test_folder_is_compared_with_its_own_stub_subtracted()
    {
        var elu = new Dictionary<string, string> { ["EluLayer.cs"] = Solution("EluLayer.cs", "Technical") };

        var report = ClassSimilarity.Analyse([Learner("gus", elu, "Technical"), Learner("hal", elu, "Technical"), Learner("ida", day: "Technical")], Layout.ExercisesDir);

        var unit = report.Units.Single();
        unit.Label.Should().Be("Technical");
        unit.Learners.Should().Be(2);
        unit.Flagged.Should().ContainSingle().Which.Similarity.Should().Be(1);
    }

    [Fact]
    public void The_page_shows_the_regions_side_by_side_escaped_and_offline()
    {
        var original = SolvedDay01();
        var report = ClassSimilarity.Analyse([Learner("ann", original), Learner("bob", original.ToDictionary(f => f.Key, f => Disguise(f.Value)))], Layout.ExercisesDir);

        var html = SimilarityPage.Render(report, "2026A", id => id == "ann" ? "山田 <ann>" : id);

        html.Should().Contain("<h2 id=\"day01\">Day01</h2>").And.Contain("山田 &lt;ann&gt;");
        html.Should().MatchRegex(@"<b>Layers/AffineLayer\.cs:\d+–\d+</b><pre>");
        html.Should().Contain("i &lt; n", "code is escaped");
        html.Should().NotContain("<script").And.NotContain("src=").And.NotContain("href=\"http");
    }

    [Fact]
    public void Winnowing_keeps_one_minimum_per_window_and_sees_every_long_shared_run()
    {
        ulong[] hashes = [77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98];

        // The paper's example: windows of 4 select 17 (pos 3), 17 (pos 6), 8 (pos 8), 39 (pos 11), 17 (pos 15).
        Winnowing.Select(hashes, 4).Should().Equal(new Fingerprint(17, 3), new Fingerprint(17, 6), new Fingerprint(8, 8),
            new Fingerprint(39, 11), new Fingerprint(17, 15));
        CodeTokens.Read("var total = count + 42; // note").Select(t => t.Normal).Should().Equal("I", "I", "=", "I", "+", "L", ";");
    }
}
