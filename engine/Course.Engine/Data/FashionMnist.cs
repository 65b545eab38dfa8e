namespace Course.Engine.Data;

/// <summary>
/// Fashion-MNIST (Zalando, MIT licence): 28×28 grey images of 10 clothing classes, 60,000 train / 10,000 test,
/// read from IDX files on disk. Optional everywhere: notebooks and stretch goals use it, tests never require it.
/// </summary>
/// <remarks>
/// Looks, in order, in: the <c>path</c> argument; <c>$COURSE_DATA</c> and <c>$COURSE_DATA/fashion-mnist</c>;
/// <c>/usr/share/datasets/fashion-mnist</c> (where Debian's <c>dataset-fashion-mnist</c> package installs
/// <c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>, <c>t10k-images-idx3-ubyte.gz</c>,
/// <c>t10k-labels-idx1-ubyte.gz</c>). Each file may be gzip-compressed (<c>.gz</c>) or raw. Pixels are divided by 255.
/// Float64 takes 8 bytes per pixel (376 MB for the full training set): pass <c>take</c> to load only the first
/// samples, or use <see cref="LoadFloat32"/> for fast float32 training.
/// </remarks>
public static class FashionMnist
{
    /// <summary>The folder Debian's <c>dataset-fashion-mnist</c> package installs.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Class names, index = label.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Loads train and test when the files are found; false (and empty data sets) otherwise. X is [N, 784]
    /// (or [N, 1, 28, 28] with <paramref name="images"/>); <paramref name="take"/> keeps the first samples of each split.
    /// </summary>
    public static bool TryLoad(out Dataset train, out Dataset test, string? path = null, bool images = false, int? take = null)
        => TryLoadFrom(SearchFolders(path), out train, out test, images, take);

    /// <summary>Like <see cref="Load"/> but searching only <paramref name="folders"/>.</summary>
    internal static (Dataset Train, Dataset Test) LoadFrom(IReadOnlyList<string> folders, bool images = false, int? take = null)
    {
        if (!TryLoadFrom(folders, out var train, out var test, images, take)) throw NotFound(folders);
        return (train, test);
    }

    private static bool TryLoadFrom(IReadOnlyList<string> folders, out Dataset train, out Dataset test, bool images, int? take)
    {
        var folder = Find(folders);
        if (folder is null)
        {
            train = test = new Dataset(Tensor<double>.Zeros(0, 784), []);
            return false;
        }
        train = Read(folder, "train", images, take);
        test = Read(folder, "t10k", images, take);
        return true;
    }

    /// <summary>Like <see cref="TryLoad"/> but throws <see cref="FileNotFoundException"/> saying where it looked and how to install.</summary>
    public static (Dataset Train, Dataset Test) Load(string? path = null, bool images = false, int? take = null)
        => LoadFrom(SearchFolders(path), images, take);

    /// <summary>Float32 images [N, 784] and labels for both splits (benchmarks, fast training).</summary>
    public static (Tensor<float> TrainX, int[] TrainY, Tensor<float> TestX, int[] TestY) LoadFloat32(string? path = null)
    {
        var folders = SearchFolders(path);
        var folder = Find(folders) ?? throw NotFound(folders);
        var trainX = Idx.ReadImages<float>(File(folder, "train-images-idx3-ubyte")!);
        var testX = Idx.ReadImages<float>(File(folder, "t10k-images-idx3-ubyte")!);
        return (trainX.Reshape(trainX.Dim(0), -1), Idx.ReadLabels(File(folder, "train-labels-idx1-ubyte")!),
                testX.Reshape(testX.Dim(0), -1), Idx.ReadLabels(File(folder, "t10k-labels-idx1-ubyte")!));
    }

    /// <summary>The folders searched, in order, for a given <paramref name="path"/> argument.</summary>
    public static IReadOnlyList<string> SearchFolders(string? path = null)
    {
        var folders = new List<string>();
        if (!string.IsNullOrEmpty(path)) folders.Add(path);
        var env = Environment.GetEnvironmentVariable("COURSE_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            folders.Add(env);
            folders.Add(Path.Combine(env, "fashion-mnist"));
        }
        folders.Add(DebianFolder);
        return folders;
    }

    private static string? Find(IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
            if (File(folder, "train-images-idx3-ubyte") is not null && File(folder, "train-labels-idx1-ubyte") is not null &&
                File(folder, "t10k-images-idx3-ubyte") is not null && File(folder, "t10k-labels-idx1-ubyte") is not null)
                return folder;
        return null;
    }

    private static string? File(string folder, string stem)
    {
        foreach (var name in (ReadOnlySpan<string>)[stem + ".gz", stem])
        {
            var p = Path.Combine(folder, name);
            if (System.IO.File.Exists(p)) return p;
        }
        return null;
    }

    private static Dataset Read(string folder, string split, bool images, int? take)
    {
        string imagesPath = File(folder, $"{split}-images-idx3-ubyte")!;
        var raw = Idx.Read(imagesPath);
        var y = Idx.ReadLabels(File(folder, $"{split}-labels-idx1-ubyte")!);
        if (raw.Shape.Length != 3)
            throw new IdxFormatException(imagesPath, $"expected images of shape (N, rows, cols), found shape {Shapes.Format(raw.Shape)}.");
        if (raw.Shape[0] != y.Length)
            throw new IdxFormatException(imagesPath, $"{raw.Shape[0]} images but {y.Length} labels in the matching labels file.");
        // Convert only the samples asked for: the full float64 training set would be 376 MB.
        int n = Math.Clamp(take ?? y.Length, 0, y.Length);
        int rows = raw.Shape[1], cols = raw.Shape[2];
        var x = images ? Tensor<double>.Zeros(n, 1, rows, cols) : Tensor<double>.Zeros(n, rows * cols);
        var xs = x.Span;
        for (int i = 0; i < xs.Length; i++) xs[i] = raw.Data[i] / 255.0;
        return new Dataset(x, y[..n]);
    }

    private static FileNotFoundException NotFound(IReadOnlyList<string> folders) => new(
        "Fashion-MNIST not found (looked in " + string.Join(", ", folders) +
        " for train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]); " +
        "install it with `sudo apt-get install dataset-fashion-mnist` or set COURSE_DATA to a folder holding those files.");
}
