namespace OrBench.Testing.Classification.Offline;

/// <summary>
/// Weighted binary logistic regression with an L2 penalty (the bias is not penalised), fitted by L-BFGS with a
/// backtracking line search. Single-threaded with a fixed summation order: deterministic.
/// </summary>
internal static class LogisticRegression
{
    private const int Memory = 10;

    /// <summary>
    /// Minimises Σ wᵢ·logloss(yᵢ, θ·xᵢ) / Σ wᵢ + (l2/2)·|θ without bias|² over rows with non-zero weight; returns θ.
    /// </summary>
    public static double[] Fit(IReadOnlyList<SparseRow> rows, bool[] labels, double[] weights, int featureCount, int biasFeature, double l2, int iterations)
    {
        var active = Enumerable.Range(0, rows.Count).Where(i => weights[i] > 0).ToArray();
        var theta = new double[featureCount];
        if (active.Length == 0)
        {
            return theta;
        }

        var total = active.Sum(i => weights[i]);
        var gradient = new double[featureCount];
        var value = Evaluate(theta, gradient);
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        var stored = 0;
        var next = 0;
        var direction = new double[featureCount];
        var candidate = new double[featureCount];
        var candidateGradient = new double[featureCount];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            // Two-loop recursion: direction = -H·g.
            Array.Copy(gradient, direction, featureCount);
            for (var k = 0; k < stored; k++)
            {
                var m = (next - 1 - k + Memory) % Memory;
                alpha[m] = rho[m] * Dot(s[m], direction);
                Axpy(-alpha[m], y[m], direction);
            }

            var gamma = 1.0;
            if (stored > 0)
            {
                var last = (next - 1 + Memory) % Memory;
                gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            }
            else
            {
                gamma = 1.0 / Math.Max(1e-12, Math.Sqrt(Dot(gradient, gradient)));
            }

            for (var j = 0; j < featureCount; j++)
            {
                direction[j] *= gamma;
            }

            for (var k = stored - 1; k >= 0; k--)
            {
                var m = (next - 1 - k + Memory) % Memory;
                var beta = rho[m] * Dot(y[m], direction);
                Axpy(alpha[m] - beta, s[m], direction);
            }

            for (var j = 0; j < featureCount; j++)
            {
                direction[j] = -direction[j];
            }

            var slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                // Not a descent direction: restart from steepest descent.
                stored = 0;
                for (var j = 0; j < featureCount; j++)
                {
                    direction[j] = -gradient[j] / Math.Max(1e-12, Math.Sqrt(Dot(gradient, gradient)));
                }

                slope = Dot(gradient, direction);
            }

            var step = 1.0;
            double candidateValue;
            var tries = 0;
            while (true)
            {
                for (var j = 0; j < featureCount; j++)
                {
                    candidate[j] = theta[j] + (step * direction[j]);
                }

                candidateValue = Evaluate(candidate, candidateGradient);
                if (candidateValue <= value + (1e-4 * step * slope) || ++tries > 30)
                {
                    break;
                }

                step *= 0.5;
            }

            if (tries > 30)
            {
                break;
            }

            s[next] ??= new double[featureCount];
            y[next] ??= new double[featureCount];
            for (var j = 0; j < featureCount; j++)
            {
                s[next][j] = candidate[j] - theta[j];
                y[next][j] = candidateGradient[j] - gradient[j];
            }

            var sy = Dot(s[next], y[next]);
            (theta, candidate) = (candidate, theta);
            (gradient, candidateGradient) = (candidateGradient, gradient);
            var improvement = value - candidateValue;
            value = candidateValue;
            if (sy > 1e-12)
            {
                rho[next] = 1.0 / sy;
                next = (next + 1) % Memory;
                stored = Math.Min(stored + 1, Memory);
            }

            if (improvement < 1e-10 * Math.Max(1, Math.Abs(value)))
            {
                break;
            }
        }

        return theta;

        double Evaluate(double[] point, double[] grad)
        {
            Array.Clear(grad);
            var loss = 0.0;
            foreach (var i in active)
            {
                var row = rows[i];
                var z = 0.0;
                var indices = row.Indices;
                var values = row.Values;
                for (var f = 0; f < indices.Length; f++)
                {
                    z += point[indices[f]] * values[f];
                }

                var w = weights[i] / total;

                // log(1 + e^-z) for positives, log(1 + e^z) for negatives, computed stably.
                var margin = labels[i] ? z : -z;
                loss += w * (margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin)));
                var p = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                var residual = w * (p - (labels[i] ? 1.0 : 0.0));
                for (var f = 0; f < indices.Length; f++)
                {
                    grad[indices[f]] += residual * values[f];
                }
            }

            var penalty = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                if (j != biasFeature)
                {
                    penalty += point[j] * point[j];
                    grad[j] += l2 * point[j];
                }
            }

            return loss + (0.5 * l2 * penalty);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
