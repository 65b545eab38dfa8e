using Course.Engine.Data;

namespace Course.Engine.Benchmarks.Workloads;

/// <summary>Fashion-MNIST as float32 [N, 784] ÷ 255, loaded once per run through the engine's IDX reader.</summary>
public static class FashionData
{
    private static (Tensor<float> TrainX, int[] TrainY, Tensor<float> TestX, int[] TestY)? cached;

    /// <summary>The folder the engine would read, or null when the data set is not installed.</summary>
    public static string? Folder(string? explicitPath)
    {
        foreach (var folder in FashionMnist.SearchFolders(explicitPath))
            if (File.Exists(Path.Combine(folder, "train-images-idx3-ubyte.gz")) || File.Exists(Path.Combine(folder, "train-images-idx3-ubyte")))
                return folder;
        return null;
    }

    public static (Tensor<float> TrainX, int[] TrainY, Tensor<float> TestX, int[] TestY) Load(string folder) =>
        cached ??= FashionMnist.LoadFloat32(folder);
}
