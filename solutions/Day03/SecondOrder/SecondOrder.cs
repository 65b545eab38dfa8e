namespace Course.Day03;

/// <summary>The second-order (Taylor) model of a loss and the methods built on it (lesson §3.9–§3.11).</summary>
/// <remarks>Vectors are [n], Hessians [n, n]. Nothing here mutates its arguments.</remarks>
public static class SecondOrder
{
    /// <summary>m(d) = f + gᵀd + ½ dᵀHd: the quadratic model of f around θ, evaluated at θ + d.</summary>
    public static double TaylorModel(double f0, Tensor g, Tensor h, Tensor d)
    {
        int n = RequireVector("SecondOrder.TaylorModel", g, "g");
        RequireSquare("SecondOrder.TaylorModel", h, n);
        if (d.Rank != 1 || d.Length != n)
            throw new ArgumentException($"SecondOrder.TaylorModel: d must be [{n}] like g, got {d.ShapeString}.");

        return f0 + Dot(g, d) + 0.5 * Dot(d, MatVec(h, d));
    }

    /// <summary>
    /// η* = gᵀg / gᵀHg, the step size that minimises the model along −g: m(−ηg) = f − η gᵀg + ½η² gᵀHg.
    /// Throws <see cref="ArgumentException"/> when gᵀHg ≤ 0 (the model has no minimum along −g).
    /// </summary>
    public static double OptimalStepAlongGradient(Tensor g, Tensor h)
    {
        int n = RequireVector("SecondOrder.OptimalStepAlongGradient", g, "g");
        RequireSquare("SecondOrder.OptimalStepAlongGradient", h, n);

        double curvature = Dot(g, MatVec(h, g));
        if (!(curvature > 0))
            throw new ArgumentException($"SecondOrder.OptimalStepAlongGradient: gᵀHg = {curvature} ≤ 0, so the quadratic model has no minimum along −g.");
        return Dot(g, g) / curvature;
    }

    /// <summary>
    /// Newton's step d = −H⁻¹g, solved with the Cholesky factorisation H = LLᵀ (<see cref="Linalg.Cholesky"/>, then
    /// forward and back substitution with <see cref="Linalg.CholeskySolve"/>); H⁻¹ is never formed.
    /// Throws <see cref="ArgumentException"/> when H is not symmetric positive definite: then −H⁻¹g need not descend.
    /// </summary>
    public static Tensor NewtonStep(Tensor g, Tensor h)
    {
        int n = RequireVector("SecondOrder.NewtonStep", g, "g");
        RequireSquare("SecondOrder.NewtonStep", h, n);

        Tensor l;
        try
        {
            l = Linalg.Cholesky(h);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"SecondOrder.NewtonStep: H must be symmetric positive definite, otherwise −H⁻¹g need not descend ({e.Message})", nameof(h), e);
        }
        return Linalg.CholeskySolve(l, -g);
    }

    /// <summary>
    /// Hessian-vector product by central differences of the gradient: Hv ≈ (∇f(θ + rv) − ∇f(θ − rv)) / 2r.
    /// Costs two gradient evaluations and never forms H. Returns a tensor shaped like θ.
    /// </summary>
    public static Tensor HessianVectorProduct(Func<Tensor, Tensor> grad, Tensor theta, Tensor v, double r = 1e-5)
    {
        if (!theta.SameShape(v))
            throw new ArgumentException($"SecondOrder.HessianVectorProduct: v must have θ's shape {theta.ShapeString}, got {v.ShapeString}.");

        var plus = grad(theta + v * r);
        var minus = grad(theta - v * r);
        return (plus - minus) / (2 * r);
    }

    /// <summary>
    /// Newton's method for L2-regularised logistic regression, starting from w = 0.
    /// Loss L(w) = (1/N) Σ [ln(1 + e^{s_n}) − y_n s_n] + (λ/2)‖w‖² with s = X·w; ∇L = Xᵀ(σ(s) − y)/N + λw;
    /// H = XᵀSX/N + λI with S = diag(σ(s)(1 − σ(s))). x: [N, d] (include a bias column yourself), y: N labels in {0, 1}.
    /// Returns the weights [d] and ‖∇L‖ before the first step and after every step; stops once ‖∇L‖ &lt; 1e-10
    /// or after <paramref name="maxIter"/> steps.
    /// </summary>
    public static (Tensor W, IReadOnlyList<double> GradNorms) NewtonLogistic(Tensor x, int[] y, double lambda, int maxIter)
    {
        const double tolerance = 1e-10;
        if (x.Rank != 2 || x.Dim(0) != y.Length)
            throw new ArgumentException($"SecondOrder.NewtonLogistic: x must be [N, d] with N = {y.Length} labels, got {x.ShapeString}.");
        if (y.Any(label => label is not (0 or 1)))
            throw new ArgumentException("SecondOrder.NewtonLogistic: labels must be 0 or 1.");

        int n = x.Dim(0), dims = x.Dim(1);
        var target = Tensor.From(y.Select(label => (double)label).ToArray(), n);
        var w = Tensor.Zeros(dims);
        var norms = new List<double>();
        for (int iter = 0; ; iter++)
        {
            var p = Ops.Sigmoid(Ops.MatMul(x, w.Reshape(dims, 1)).Reshape(n));                  // σ(Xw), [N]
            var g = Ops.MatMul((p - target).Reshape(1, n), x).Reshape(dims) / n + w * lambda;   // [d]
            double norm = Math.Sqrt(Dot(g, g));
            norms.Add(norm);
            if (norm < tolerance || iter == maxIter) break;

            var s = p * (1.0 - p);                                                              // σ(1 − σ), [N]
            var h = Ops.MatMul(x * s.Reshape(n, 1), x, transA: true) / n;                       // XᵀSX/N, [d, d]
            for (int i = 0; i < dims; i++) h[i, i] += lambda;
            w = w + NewtonStep(g, h);
        }
        return (w, norms);
    }

    private static double Dot(Tensor a, Tensor b)
    {
        double s = 0;
        ReadOnlySpan<double> x = a.Span, y = b.Span;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    private static Tensor MatVec(Tensor h, Tensor v) => Ops.MatMul(h, v.Reshape(v.Length, 1)).Reshape(v.Length);

    private static int RequireVector(string operation, Tensor g, string name)
    {
        if (g.Rank != 1) throw new ArgumentException($"{operation}: {name} must be a vector [n], got {g.ShapeString}.");
        return g.Length;
    }

    private static void RequireSquare(string operation, Tensor h, int n)
    {
        if (h.Rank != 2 || h.Dim(0) != n || h.Dim(1) != n)
            throw new ArgumentException($"{operation}: H must be [{n}, {n}] to match g, got {h.ShapeString}.");
    }
}
