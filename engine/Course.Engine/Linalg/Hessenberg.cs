namespace Course.Engine;

/// <summary>Eigenvalues of a real matrix: Hessenberg reduction and the shifted QR iteration (after Numerical Recipes, 3rd ed., §11.6–11.7).</summary>
internal static class Hessenberg
{
    /// <summary>Reduces h in place to upper Hessenberg form by stabilised elementary similarity transforms (elmhes); zeroes below the subdiagonal.</summary>
    public static void Reduce(double[,] h, int n)
    {
        for (int m = 1; m < n - 1; m++)
        {
            double x = 0.0;
            int i = m;
            for (int j = m; j < n; j++)
                if (Math.Abs(h[j, m - 1]) > Math.Abs(x)) { x = h[j, m - 1]; i = j; }
            if (i != m)
            {
                for (int j = m - 1; j < n; j++) (h[i, j], h[m, j]) = (h[m, j], h[i, j]);
                for (int j = 0; j < n; j++) (h[j, i], h[j, m]) = (h[j, m], h[j, i]);
            }
            if (x == 0.0) continue;
            for (i = m + 1; i < n; i++)
            {
                double y = h[i, m - 1];
                if (y == 0.0) continue;
                y /= x;
                h[i, m - 1] = 0.0;
                for (int j = m; j < n; j++) h[i, j] -= y * h[m, j];
                for (int j = 0; j < n; j++) h[j, m] += y * h[j, i];
            }
        }
    }

    /// <summary>Francis double-shift QR on an upper Hessenberg matrix (destroyed); returns the eigenvalues.</summary>
    public static (double[] Real, double[] Imaginary) QrEigenvalues(double[,] a, int n)
    {
        var wr = new double[n];
        var wi = new double[n];
        const double eps = 2.220446049250313e-16; // machine epsilon of float64
        double anorm = 0.0;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(i - 1, 0); j < n; j++) anorm += Math.Abs(a[i, j]);

        int nn = n - 1;
        double t = 0.0;
        while (nn >= 0)
        {
            int its = 0, l;
            do
            {
                for (l = nn; l > 0; l--)
                {
                    double s = Math.Abs(a[l - 1, l - 1]) + Math.Abs(a[l, l]);
                    if (s == 0.0) s = anorm;
                    if (Math.Abs(a[l, l - 1]) <= eps * s) { a[l, l - 1] = 0.0; break; }
                }
                double x = a[nn, nn];
                if (l == nn)
                {
                    wr[nn] = x + t; wi[nn] = 0.0; nn--;             // one root found
                }
                else
                {
                    double y = a[nn - 1, nn - 1];
                    double w = a[nn, nn - 1] * a[nn - 1, nn];
                    if (l == nn - 1)
                    {
                        // two roots found: a real pair or a complex-conjugate pair
                        double p = 0.5 * (y - x);
                        double q = p * p + w;
                        double z = Math.Sqrt(Math.Abs(q));
                        x += t;
                        if (q >= 0.0)
                        {
                            z = p + (p >= 0 ? Math.Abs(z) : -Math.Abs(z));
                            wr[nn - 1] = wr[nn] = x + z;
                            if (z != 0.0) wr[nn] = x - w / z;
                            wi[nn - 1] = wi[nn] = 0.0;
                        }
                        else
                        {
                            wr[nn - 1] = wr[nn] = x + p;
                            wi[nn - 1] = -z; wi[nn] = z;
                        }
                        nn -= 2;
                    }
                    else
                    {
                        if (its == 60) throw new InvalidOperationException("Linalg.Eigenvalues: QR iteration did not converge in 60 iterations.");
                        if (its == 10 || its == 20 || its == 40)
                        {
                            // exceptional shift
                            t += x;
                            for (int i = 0; i <= nn; i++) a[i, i] -= x;
                            double s0 = Math.Abs(a[nn, nn - 1]) + Math.Abs(a[nn - 1, nn - 2]);
                            y = x = 0.75 * s0;
                            w = -0.4375 * s0 * s0;
                        }
                        ++its;
                        int m;
                        double pp = 0, qq = 0, rr = 0, z;
                        for (m = nn - 2; m >= l; m--)
                        {
                            z = a[m, m];
                            double r = x - z;
                            double s = y - z;
                            pp = (r * s - w) / a[m + 1, m] + a[m, m + 1];
                            qq = a[m + 1, m + 1] - z - r - s;
                            rr = a[m + 2, m + 1];
                            s = Math.Abs(pp) + Math.Abs(qq) + Math.Abs(rr);
                            pp /= s; qq /= s; rr /= s;
                            if (m == l) break;
                            double u = Math.Abs(a[m, m - 1]) * (Math.Abs(qq) + Math.Abs(rr));
                            double v = Math.Abs(pp) * (Math.Abs(a[m - 1, m - 1]) + Math.Abs(z) + Math.Abs(a[m + 1, m + 1]));
                            if (u <= eps * v) break;
                        }
                        for (int i = m; i < nn - 1; i++)
                        {
                            a[i + 2, i] = 0.0;
                            if (i != m) a[i + 2, i - 1] = 0.0;
                        }
                        for (int k = m; k < nn; k++)
                        {
                            if (k != m)
                            {
                                pp = a[k, k - 1];
                                qq = a[k + 1, k - 1];
                                rr = 0.0;
                                if (k + 1 != nn) rr = a[k + 2, k - 1];
                                if ((x = Math.Abs(pp) + Math.Abs(qq) + Math.Abs(rr)) != 0.0)
                                {
                                    pp /= x; qq /= x; rr /= x;
                                }
                            }
                            double norm = Math.Sqrt(pp * pp + qq * qq + rr * rr);
                            double s = pp >= 0 ? norm : -norm;
                            if (s == 0.0) continue;
                            if (k == m)
                            {
                                if (l != m) a[k, k - 1] = -a[k, k - 1];
                            }
                            else a[k, k - 1] = -s * x;
                            pp += s;
                            x = pp / s;
                            y = qq / s;
                            z = rr / s;
                            qq /= pp;
                            rr /= pp;
                            for (int j = k; j <= nn; j++)
                            {
                                pp = a[k, j] + qq * a[k + 1, j];
                                if (k + 1 != nn)
                                {
                                    pp += rr * a[k + 2, j];
                                    a[k + 2, j] -= pp * z;
                                }
                                a[k + 1, j] -= pp * y;
                                a[k, j] -= pp * x;
                            }
                            int mmin = nn < k + 3 ? nn : k + 3;
                            for (int i = l; i <= mmin; i++)
                            {
                                pp = x * a[i, k] + y * a[i, k + 1];
                                if (k + 1 != nn)
                                {
                                    pp += z * a[i, k + 2];
                                    a[i, k + 2] -= pp * rr;
                                }
                                a[i, k + 1] -= pp * qq;
                                a[i, k] -= pp;
                            }
                        }
                    }
                }
            } while (l + 1 < nn);
        }
        return (wr, wi);
    }
}
