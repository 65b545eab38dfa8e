using System.Text;
using Course.Model;
using Course.Model.Files;

namespace Course.Certification.Technical;

/// <summary>
/// Writes a learner's technical-test folder: <c>Technical/</c> (the stubs of the drawn variants only),
/// <c>Technical.Tests/</c> (their public tests), props that build both against the course's engine, the signed
/// <c>start-token.jwt</c> and a README (Japanese, then English).
/// </summary>
public static class TechnicalHandout
{
    public static void Write(CourseLayout layout, string outDir, StartToken token, string signedToken)
    {
        var stubs = Path.Combine(layout.ExercisesDir, TechnicalPools.Project);
        var tests = Path.Combine(layout.ExercisesDir, TechnicalPools.Project + ".Tests");
        var project = Path.Combine(outDir, TechnicalPools.Project);
        var testProject = Path.Combine(outDir, TechnicalPools.Project + ".Tests");
        Copy(stubs, project, [$"{TechnicalPools.Project}.csproj", "GlobalUsings.cs", .. token.Variants.SelectMany(v => v.Files)]);
        Copy(tests, testProject, [$"{TechnicalPools.Project}.Tests.csproj", "GlobalUsings.cs", .. token.Variants.Where(v => v.PublicTests is not null).Select(v => v.PublicTests!)]);
        var root = layout.Root.Replace('\\', '/');
        // CourseImplementation is set before the course's props are imported, so the public tests build this folder's Technical/.
        AtomicFile.WriteAllText(Path.Combine(outDir, "Directory.Build.props"),
            $"<Project>\n  <PropertyGroup>\n    <CourseImplementation>$(MSBuildThisFileDirectory)</CourseImplementation>\n  </PropertyGroup>\n  <Import Project=\"{root}/Directory.Build.props\" />\n</Project>\n");
        AtomicFile.WriteAllText(Path.Combine(outDir, "Directory.Packages.props"), $"<Project>\n  <Import Project=\"{root}/Directory.Packages.props\" />\n</Project>\n");
        // global.json selects the course's test runner (Microsoft.Testing.Platform) for `dotnet test --project`.
        File.Copy(Path.Combine(layout.Root, "global.json"), Path.Combine(outDir, "global.json"), overwrite: true);
        AtomicFile.WriteAllText(Path.Combine(outDir, StartToken.FileName), signedToken + "\n");
        AtomicFile.WriteAllText(Path.Combine(outDir, "README.md"), Readme(token));
    }

    private static void Copy(string from, string to, IEnumerable<string> files)
    {
        Directory.CreateDirectory(to);
        foreach (var f in files) File.Copy(Path.Combine(from, f), Path.Combine(to, f), overwrite: true);
    }

    public static string Readme(StartToken token)
    {
        var b = new StringBuilder();
        b.Append("# 技術テスト / Technical test\n\n");
        b.Append($"受講者: {token.Learner}（コホート {token.Cohort}）／開始: {token.Start.ToUniversalTime():yyyy-MM-dd HH:mm} UTC／制限時間: {TechnicalPools.Minutes} 分（締切 {token.Deadline.ToUniversalTime():HH:mm} UTC、猶予 {TechnicalPools.GraceMinutes} 分を含む）\n\n");
        b.Append("## 課題\n\n`Technical/` の各ファイルにある `NotImplementedException` を実装してください（名前空間 `Cert.Technical`）。T1〜T5 は各 15 点、T6 は 25 点です。\n");
        b.Append("T6 では `OpenModel.TrainBest` が train（学習用の数字画像だけ）から学習したモデルを返します。採点は受講者が見ない画像（1 ピクセルずらしてノイズを加えた数字）での正解率で、0.80 以上 5 点、0.90 以上 12 点、0.95 以上 20 点、0.97 以上 25 点です。学習は 2 コアで 60 秒以内に収めてください（90 秒で打ち切り）。公開テストはないので、train の一部を取り分けて自分で確かめてください。\n");
        b.Append("エンジンの Day 1〜9 の部品は使えますが、課題そのものにあたるエンジンのクラスは使えません。\n\n");
        foreach (var v in token.Variants) b.Append($"- {v.Task}: `{v.File}`（{v.Id}）\n");
        b.Append("\n## 公開テストの実行\n\n```\ndotnet test --project Technical.Tests\n```\n\n");
        b.Append("公開テストは形と代表値だけを確かめます。採点では勾配チェックなど、より多くのテストが実行されます。\n");
        b.Append($"提出: `Technical/` フォルダと `{StartToken.FileName}` をそのまま講師に渡してください（トークンを変更すると採点されません）。\n\n");
        b.Append("---\n\n## Tasks (English)\n\n");
        b.Append($"Implement every `NotImplementedException` in `Technical/` (namespace `Cert.Technical`), 15 points each for T1–T5 and 25 for T6, {TechnicalPools.Minutes} minutes from the start above (+{TechnicalPools.GraceMinutes} min grace; later submissions score 0). ");
        b.Append("Engine building blocks of Days 1–9 may be used, except the engine's own class for what a task asks.\n\n");
        foreach (var v in token.Variants) b.Append($"- {v.Task}: `{v.File}` ({v.Id})\n");
        b.Append("\nT6: `OpenModel.TrainBest` trains on the train split only and returns the model; it is scored on unseen digits shifted by one pixel with noise (accuracy ≥ 0.80: 5, ≥ 0.90: 12, ≥ 0.95: 20, ≥ 0.97: 25 points); keep training within 60 s on 2 cores (stopped at 90 s). T6 has no public tests.\n");
        b.Append("\nRun the public tests (shapes and one known value each; grading runs more, incl. gradient checks): `dotnet test --project Technical.Tests`.\n");
        b.Append($"Hand in the `Technical/` folder together with the unchanged `{StartToken.FileName}`.\n");
        return b.ToString();
    }
}
