using System.Numerics.Tensors;

namespace Course.Engine.Autograd;

/// <summary>Differentiable functions: matrix product, elementwise nonlinearities, reductions, softmax, shape changes.</summary>
public sealed partial class Variable
{
    /// <summary>[m, k]·[k, n] → [m, n]; d(this) = dOut·Bᵀ, d(B) = thisᵀ·dOut.</summary>
    public Variable MatMul(Variable b) => Node(Ops.MatMul(Data, b.Data), "matmul", [this, b], o =>
    {
        Accumulate(Ops.MatMul(o.Grad!, b.Data, transB: true));
        b.Accumulate(Ops.MatMul(Data, o.Grad!, transA: true));
    });

    public Variable Exp()
    {
        var y = Ops.Exp(Data);
        return Node(y, "exp", [this], o => Accumulate(o.Grad! * y));
    }

    public Variable Log() => Node(Ops.Log(Data), "log", [this], o => Accumulate(o.Grad! / Data));

    public Variable Tanh()
    {
        var y = Ops.Tanh(Data);
        return Node(y, "tanh", [this], o => Accumulate(o.Grad! * (1.0 - y * y)));
    }

    public Variable Sigmoid()
    {
        var y = Ops.Sigmoid(Data);
        return Node(y, "sigmoid", [this], o => Accumulate(o.Grad! * y * (1.0 - y)));
    }

    public Variable Relu() => Node(Ops.Maximum(Data, 0.0), "relu", [this], o => Accumulate(o.Grad! * Ops.Greater(Data, 0.0)));

    public Variable Sqrt()
    {
        var y = Ops.Sqrt(Data);
        return Node(y, "sqrt", [this], o => Accumulate(o.Grad! / (y * 2.0)));
    }

    /// <summary>Matrix transpose of a 2-D node.</summary>
    public Variable Transpose() => Node(Data.Transpose(), "transpose", [this], o => Accumulate(o.Grad!.Transpose()));

    /// <summary>softplus(x) = log(1 + eˣ), computed as max(x, 0) + log(1 + e^(−|x|)) so any logit is finite; d/dx = σ(x).
    /// With it a stable BCE-with-logits on the tape is <c>x.Softplus() − t·x</c>.</summary>
    public Variable Softplus()
    {
        var y = Data.Map(v => Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v))));
        return Node(y, "softplus", [this], o => Accumulate(o.Grad! * Ops.Sigmoid(Data)));
    }

    public Variable Square() => Node(Data * Data, "square", [this], o => Accumulate(o.Grad! * Data * 2.0));

    /// <summary>Sum of every element → shape (1).</summary>
    public Variable Sum() => Node(Tensor<double>.Scalar(Data.Sum()), "sum", [this],
        o => Accumulate(Tensor<double>.Full(o.Grad!.Span[0], Data.ShapeArray)));

    /// <summary>Sum along <paramref name="axis"/>; the gradient is broadcast back over that axis.</summary>
    public Variable Sum(int axis, bool keepDims = false)
    {
        int ax = Shapes.NormalizeAxis(axis, Data.Rank, "Variable.Sum");
        var keptShape = Data.ShapeArray;
        keptShape[ax] = 1;
        return Node(Data.Sum(ax, keepDims), "sum", [this],
            o => Accumulate(Tensor<double>.Zeros(Data.ShapeArray) + o.Grad!.Reshape(keptShape)));
    }

    /// <summary>Mean of every element → shape (1).</summary>
    public Variable Mean() => Sum() / Data.Length;

    public Variable Mean(int axis, bool keepDims = false) => Sum(axis, keepDims) / Data.Dim(axis);

    /// <summary>Softmax along the last axis (max-subtracted); d x = y⊙(dy − Σ dy⊙y).</summary>
    public Variable Softmax()
    {
        var y = LastAxisSoftmax(Data);
        return Node(y, "softmax", [this], o =>
        {
            var dot = (o.Grad! * y).Sum(-1, keepDims: true);
            Accumulate(y * (o.Grad! - dot));
        });
    }

    /// <summary>log-softmax along the last axis, computed stably as x − max − log Σ exp(x − max); dx = dy − softmax·Σ dy.</summary>
    public Variable LogSoftmax()
    {
        var max = Data.Max(-1, keepDims: true);
        var shifted = Data - max;
        var logSum = Ops.Log(Ops.Exp(shifted).Sum(-1, keepDims: true));
        var y = shifted - logSum;
        return Node(y, "log_softmax", [this], o =>
        {
            var p = Ops.Exp(y);
            Accumulate(o.Grad! - p * o.Grad!.Sum(-1, keepDims: true));
        });
    }

    public Variable Reshape(params int[] shape) => Node(Data.Clone().Reshape(shape), "reshape", [this],
        o => Accumulate(o.Grad!.Clone().Reshape(Data.ShapeArray)));

    /// <summary>Elements [start, start + length) along <paramref name="axis"/>; the gradient is scattered back, zero elsewhere.</summary>
    public Variable Slice(int axis, int start, int length)
    {
        int ax = Shapes.NormalizeAxis(axis, Data.Rank, "Variable.Slice");
        return Node(Data.Slice(ax, start, length).Clone(), "slice", [this], o =>
        {
            var g = Tensor<double>.ZerosLike(Data);
            int outer = Shapes.Product(Data.Shape[..ax]), inner = Shapes.Product(Data.Shape[(ax + 1)..]);
            int full = Data.Dim(ax) * inner, block = length * inner;
            for (int i = 0; i < outer; i++)
                o.Grad!.Span.Slice(i * block, block).CopyTo(g.Span.Slice(i * full + start * inner, block));
            Accumulate(g);
        });
    }

    /// <summary>Joins along <paramref name="axis"/>; each input receives its slice of the gradient.</summary>
    public static Variable Concat(int axis, params Variable[] xs)
    {
        var data = Ops.Concat(axis, xs.Select(x => x.Data).ToArray());
        int ax = Shapes.NormalizeAxis(axis, data.Rank, "Variable.Concat");
        return Node(data, "concat", xs, o =>
        {
            var parts = Ops.Split(o.Grad!, ax, xs.Select(x => x.Data.Dim(ax)).ToArray());
            for (int i = 0; i < xs.Length; i++) xs[i].Accumulate(parts[i]);
        });
    }

    /// <summary>
    /// Runs an engine layer as one tape node: Forward now, and on the way back the layer's own Backward (which also
    /// overwrites the layer's parameter gradients). Lets a tape-built loss (VAE, GAN, policy gradient) sit on top of layers.
    /// </summary>
    public static Variable Apply(ILayer<double> layer, Variable x, bool training = true)
        => Node(layer.Forward(x.Data, training), layer.GetType().Name, [x], o => x.Accumulate(layer.Backward(o.Grad!)));

    private static Tensor<double> LastAxisSoftmax(Tensor<double> x)
    {
        int v = x.Dim(-1);
        var y = x.Clone();
        var s = y.Span;
        for (int r = 0; r < y.Length / v; r++)
        {
            var row = s.Slice(r * v, v);
            double max = TensorPrimitives.Max<double>(row);
            TensorPrimitives.Subtract<double>(row, max, row);
            TensorPrimitives.Exp<double>(row, row);
            TensorPrimitives.Divide<double>(row, TensorPrimitives.Sum<double>(row), row);
        }
        return y;
    }
}
