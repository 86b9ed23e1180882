namespace OneVisit.Workflows.Evidence;

/// <summary>Finds the provider for a department: its own, else the one registered for all departments.</summary>
internal sealed class EvidenceProviders(IEnumerable<EvidenceProviderRegistration> registrations, IServiceProvider services)
{
    public const string AnyDepartment = "*";

    private readonly Dictionary<string, EvidenceProviderRegistration> _byDepartment =
        registrations.GroupBy(r => r.DepartmentId).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public bool IsEmpty => _byDepartment.Count == 0;

    public IEvidenceProvider For(string departmentId)
    {
        var registration = _byDepartment.GetValueOrDefault(departmentId) ?? _byDepartment.GetValueOrDefault(AnyDepartment)
            ?? throw new InvalidOperationException(
                $"No evidence provider serves department '{departmentId}'. Register one with AddWorkflows(w => w.AddEvidenceProvider(\"{departmentId}\", ...)) or one for all departments (for a trial, w.UseSimulatedDepartments()).");
        return registration.Resolve(services);
    }
}

/// <summary>A provider registered for a department (or <c>*</c>).</summary>
internal sealed record EvidenceProviderRegistration(string DepartmentId, Func<IServiceProvider, IEvidenceProvider> Resolve);
