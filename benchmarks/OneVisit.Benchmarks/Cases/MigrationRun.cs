using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.Migration;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// <c>migrate [cases]</c>: what moving open cases to a new procedure version costs, per case, beside reading each case
/// once (the baseline, in the same run). The benchmark procedure's cases are brought under review on version 1 in a
/// SQLite store; a second runtime starts on the store with version 2 (a shorter statutory limit) and plans, then
/// applies, the migration. A one-off mode rather than a BenchmarkDotNet job: a migration changes the store it measures,
/// so each measurement needs a store of its own, made by running cases first.
/// </summary>
internal static class MigrationRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var directory = Directory.CreateTempSubdirectory("onevisit-bench-migrate-").FullName;
        var database = Path.Combine(directory, "cases.db");
        var v2 = Version2(directory);
        try
        {
            var ids = await UnderReviewAsync(database, count).ConfigureAwait(false);
            await using var provider = Build(database, v2);
            await provider.GetRequiredService<CaseRuntime>().StartAsync().ConfigureAwait(false);
            var cases = provider.GetRequiredService<ICaseService>().As(CaseActor.System);
            var migrations = provider.GetRequiredService<ICaseMigrations>().As(CaseActor.System);

            async Task ReadAllAsync()
            {
                foreach (var id in ids)
                {
                    await cases.GetAsync(id).ConfigureAwait(false);
                }
            }

            // The read and the plan run once untimed first (JIT, caches, the page cache); the move can only run once,
            // so its first case carries the JIT's cost, spread over the run.
            await ReadAllAsync().ConfigureAwait(false);
            var read = await TimeAsync(ReadAllAsync).ConfigureAwait(false);
            await migrations.PlanAsync(BenchCatalogue.ProcedureCode, 2).ConfigureAwait(false);
            MigrationPlan? plan = null;
            var planned = await TimeAsync(async () => plan = await migrations.PlanAsync(BenchCatalogue.ProcedureCode, 2).ConfigureAwait(false)).ConfigureAwait(false);
            MigrationPlan? applied = null;
            var moved = await TimeAsync(async () => applied = await migrations.ApplyAsync(BenchCatalogue.ProcedureCode, 2).ConfigureAwait(false)).ConfigureAwait(false);
            await provider.GetRequiredService<CaseRuntime>().StopAsync().ConfigureAwait(false);

            Console.WriteLine($"migrate: {count} cases under review on SQLite, version 1 → 2 (statutory limit 10 → 8 working days)");
            Console.WriteLine($"  planned {plan!.Count(MigrationStatus.WillMove)} to move, moved {applied!.Count(MigrationStatus.Moved)}");
            Console.WriteLine("| step | total | per case | ratio to a read |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            Row("read each case once (GetAsync, baseline)", read, count, read);
            Row("plan (PlanAsync)", planned, count, read);
            Row("apply (ApplyAsync)", moved, count, read);
            return applied.Count(MigrationStatus.Moved) == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Row(string step, TimeSpan total, int count, TimeSpan baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {total.TotalMilliseconds:0} ms | {total.TotalMilliseconds * 1000 / count:0} µs | {total / baseline:0.00} |"));

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Runs <paramref name="count"/> benchmark cases up to review on version 1, then stops that runtime.</summary>
    private static async Task<List<string>> UnderReviewAsync(string database, int count)
    {
        await using var provider = Build(database, BenchCatalogue.Directory);
        await provider.GetRequiredService<CaseRuntime>().StartAsync().ConfigureAwait(false);
        var cases = provider.GetRequiredService<ICaseService>();
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var key = "migrate-" + i.ToString(CultureInfo.InvariantCulture);
            ids.Add((await cases.As(BenchCatalogue.Applicant(key)).SubmitAsync(BenchCatalogue.Submission(key)).ConfigureAwait(false)).CaseId);
        }

        foreach (var id in ids)
        {
            await cases.As(CaseActor.System).WaitUntilAsync(id, s => s.Stage == CaseStage.UnderReview, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        }

        await provider.GetRequiredService<CaseRuntime>().StopAsync().ConfigureAwait(false);
        return ids;
    }

    /// <summary>A copy of the benchmark catalogue with version 2 of its procedure: in force since 2021, two working days shorter.</summary>
    private static string Version2(string directory)
    {
        var target = Path.Combine(directory, "catalog-v2");
        foreach (var file in Directory.EnumerateFiles(BenchCatalogue.Directory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(BenchCatalogue.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var procedure = Path.Combine(target, "procedures", "bench-0001-two-evidence-permit.yaml");
        var text = File.ReadAllText(procedure).ReplaceLineEndings("\n");
        var changed = text.Replace("version: 1\neffective_from: 2020-01-01", "version: 2\neffective_from: 2021-01-01", StringComparison.Ordinal)
            .Replace("statutory: {working_days: 10,", "statutory: {working_days: 8,", StringComparison.Ordinal);
        if (changed == text)
        {
            throw new InvalidOperationException("The benchmark procedure's version or limit moved; update MigrationRun.Version2.");
        }

        File.WriteAllText(procedure, changed);
        return target;
    }

    private static ServiceProvider Build(string database, string catalogue)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOneVisit().AddCatalog(catalogue).AddWorkflows(w => w.UseSqlite($"Data Source={database}").UseSimulatedDepartments());
        return services.BuildServiceProvider();
    }
}
