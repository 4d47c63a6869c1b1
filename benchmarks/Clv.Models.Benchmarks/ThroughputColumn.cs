using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Clv.Models.Benchmarks;

/// <summary>A benchmark class that can tell, from its parameters alone, how many customers and transactions one operation processes.</summary>
public interface IWorkSize
{
    /// <summary>Customers and transactions behind one operation of <paramref name="method"/> (the benchmark method's name), for the current parameter values.</summary>
    (long Customers, long Transactions) WorkSize(string method);
}

/// <summary>
/// "customers/s" or "transactions/s" of a case: its work size over the median time. The size comes from the benchmark class
/// itself (<see cref="IWorkSize"/>), instantiated in the host with the case's parameters; its data are seeded, so the host
/// computes the same counts the benchmark process saw.
/// </summary>
public sealed class ThroughputColumn(bool transactions) : IColumn
{
    private static readonly ConcurrentDictionary<string, (long Customers, long Transactions)> Sizes = new();

    public string Id => ColumnName;
    public string ColumnName => transactions ? "transactions/s" : "customers/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => transactions ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => transactions ? "Transactions processed per second (median time)" : "Customers processed per second (median time)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || !typeof(IWorkSize).IsAssignableFrom(benchmarkCase.Descriptor.Type)) return "-";
        var size = Sizes.GetOrAdd(benchmarkCase.Descriptor.Type.Name + "." + benchmarkCase.Descriptor.WorkloadMethod.Name + " " + benchmarkCase.Parameters.DisplayInfo, _ => Measure(benchmarkCase));
        double perSecond = (transactions ? size.Transactions : size.Customers) / (statistics.Median * 1e-9);
        return perSecond switch
        {
            >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e9:F2} G"),
            >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:F1} M"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:F0} k"),
        };
    }

    private static (long, long) Measure(BenchmarkCase benchmarkCase)
    {
        var instance = (IWorkSize)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
            benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
        return instance.WorkSize(benchmarkCase.Descriptor.WorkloadMethod.Name);
    }
}
