namespace Course.Engine;

/// <summary>Small dense linear algebra in float64 (Day 3 onwards): solving, Cholesky, spectral radius.</summary>
/// <remarks>Meant for matrices up to a few hundred rows (Hessians of small models, recurrent weight matrices);
/// O(n³) textbook algorithms, written for clarity. Inputs are never modified.</remarks>
public static class Linalg
{
    /// <summary>
    /// Solves A·X = B by LU decomposition with partial pivoting. A: [n, n]; B: [n] or [n, k] → X of B's shape.
    /// Throws <see cref="ArgumentException"/> when A is singular (a zero pivot after row exchanges).
    /// </summary>
    public static Tensor<double> Solve(Tensor<double> a, Tensor<double> b)
    {
        int n = RequireSquare(a, "Solve");
        if (b.Rank is not (1 or 2) || b.Dim(0) != n)
            throw new ArgumentException($"Linalg.Solve: B must have shape ({n}) or ({n}, k) for A {a.ShapeString}, got {b.ShapeString}.", nameof(b));
        int k = b.Rank == 1 ? 1 : b.Dim(1);
        var lu = a.ToArray();
        var x = b.Clone();
        var xs = x.Span;

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(lu[r * n + col]) > Math.Abs(lu[pivot * n + col])) pivot = r;
            if (lu[pivot * n + col] == 0.0)
                throw new ArgumentException($"Linalg.Solve: A {a.ShapeString} is singular (no non-zero pivot in column {col}).", nameof(a));
            if (pivot != col)
            {
                for (int j = 0; j < n; j++) (lu[col * n + j], lu[pivot * n + j]) = (lu[pivot * n + j], lu[col * n + j]);
                for (int j = 0; j < k; j++) (xs[col * k + j], xs[pivot * k + j]) = (xs[pivot * k + j], xs[col * k + j]);
            }
            double d = lu[col * n + col];
            for (int r = col + 1; r < n; r++)
            {
                double f = lu[r * n + col] / d;
                if (f == 0.0) continue;
                for (int j = col; j < n; j++) lu[r * n + j] -= f * lu[col * n + j];
                for (int j = 0; j < k; j++) xs[r * k + j] -= f * xs[col * k + j];
            }
        }
        // Back substitution on the upper triangle.
        for (int r = n - 1; r >= 0; r--)
            for (int j = 0; j < k; j++)
            {
                double s = xs[r * k + j];
                for (int c = r + 1; c < n; c++) s -= lu[r * n + c] * xs[c * k + j];
                xs[r * k + j] = s / lu[r * n + r];
            }
        return x;
    }

    /// <summary>
    /// Lower-triangular L with A = L·Lᵀ. A: [n, n], symmetric positive definite. Throws <see cref="ArgumentException"/>
    /// naming the row when A is not symmetric or not positive definite.
    /// </summary>
    public static Tensor<double> Cholesky(Tensor<double> a)
    {
        int n = RequireSquare(a, "Cholesky");
        var s = a.Span;
        double scale = 0;
        foreach (var v in s) scale = Math.Max(scale, Math.Abs(v));
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (Math.Abs(s[i * n + j] - s[j * n + i]) > 1e-12 * Math.Max(1.0, scale))
                    throw new ArgumentException($"Linalg.Cholesky: A is not symmetric (A[{i}, {j}] = {s[i * n + j]} but A[{j}, {i}] = {s[j * n + i]}).", nameof(a));

        var l = Tensor<double>.Zeros(n, n);
        var ls = l.Span;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = s[i * n + j];
                for (int p = 0; p < j; p++) sum -= ls[i * n + p] * ls[j * n + p];
                if (i == j)
                {
                    if (!(sum > 0))
                        throw new ArgumentException($"Linalg.Cholesky: A is not positive definite (pivot {sum:G6} ≤ 0 at row {i}).", nameof(a));
                    ls[i * n + i] = Math.Sqrt(sum);
                }
                else ls[i * n + j] = sum / ls[j * n + j];
            }
        }
        return l;
    }

    /// <summary>Solves A·x = b given A's Cholesky factor L (from <see cref="Cholesky"/>): forward then back substitution. b: [n] or [n, k].</summary>
    public static Tensor<double> CholeskySolve(Tensor<double> l, Tensor<double> b)
    {
        int n = RequireSquare(l, "CholeskySolve");
        if (b.Rank is not (1 or 2) || b.Dim(0) != n)
            throw new ArgumentException($"Linalg.CholeskySolve: b must have shape ({n}) or ({n}, k), got {b.ShapeString}.", nameof(b));
        int k = b.Rank == 1 ? 1 : b.Dim(1);
        var ls = l.Span;
        var x = b.Clone();
        var xs = x.Span;
        for (int j = 0; j < k; j++)
        {
            for (int r = 0; r < n; r++)          // L·y = b
            {
                double s = xs[r * k + j];
                for (int c = 0; c < r; c++) s -= ls[r * n + c] * xs[c * k + j];
                xs[r * k + j] = s / ls[r * n + r];
            }
            for (int r = n - 1; r >= 0; r--)     // Lᵀ·x = y
            {
                double s = xs[r * k + j];
                for (int c = r + 1; c < n; c++) s -= ls[c * n + r] * xs[c * k + j];
                xs[r * k + j] = s / ls[r * n + r];
            }
        }
        return x;
    }

    /// <summary>
    /// max |λ| over the (possibly complex) eigenvalues of a real square matrix: reduction to upper Hessenberg form,
    /// then Francis double-shift QR iterations (the EISPACK/Numerical Recipes <c>hqr</c> algorithm). A: [n, n].
    /// </summary>
    public static double SpectralRadius(Tensor<double> a)
    {
        var (re, im) = Eigenvalues(a);
        double r = 0;
        for (int i = 0; i < re.Length; i++) r = Math.Max(r, Math.Sqrt(re[i] * re[i] + im[i] * im[i]));
        return r;
    }

    /// <summary>All eigenvalues of a real square matrix as (real parts, imaginary parts), in no particular order.</summary>
    public static (double[] Real, double[] Imaginary) Eigenvalues(Tensor<double> a)
    {
        int n = RequireSquare(a, "Eigenvalues");
        foreach (var v in a.Span)
            if (!double.IsFinite(v)) throw new ArgumentException($"Linalg.Eigenvalues: A {a.ShapeString} contains {v}.", nameof(a));
        var h = new double[n, n];
        var s = a.Span;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[i, j] = s[i * n + j];
        Hessenberg.Reduce(h, n);
        return Hessenberg.QrEigenvalues(h, n);
    }

    private static int RequireSquare(Tensor<double> a, string operation)
    {
        if (a.Rank != 2 || a.Dim(0) != a.Dim(1))
            throw new ArgumentException($"Linalg.{operation}: expects a square matrix (n, n), got {a.ShapeString}.", nameof(a));
        return a.Dim(0);
    }
}
