using System.Reflection;
using System.Security.Cryptography;
using Course.Certification.Results;
using Course.Certification.Technical;
using Course.Grader.Checks;
using Course.Grader.Grading;
using Course.Model;

namespace Course.Certification.Tests;

/// <summary>
/// The technical test end to end on the real course: the reference scores 15/15 on every variant, the stubs 0 with
/// hints, each D10 mutant loses points on its task, tokens are checked, late submissions score 0, draws are seeded.
/// Gradings share the grader's test cache (.course/cache), so only the first run builds the Technical test projects.
/// </summary>
public sealed class TechnicalTestTests : IDisposable
{
    private static readonly CourseLayout Layout = new(typeof(TechnicalTestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CourseRoot").Value!);
    private static readonly SubmissionGrader Grader = new(Layout);
    private static readonly GradeOptions Options = new() { MaxParallelism = 2 };
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 13, 0, 0, TimeSpan.Zero);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _temp = Directory.CreateTempSubdirectory("technical-test-").FullName;

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    /// <summary>The k-th variant of every task (k = 0, 1, 2 covers all sixteen; T6 has one).</summary>
    private static IReadOnlyList<TechnicalVariant> Set(int k) =>
        TechnicalPools.Tasks.Select(t => TechnicalPools.Variants.Where(v => v.Task == t).ToList() is var pool ? pool[Math.Min(k, pool.Count - 1)] : null!).ToList();

    private static IReadOnlyList<TechnicalVariant> Pick(params string[] ids) =>
        TechnicalPools.Tasks.Select((t, i) => TechnicalPools.Get(t, i < ids.Length ? ids[i] : "open-model")).ToList();

    /// <summary>A learner folder's Technical/ holding the given variants' files from solutions/ or exercises/.</summary>
    private string Folder(string source, IReadOnlyList<TechnicalVariant> variants, params string[] mutants)
    {
        var folder = Path.Combine(_temp, Guid.NewGuid().ToString("N")[..8], "Technical");
        Directory.CreateDirectory(folder);
        var from = Path.Combine(Layout.Root, source, TechnicalPools.Project);
        foreach (var file in variants.SelectMany(v => v.Files).Append("GlobalUsings.cs"))
            File.Copy(Path.Combine(from, file), Path.Combine(folder, file));
        foreach (var mutant in mutants)
            MutationPatch.Overlay(Path.Combine(Layout.MutantsDir, TechnicalPools.Project, mutant), folder);
        return folder;
    }

    private Task<TechnicalResult> Grade(string folder, IReadOnlyList<TechnicalVariant> variants, DateTimeOffset? submitted = null, string learner = "ada") =>
        TechnicalGrade.GradeAsync(Grader, folder, new StartToken("c1", learner, variants, Start).Sign(_key), _key, "c1", learner,
            submitted ?? Start.AddMinutes(90), Options, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_reference_scores_full_marks_on_every_variant(int k)
    {
        var result = await Grade(Folder("solutions", Set(k)), Set(k));

        result.Status.Should().Be(ComponentStatus.Scored, string.Join("; ", result.Problems));
        result.Tasks.Should().OnlyContain(t => t.Score == t.MaxScore, string.Join(", ", result.Tasks.Select(t => $"{t.Task} {t.Variant} {t.Score}")));
        result.Score.Should().Be(100, "T1–T5 at 15 each, T6 at 25 (held-out accuracy ≥ 0.97)");
        result.ModelAccuracy.Should().Be(0.9750, "the reference model's held-out accuracy, read back from the band tests' output");
    }

    [Fact]
    public async Task The_stubs_score_zero()
    {
        var result = await Grade(Folder("exercises", Set(1)), Set(1));

        result.Status.Should().Be(ComponentStatus.Scored, string.Join("; ", result.Problems));
        result.Score.Should().Be(0);
        result.Tasks.Should().HaveCount(6).And.OnlyContain(t => t.Score == 0);
        result.ModelAccuracy.Should().BeNull("a model that reaches no band reports no accuracy");
    }

    [Fact]
    public async Task Mutants_M1_to_M4_each_lose_points_on_their_task()
    {
        var variants = Pick("swish", "adamw", "dilated-conv", "birnn", "n-step");
        var result = await Grade(Folder("solutions", variants, "D10-M1", "D10-M2", "D10-M3", "D10-M4"), variants);

        result.Status.Should().Be(ComponentStatus.Scored, string.Join("; ", result.Problems));
        var byTask = result.Tasks.ToDictionary(t => t.Task, t => t.Score);
        byTask["T1"].Should().Be(15, "T1 is not mutated");
        byTask["T2"].Should().BeLessThan(15, "D10-M1");
        byTask["T3"].Should().BeLessThan(15, "D10-M2");
        byTask["T4"].Should().BeLessThan(15, "D10-M3");
        byTask["T5"].Should().BeLessThan(15, "D10-M4");
    }

    [Fact]
    public async Task Mutant_M5_loses_points_on_T5()
    {
        var variants = Pick("elu", "amsgrad", "conv1d", "masked-loss", "double-dqn");
        var result = await Grade(Folder("solutions", variants, "D10-M5"), variants);

        result.Tasks.Single(t => t.Task == "T5").Score.Should().BeLessThan(15);
        result.Tasks.Where(t => t.Task != "T5").Should().OnlyContain(t => t.Score == t.MaxScore);
    }

    /// <summary>Every variant at once, as <c>course check</c> grades the technical test (a day worth 250 points).</summary>
    private static DayManifest AllVariants => TechnicalGrade.Manifest(Grader.Manifest.Day(10), TechnicalPools.Variants);

    [Fact]
    public async Task Every_stub_failure_is_a_hint()
    {
        var staging = Path.Combine(_temp, "stubs");
        var day = AllVariants;
        Course.Model.Files.FolderCopy.Copy(Path.Combine(Layout.ExercisesDir, TechnicalPools.Project), Path.Combine(staging, day.Label),
            Course.Model.Files.FolderCopy.SkipBuildOutput);
        var result = await Grader.GradeAsync(new GradingPlan(Course.Grader.Submissions.Submission.Open(staging), [day], Options with { Days = [10] }),
            null, TestContext.Current.CancellationToken);

        result.Days.Single().Score.Should().Be(0);
        result.Tests.Should().HaveCountGreaterThan(60).And.OnlyContain(t => !t.Passed && StubsZeroWithHintsCheck.IsHint(t.Output),
            "a stub fails by telling the learner what to write, never by crashing the test");
    }

    [Fact]
    public async Task The_stand_in_scores_at_most_40_percent()
    {
        var standIn = Mutants.Discover(Layout, Grader.Manifest, [AllVariants]).Single(m => m.Id == "D10-STANDIN");

        var outcome = await Mutants.GradeAsync(Grader, Options, standIn, TestContext.Current.CancellationToken);

        standIn.MaxScore.Should().Be(100, "40 per hundred of the 250 points every variant together is worth");
        outcome.Killed.Should().BeTrue(outcome.Detail);
    }

    [Fact]
    public async Task A_token_for_another_learner_or_signed_by_another_key_is_rejected()
    {
        var folder = Folder("solutions", Set(0));
        var cancel = TestContext.Current.CancellationToken;
        var other = await TechnicalGrade.GradeAsync(Grader, folder, new StartToken("c1", "bob", Set(0), Start).Sign(_key), _key, "c1", "ada", Start, Options, cancel);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = await TechnicalGrade.GradeAsync(Grader, folder, new StartToken("c1", "ada", Set(0), Start).Sign(forger), _key, "c1", "ada", Start, Options, cancel);
        var cohort = await TechnicalGrade.GradeAsync(Grader, folder, new StartToken("c2", "ada", Set(0), Start).Sign(_key), _key, "c1", "ada", Start, Options, cancel);

        foreach (var r in new[] { other, forged, cohort })
        {
            r.Status.Should().Be(ComponentStatus.Rejected);
            r.Score.Should().Be(0);
        }
        other.Problems.Single().Should().Contain("bob");
        forged.Problems.Single().Should().Contain("not by the instructor's key");
        cohort.Problems.Single().Should().Contain("c2");
    }

    [Fact]
    public async Task A_submission_after_start_plus_125_minutes_scores_zero()
    {
        var result = await Grade(Folder("solutions", Set(0)), Set(0), Start.AddMinutes(125).AddSeconds(1));

        result.Status.Should().Be(ComponentStatus.Late);
        result.Late.Should().BeTrue();
        result.Score.Should().Be(0);
    }

    [Fact]
    public void The_draw_is_reproducible_differs_between_learners_and_covers_every_variant()
    {
        TechnicalPools.Draw("c1", "ada").Should().Equal(TechnicalPools.Draw("c1", "ada"));
        var learners = Enumerable.Range(0, 40).Select(i => TechnicalPools.Draw("c1", $"learner{i:00}")).ToList();
        learners.Select(d => string.Join(",", d.Select(v => v.Id))).Distinct().Count().Should().BeGreaterThan(20, "3⁵ = 243 possible draws");
        learners.SelectMany(d => d).Distinct().Should().HaveCount(16, "every variant of every pool is drawn by someone");
        TechnicalPools.Draw("c1", "ada").Select(v => v.Task).Should().Equal("T1", "T2", "T3", "T4", "T5", "T6");
    }

    [Fact]
    public void The_start_token_round_trips_and_the_handout_holds_only_the_drawn_variants()
    {
        var token = new StartToken("c1", "ada", TechnicalPools.Draw("c1", "ada"), Start);
        var (back, problem) = StartToken.Verify(token.Sign(_key), _key, "c1", "ada");
        problem.Should().BeNull();
        back!.Variants.Should().Equal(token.Variants);
        back.Start.Should().Be(Start);
        back.Deadline.Should().Be(Start.AddMinutes(125));

        var outDir = Path.Combine(_temp, "handout");
        TechnicalHandout.Write(Layout, outDir, token, token.Sign(_key));
        Directory.GetFiles(Path.Combine(outDir, "Technical"), "*.cs").Select(Path.GetFileName).Order()
            .Should().Equal(token.Variants.SelectMany(v => v.Files).Append("GlobalUsings.cs").Order());
        Directory.GetFiles(Path.Combine(outDir, "Technical.Tests"), "*.cs").Should().HaveCount(6);
        File.ReadAllText(Path.Combine(outDir, "README.md")).Should().Contain("120 分").And.Contain("dotnet test --project Technical.Tests");
        File.Exists(Path.Combine(outDir, StartToken.FileName)).Should().BeTrue();
    }
}
