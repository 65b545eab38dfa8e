namespace Course.Technical.Tests;

/// <summary>Independent scalar re-derivations of the optimiser updates, one element at a time, for the pinned paths.</summary>
internal static class Reference
{
    public static double[] AdamWPath(double theta, double[] grads, double lr, double wd, bool l2Instead = false)
    {
        double m = 0, v = 0;
        var path = new double[grads.Length];
        for (int t = 1; t <= grads.Length; t++)
        {
            var g = grads[t - 1] + (l2Instead ? wd * theta : 0);
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            var step = (m / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(v / (1 - Math.Pow(0.999, t))) + 1e-8);
            theta -= lr * (step + (l2Instead ? 0 : wd * theta));
            path[t - 1] = theta;
        }
        return path;
    }

    public static double[] RmsPropMomentumPath(double theta, double[] grads, double lr, double rho, double mu)
    {
        double v = 0, b = 0;
        var path = new double[grads.Length];
        for (int t = 0; t < grads.Length; t++)
        {
            v = rho * v + (1 - rho) * grads[t] * grads[t];
            b = mu * b + grads[t] / (Math.Sqrt(v) + 1e-8);
            theta -= lr * b;
            path[t] = theta;
        }
        return path;
    }

    public static double[] AmsGradPath(double theta, double[] grads, double lr, bool keepMax = true, double beta1 = 0.9, double beta2 = 0.999)
    {
        double m = 0, v = 0, vMax = 0;
        var path = new double[grads.Length];
        for (int t = 1; t <= grads.Length; t++)
        {
            var g = grads[t - 1];
            m = beta1 * m + (1 - beta1) * g;
            v = beta2 * v + (1 - beta2) * g * g;
            vMax = keepMax ? Math.Max(vMax, v) : v;
            theta -= lr * (m / (1 - Math.Pow(beta1, t))) / (Math.Sqrt(vMax / (1 - Math.Pow(beta2, t))) + 1e-8);
            path[t - 1] = theta;
        }
        return path;
    }
}
