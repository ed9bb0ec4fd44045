using OrBench.Testing.Classification;

namespace OrBench.ClassifierLab;

/// <summary>Agreement and calibration of one classifier on one group of held-out rows.</summary>
internal sealed class Scorecard
{
    private const int Bins = 10;
    private readonly double[] _binConfidence = new double[Bins];
    private readonly int[] _binRight = new int[Bins];
    private readonly int[] _binCount = new int[Bins];

    public int Total { get; private set; }

    public int BinaryAgree { get; private set; }

    public int ThreeClassTotal { get; private set; }

    public int ThreeClassAgree { get; private set; }

    public int ConfidentlyWrong { get; private set; }

    public int MissedRefusals { get; private set; }

    public int FalseRefusals { get; private set; }

    /// <summary>Adds one prediction; <paramref name="confidence"/> is the classifier's confidence in its answered-or-refused side.</summary>
    public void Add(LabeledRow row, VerdictLabel predicted, double confidence)
    {
        Total++;
        var right = row.Refusal == predicted.IsRefusal();
        if (right)
        {
            BinaryAgree++;
        }
        else if (row.Refusal)
        {
            MissedRefusals++;
        }
        else
        {
            FalseRefusals++;
        }

        if (!right && confidence >= 0.9)
        {
            ConfidentlyWrong++;
        }

        if (row.Gold is { } gold)
        {
            ThreeClassTotal++;
            ThreeClassAgree += gold == predicted ? 1 : 0;
        }

        var bin = Math.Clamp((int)(confidence * Bins), 0, Bins - 1);
        _binConfidence[bin] += confidence;
        _binRight[bin] += right ? 1 : 0;
        _binCount[bin]++;
    }

    public double Binary => Ratio(BinaryAgree, Total);

    public double ThreeClass => Ratio(ThreeClassAgree, ThreeClassTotal);

    public double ConfidentlyWrongShare => Ratio(ConfidentlyWrong, Total);

    /// <summary>Expected calibration error over ten equal-width confidence bins of the binary decision.</summary>
    public double Ece
    {
        get
        {
            var sum = 0.0;
            for (var b = 0; b < Bins; b++)
            {
                if (_binCount[b] > 0)
                {
                    sum += Math.Abs((_binConfidence[b] / _binCount[b]) - ((double)_binRight[b] / _binCount[b])) * _binCount[b];
                }
            }

            return Total == 0 ? double.NaN : sum / Total;
        }
    }

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
}
