namespace Course.Day03;

/// <summary>The second-order (Taylor) model of a loss and the methods built on it (lesson §3.9–§3.11).</summary>
/// <remarks>Vectors are [n], Hessians [n, n]. Nothing here mutates its arguments.</remarks>
public static class SecondOrder
{
    /// <summary>m(d) = f + gᵀd + ½ dᵀHd: the quadratic model of f around θ, evaluated at θ + d.</summary>
    public static double TaylorModel(double f0, Tensor g, Tensor h, Tensor d) =>
        throw new NotImplementedException(
            "SecondOrder.TaylorModel: return the number f0 + gᵀd + ½·dᵀHd (g, d: [n]; H: [n, n]) (lesson §3.9).");

    /// <summary>
    /// η* = gᵀg / gᵀHg, the step size that minimises the model along −g: m(−ηg) = f − η gᵀg + ½η² gᵀHg.
    /// Throws <see cref="ArgumentException"/> when gᵀHg ≤ 0 (the model has no minimum along −g).
    /// </summary>
    public static double OptimalStepAlongGradient(Tensor g, Tensor h) =>
        throw new NotImplementedException(
            "SecondOrder.OptimalStepAlongGradient: return gᵀg / gᵀHg (a number); throw ArgumentException if gᵀHg ≤ 0 (lesson §3.9).");

    /// <summary>
    /// Newton's step d = −H⁻¹g, solved with the Cholesky factorisation H = LLᵀ (<see cref="Linalg.Cholesky"/>, then
    /// forward and back substitution with <see cref="Linalg.CholeskySolve"/>); H⁻¹ is never formed.
    /// Throws <see cref="ArgumentException"/> when H is not symmetric positive definite: then −H⁻¹g need not descend.
    /// </summary>
    public static Tensor NewtonStep(Tensor g, Tensor h) =>
        throw new NotImplementedException(
            "SecondOrder.NewtonStep: factor H = LLᵀ with Linalg.Cholesky(h) and solve H·d = −g with Linalg.CholeskySolve(L, −g); return d, shape [n] like g. " +
            "Mind the minus sign and use H⁻¹, not H. Throw when H is not positive definite (lesson §3.10).");

    /// <summary>
    /// Hessian-vector product by central differences of the gradient: Hv ≈ (∇f(θ + rv) − ∇f(θ − rv)) / 2r.
    /// Costs two gradient evaluations and never forms H. Returns a tensor shaped like θ.
    /// </summary>
    public static Tensor HessianVectorProduct(Func<Tensor, Tensor> grad, Tensor theta, Tensor v, double r = 1e-5) =>
        throw new NotImplementedException(
            "SecondOrder.HessianVectorProduct: return (grad(θ + r·v) − grad(θ − r·v)) / (2r), shaped like θ; do not modify θ (lesson §3.11).");

    /// <summary>
    /// Newton's method for L2-regularised logistic regression, starting from w = 0.
    /// Loss L(w) = (1/N) Σ [ln(1 + e^{s_n}) − y_n s_n] + (λ/2)‖w‖² with s = X·w; ∇L = Xᵀ(σ(s) − y)/N + λw;
    /// H = XᵀSX/N + λI with S = diag(σ(s)(1 − σ(s))). x: [N, d] (include a bias column yourself), y: N labels in {0, 1}.
    /// Returns the weights [d] and ‖∇L‖ before the first step and after every step; stops once ‖∇L‖ &lt; 1e-10
    /// or after <paramref name="maxIter"/> steps.
    /// </summary>
    public static (Tensor W, IReadOnlyList<double> GradNorms) NewtonLogistic(Tensor x, int[] y, double lambda, int maxIter) =>
        throw new NotImplementedException(
            "SecondOrder.NewtonLogistic: from w = 0 ([d]) repeat: p = σ(Xw), g = Xᵀ(p − y)/N + λw, record ‖g‖, stop if ‖g‖ < 1e-10 " +
            "or maxIter steps were taken, else H = XᵀSX/N + λI (S = diag(p(1 − p))) and w ← w + NewtonStep(g, H). " +
            "Return (w, the recorded norms) (lesson §3.10).");
}
