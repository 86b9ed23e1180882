using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>Registers the SQLite implementation of every storage port on the one <see cref="SqliteDatabase"/>.</summary>
internal static class SqliteStorage
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteCaseStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ICaseStorage>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<IStoreErrorTranslator>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<IProcedureVersionStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
    }
}
