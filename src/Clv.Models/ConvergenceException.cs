using Clv.Models.Estimation;

namespace Clv.Models;

/// <summary>The optimiser did not reach a maximum of the likelihood; carries the optimiser's report.</summary>
public sealed class ConvergenceException : Exception
{
    /// <summary>Creates the exception from the optimiser's report.</summary>
    public ConvergenceException(ConvergenceReport report)
        : base($"maximum-likelihood fit did not converge: {report.Message} (iterations {report.Iterations}, gradient norm {report.GradientNorm:G4})")
    {
        Report = report;
    }

    /// <summary>What the optimiser did and where it stopped.</summary>
    public ConvergenceReport Report { get; }
}
