using Course.Model.Files;

namespace Course.Model.Tests;

public sealed class FilesTests
{
    [Fact]
    public void Source_files_skip_bin_and_obj_folders_at_any_depth_but_keep_names_that_only_start_with_them()
    {
        using var temp = new TempFolder();
        foreach (var f in new[] { "Binomial.cs", "objectives/Goal.cs", "Layers/Affine.cs", "bin/Debug/Gen.cs", "obj/X.cs", "Layers/obj/Y.cs" })
            temp.Write(f, "// x");

        SourceFiles.Relative(temp.Path).Should().Equal("Binomial.cs", "Layers/Affine.cs", "objectives/Goal.cs");
    }

    [Fact]
    public void Source_files_of_a_missing_folder_are_none() =>
        SourceFiles.Relative("/no/such/folder").Should().BeEmpty();

    [Fact]
    public void Atomic_write_replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "out", "results.json");

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        File.ReadAllText(path).Should().Be("second");
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    [Fact]
    public void A_failed_atomic_write_keeps_the_old_content()
    {
        using var temp = new TempFolder();
        var path = temp.Write("summary.csv", "old");

        var act = () => AtomicFile.Write(path, t => { File.WriteAllText(t, "half"); throw new IOException("disk full"); });

        act.Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be("old");
        Directory.GetFiles(temp.Path).Should().Equal(path);
    }
}
