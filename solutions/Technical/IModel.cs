namespace Cert.Technical;

/// <summary>T6: a trained digit classifier as the grader queries it.</summary>
public interface IModel
{
    /// <summary>Class scores (logits) in inference mode: x (N, 1, 8, 8) with pixels in [0, 1] → (N, 10).</summary>
    Tensor Predict(Tensor x);
}
