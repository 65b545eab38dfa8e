using Course.Engine.Data;

namespace Course.Engine.Tests;

public sealed class IdxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("course-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_and_labels_round_trip(bool gzip)
    {
        var pixels = new byte[3 * 2 * 4];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 11);
        string images = Path.Combine(_dir, "images.idx" + (gzip ? ".gz" : ""));
        string labels = Path.Combine(_dir, "labels.idx");

        Idx.Write(images, pixels, [3, 2, 4], gzip);
        Idx.Write(labels, [7, 0, 9], [3]);

        var x = Idx.ReadImages<double>(images);
        x.ShapeArray.Should().Equal(3, 2, 4);
        x[2, 1, 3].Should().Be(23 * 11 / 255.0);
        Idx.ReadLabels(labels).Should().Equal(7, 0, 9);
        Idx.Read(images).Data.Should().Equal(pixels);
    }

    [Fact]
    public void Truncated_file_names_the_file_and_the_missing_bytes()
    {
        string path = Path.Combine(_dir, "short.idx");
        Idx.Write(path, new byte[100], [4, 5, 5]);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^10]);

        var act = () => Idx.ReadImages<double>(path);

        act.Should().Throw<IdxFormatException>().WithMessage($"{path}: shape (4, 5, 5) needs 100 data bytes after the header but only 90 are present (truncated file?).");
    }

    [Fact]
    public void Truncated_gzip_is_reported_not_silently_short()
    {
        string path = Path.Combine(_dir, "short.idx.gz");
        var data = new byte[5000];
        new Rng(1).Shuffle<byte>(data);
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 % 251);
        Idx.Write(path, data, [5, 1000], gzip: true);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var act = () => Idx.Read(path);

        act.Should().Throw<IdxFormatException>().WithMessage($"{path}: *");
    }

    [Fact]
    public void Bad_magic_says_it_is_not_an_idx_file()
    {
        string path = Path.Combine(_dir, "bad.idx");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x08, 0x01, 0, 0, 0, 1, 5]);

        var act = () => Idx.Read(path);

        act.Should().Throw<IdxFormatException>().WithMessage("*bad.idx: not an IDX file: the magic number starts with 0x50 0x4B, expected 0x00 0x00.");
    }

    [Fact]
    public void Unsupported_element_type_and_wrong_rank_are_named()
    {
        string floats = Path.Combine(_dir, "floats.idx");
        File.WriteAllBytes(floats, [0, 0, 0x0D, 1, 0, 0, 0, 0]);
        string labels = Path.Combine(_dir, "labels.idx");
        Idx.Write(labels, [1, 2], [2]);

        FluentActions.Invoking(() => Idx.Read(floats)).Should().Throw<IdxFormatException>().WithMessage("*type code 0x0D*");
        FluentActions.Invoking(() => Idx.ReadImages<float>(labels)).Should().Throw<IdxFormatException>().WithMessage("*expected images of shape (N, rows, cols), found shape (2)*");
        FluentActions.Invoking(() => Idx.Read(Path.Combine(_dir, "missing.idx"))).Should().Throw<FileNotFoundException>().WithMessage("*missing.idx*");
    }

    [Fact]
    public void Fashion_mnist_load_says_where_it_looked_and_how_to_install()
    {
        // Searching only an empty folder (the public Load also searches $COURSE_DATA and the Debian folder).
        var act = () => FashionMnist.LoadFrom([_dir, Path.Combine(_dir, "nothing")]);

        act.Should().Throw<FileNotFoundException>()
           .WithMessage($"Fashion-MNIST not found (looked in {_dir}, {Path.Combine(_dir, "nothing")} for train-images-idx3-ubyte[.gz]*apt-get install dataset-fashion-mnist*COURSE_DATA*");
        FashionMnist.SearchFolders(_dir).Should().StartWith(_dir).And.EndWith(FashionMnist.DebianFolder);
    }

    [Fact]
    public void Fashion_mnist_reads_a_folder_of_idx_files()
    {
        var images = new byte[3 * 28 * 28];
        images[28 * 28 + 5] = 255;
        Idx.Write(Path.Combine(_dir, "train-images-idx3-ubyte.gz"), images, [3, 28, 28], gzip: true);
        Idx.Write(Path.Combine(_dir, "train-labels-idx1-ubyte.gz"), [4, 9, 0], [3], gzip: true);
        Idx.Write(Path.Combine(_dir, "t10k-images-idx3-ubyte"), images[..(28 * 28)], [1, 28, 28]);
        Idx.Write(Path.Combine(_dir, "t10k-labels-idx1-ubyte"), [2], [1]);

        FashionMnist.TryLoad(out var train, out var test, _dir).Should().BeTrue();
        var (imagesTrain, _) = FashionMnist.Load(_dir, images: true, take: 2);

        train.X.ShapeArray.Should().Equal(3, 784);
        train.X[1, 5].Should().Be(1.0);
        train.Y.Should().Equal(4, 9, 0);
        test.Count.Should().Be(1);
        imagesTrain.X.ShapeArray.Should().Equal(2, 1, 28, 28);
        FashionMnist.LoadFloat32(_dir).TrainX.ShapeArray.Should().Equal(3, 784);
    }
}
