using OrBench.Testing.Classification;

namespace OrBench.ClassifierLab;

/// <summary>Agreement of predictions with gold labels: binary (answered vs any refusal) and three-class.</summary>
internal sealed class Agreement
{
    public int Total { get; private set; }

    public int BinaryAgree { get; private set; }

    public int ClassAgree { get; private set; }

    /// <summary>Gold refusals predicted as answers.</summary>
    public int MissedRefusals { get; private set; }

    /// <summary>Gold answers predicted as refusals.</summary>
    public int FalseRefusals { get; private set; }

    public void Add(VerdictLabel gold, VerdictLabel predicted)
    {
        Total++;
        if (gold.IsRefusal() == predicted.IsRefusal())
        {
            BinaryAgree++;
        }
        else if (gold.IsRefusal())
        {
            MissedRefusals++;
        }
        else
        {
            FalseRefusals++;
        }

        if (gold == predicted)
        {
            ClassAgree++;
        }
    }

    public double Binary => Total == 0 ? double.NaN : (double)BinaryAgree / Total;

    public double ThreeClass => Total == 0 ? double.NaN : (double)ClassAgree / Total;

    public static Dictionary<string, Agreement> Score(IEnumerable<(XsTestResponse Row, VerdictLabel Predicted)> predictions)
    {
        var byModel = new Dictionary<string, Agreement>(StringComparer.Ordinal);
        foreach (var model in XsTestData.Models.Append("pooled"))
        {
            byModel[model] = new Agreement();
        }

        foreach (var (row, predicted) in predictions)
        {
            byModel[row.Model].Add(row.Gold, predicted);
            byModel["pooled"].Add(row.Gold, predicted);
        }

        return byModel;
    }
}
