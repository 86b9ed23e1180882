using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneVisit.Rules.Hosting.Internal;

/// <summary>
/// Runs an options validator and names each failing setting by the configuration path it was bound from
/// (<c>OneVisit:Workflows:SupplementWorkingDays</c>) instead of its C# name (<c>CaseOptions.SupplementWorkingDays</c>):
/// the operator who must fix it edits appsettings.json, not code.
/// </summary>
/// <remarks>OneVisit.Workflows compiles this same file for its own options.</remarks>
internal sealed partial class ConfigurationPathValidator<TOptions>(IValidateOptions<TOptions> inner, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly Regex _member = new($@"\b{typeof(TOptions).Name}((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", RegexOptions.CultureInvariant);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures?.Select(Rename) ?? [])
            : result;
    }

    private string Rename(string failure) =>
        _member.Replace(failure, m => sectionPath + m.Groups[1].Value.Replace('.', ':'));

    /// <summary>
    /// Registers <typeparamref name="TValidator"/> for <typeparamref name="TOptions"/>, checked at start, unless it (or
    /// its path-naming replacement) is registered already: calling the entry point twice never doubles a message.
    /// </summary>
    public static void AddOnce<TValidator>(IServiceCollection services)
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>)
            && (d.ImplementationType == typeof(TValidator) || d.ImplementationInstance is ConfigurationPathValidator<TOptions>)))
        {
            services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        }
    }

    /// <summary>
    /// Replaces the registered <typeparamref name="TValidator"/> of <typeparamref name="TOptions"/> with one that names
    /// failures by <paramref name="section"/>'s path. Call it after the options are bound from that section.
    /// </summary>
    public static void Use<TValidator>(IServiceCollection services, string section)
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        var registered = services.Where(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationType == typeof(TValidator)).ToList();
        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationPathValidator<TOptions>(new TValidator(), section));
    }
}
