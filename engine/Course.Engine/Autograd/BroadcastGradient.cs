namespace Course.Engine.Autograd;

/// <summary>
/// The adjoint of NumPy broadcasting: sums a gradient of the broadcast shape back to an operand's shape
/// (over the leading axes the operand lacked, and over every axis where the operand had size 1).
/// </summary>
internal static class BroadcastGradient
{
    public static Tensor<double> SumTo(Tensor<double> g, ReadOnlySpan<int> shape)
    {
        if (g.Shape.SequenceEqual(shape)) return g;
        var r = g;
        while (r.Rank > shape.Length) r = r.Sum(0);
        for (int axis = 0; axis < shape.Length; axis++)
            if (shape[axis] == 1 && r.Dim(axis) != 1) r = r.Sum(axis, keepDims: true);
        return r.Reshape(shape.ToArray());
    }
}
