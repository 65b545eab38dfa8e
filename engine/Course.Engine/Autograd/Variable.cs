namespace Course.Engine.Autograd;

/// <summary>
/// A node of a reverse-mode autodiff tape over float64 tensors (micrograd, with tensors): the value <see cref="Data"/>,
/// the gradient <see cref="Grad"/> of the final scalar with respect to it, and how to push that gradient to its inputs.
/// </summary>
/// <remarks>
/// Every operation (see Variable.Arithmetic.cs and Variable.Functions.cs) returns a new node that remembers its parents and a
/// closure computing their gradient contributions. <see cref="Backward()"/> sorts the graph topologically and runs those
/// closures from the output back to the leaves. Leaf gradients accumulate across Backward calls (as in PyTorch; call
/// <see cref="ZeroGrad"/>); intermediate gradients are recomputed by every Backward.
/// </remarks>
public sealed partial class Variable
{
    private readonly Variable[] _parents;
    private readonly Action<Variable>? _backward;

    /// <summary>A leaf holding <paramref name="data"/> (not copied: a leaf made from a parameter shares its storage).</summary>
    public Variable(Tensor<double> data, string? name = null)
    {
        Data = data;
        Name = name ?? "leaf";
        _parents = [];
    }

    private Variable(Tensor<double> data, string op, Variable[] parents, Action<Variable> backward)
    {
        Data = data;
        Name = op;
        _parents = parents;
        _backward = backward;
    }

    /// <summary>The value computed in the forward pass.</summary>
    public Tensor<double> Data { get; }

    /// <summary>d(output)/d(this), same shape as <see cref="Data"/>; null until a Backward reaches this node.</summary>
    public Tensor<double>? Grad { get; private set; }

    /// <summary>The operation that produced this node ("leaf" for inputs), for printing graphs.</summary>
    public string Name { get; }

    public bool IsLeaf => _parents.Length == 0;
    public IReadOnlyList<Variable> Parents => _parents;
    public ReadOnlySpan<int> Shape => Data.Shape;

    /// <summary>A leaf that shares the parameter's value tensor, so tape gradients line up with layer gradients.</summary>
    public static Variable Of(Parameter<double> p) => new(p.Value, p.Name);

    /// <summary>A scalar constant.</summary>
    public static Variable Constant(double value) => new(Tensor<double>.Scalar(value), "const");

    /// <summary>Backpropagates from a one-element output (seed 1).</summary>
    public void Backward()
    {
        if (Data.Length != 1)
            throw new InvalidOperationException($"Variable.Backward: the output has shape {Data.ShapeString}; pass a seed gradient or reduce it to a scalar first.");
        Backward(Tensor<double>.Ones(Data.ShapeArray));
    }

    /// <summary>Backpropagates the seed gradient <paramref name="dOut"/> (shape of <see cref="Data"/>).</summary>
    public void Backward(Tensor<double> dOut)
    {
        if (!dOut.SameShape(Data))
            throw new ArgumentException($"Variable.Backward: seed has shape {dOut.ShapeString}, the output {Data.ShapeString}.");
        var order = TopologicalOrder();
        foreach (var node in order) if (!node.IsLeaf) node.Grad = null;
        Accumulate(dOut);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node._backward is not null && node.Grad is not null) node._backward(node);
        }
    }

    /// <summary>Clears the gradient of this node (use on leaves between Backward calls).</summary>
    public void ZeroGrad() => Grad = null;

    public override string ToString() => $"Variable({Name}, {Data.ShapeString})";

    internal static Variable Node(Tensor<double> data, string op, Variable[] parents, Action<Variable> backward) => new(data, op, parents, backward);

    /// <summary>Adds <paramref name="g"/> (already reduced to this node's shape) into <see cref="Grad"/>.</summary>
    internal void Accumulate(Tensor<double> g)
    {
        if (!g.SameShape(Data))
            throw new InvalidOperationException($"Variable: gradient of shape {g.ShapeString} does not match {Name} {Data.ShapeString}.");
        if (Grad is null) Grad = g.Clone();
        else Grad.AddInPlace(g);
    }

    /// <summary>Parents before children (iterative DFS, so deep unrolled graphs cannot overflow the stack).</summary>
    private List<Variable> TopologicalOrder()
    {
        var order = new List<Variable>();
        var visited = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Variable Node, int Next)>();
        stack.Push((this, 0));
        visited.Add(this);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = node._parents[next];
                if (visited.Add(parent)) stack.Push((parent, 0));
            }
            else order.Add(node);
        }
        return order;
    }
}
