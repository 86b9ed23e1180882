using Microsoft.Extensions.Configuration;

namespace OneVisit.Workflows.Tests.Options;

/// <summary>The test host's <c>appsettings.json</c>, every OneVisit option set to something other than its default.</summary>
internal static class AppSettings
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "Options", "appsettings.json");

    /// <param name="overrides">Keys that replace the file's, e.g. <c>("OneVisit:Workflows:SupplementWorkingDays", "0")</c>.</param>
    public static IConfigurationRoot Load(params (string Key, string Value)[] overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(File, optional: false)
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value)))
            .Build();
}
