using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace OneVisit.Architecture.Tests;

/// <summary>
/// The walls of docs/architecture.md, checked on the compiled assemblies: a change that leans on the wrong room
/// fails the build's tests instead of waiting for a reviewer to notice.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Rules = typeof(OneVisit.Rules.Catalog.ProcedureCatalog).Assembly;
    private static readonly Assembly Workflows = typeof(OneVisit.Workflows.Cases.ICaseService).Assembly;
    private static readonly Assembly Cli = Assembly.Load("onevisit");
    private static readonly Assembly PostgreSql = Assembly.Load("OneVisit.Workflows.PostgreSql");
    private static readonly Assembly Web = Assembly.Load("OneVisit.Web");

    [Fact]
    public void Rules_References_NeverTheWorkflowsPackage()
    {
        var references = Rules.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("OneVisit.Workflows", references);
        Assert.DoesNotContain("WorkflowCore", references);
    }

    [Fact]
    public void Expressions_Dependencies_NeitherNRulesNorYaml() =>
        Holds(
            "the condition language is plain expression trees: no rule engine, no YAML reader",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Expressions")
                .ShouldNot().HaveDependencyOnAny("NRules", "YamlDotNet"));

    [Fact]
    public void Catalog_Dependencies_OnlyTheModelItself() =>
        Holds(
            "the catalogue model knows nothing of how it is read (YAML, Authoring) or used (Precheck, Guides, Testing, Export)",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Catalog")
                .ShouldNot().HaveDependencyOnAny(
                    "YamlDotNet", "OneVisit.Rules.Authoring", "OneVisit.Rules.Precheck", "OneVisit.Rules.Guides", "OneVisit.Rules.Testing", "OneVisit.Rules.Export"));

    [Fact]
    public void GuidesAndPrecheck_Internals_NotSharedWithEachOther()
    {
        Holds(
            "the guide reads the catalogue, not the precheck's pipeline",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Guides")
                .ShouldNot().HaveDependencyOn("OneVisit.Rules.Precheck.Internal"));
        Holds(
            "the precheck does not borrow the guide's phrasing",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Precheck")
                .ShouldNot().HaveDependencyOn("OneVisit.Rules.Guides.Internal"));
    }

    [Fact]
    public void Export_Dependencies_OnlyPublicShapes() =>
        Holds(
            "the CPSV-AP export publishes what the catalogue and the public visit counts say: never a pipeline's internals, the guide's wording, the YAML reader or the rule engine",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Export")
                .ShouldNot().HaveDependencyOnAny(
                    "OneVisit.Rules.Precheck.Internal", "OneVisit.Rules.WhatIf.Internal", "OneVisit.Rules.Guides", "OneVisit.Rules.Authoring", "NRules", "YamlDotNet"));

    [Fact]
    public void Workflows_WorkflowCore_OnlyInsideEngine() =>
        Holds(
            "WorkflowCore is an implementation detail of Engine/; cases, deadlines, evidence and hosting speak OneVisit's own interfaces",
            Types.InAssembly(Workflows).That().DoNotResideInNamespace("OneVisit.Workflows.Engine")
                .ShouldNot().HaveDependencyOn("WorkflowCore"));

    [Fact]
    public void Workflows_Sqlite_OnlyInsidePersistence() =>
        Holds(
            "SQLite is one storage behind the Storage/ port; only Persistence/ (and the engine's store adapter in Engine/Persistence/) may touch it",
            Types.InAssembly(Workflows).That()
                .DoNotResideInNamespace("OneVisit.Workflows.Persistence")
                .And().DoNotResideInNamespace("OneVisit.Workflows.Engine.Persistence")
                .ShouldNot().HaveDependencyOn("Microsoft.Data.Sqlite"));

    [Fact]
    public void Storage_Port_NamesNoImplementation() =>
        Holds(
            "the storage port is what a second database implements: it may not lean on SQLite, the engine or an implementation",
            Types.InAssembly(Workflows).That().ResideInNamespace("OneVisit.Workflows.Storage")
                .ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite", "WorkflowCore", "OneVisit.Workflows.Persistence", "OneVisit.Workflows.Engine"));

    [Fact]
    public void Workflows_References_NeverNpgsql() =>
        Assert.DoesNotContain("Npgsql", Workflows.GetReferencedAssemblies().Select(a => a.Name));

    [Fact]
    public void PostgreSqlStore_Dependencies_ThePortAndNpgsqlOnly() =>
        Holds(
            "the PostgreSQL store is a second implementation of the Storage/ port: outside its Engine/ room (WorkflowCore's store, locks and queues) and its Hosting/ room (the registration, which wires every room) it never leans on SQLite's implementation, the engine or WorkflowCore",
            Types.InAssembly(PostgreSql).That().ResideInNamespace("OneVisit.Workflows.PostgreSql")
                .And().DoNotResideInNamespace("OneVisit.Workflows.PostgreSql.Engine")
                .And().DoNotResideInNamespace("OneVisit.Workflows.PostgreSql.Hosting")
                .ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite", "WorkflowCore", "OneVisit.Workflows.Persistence", "OneVisit.Workflows.Engine"));

    [Fact]
    public void PostgreSqlEngine_Dependencies_WorkflowCoreButNeverSqlite() =>
        Holds(
            "WorkflowCore's store on PostgreSQL (the package's Engine/ room) may use WorkflowCore and the engine's serialization helpers, never SQLite or its implementation",
            Types.InAssembly(PostgreSql).That().ResideInNamespace("OneVisit.Workflows.PostgreSql.Engine")
                .ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite", "OneVisit.Workflows.Persistence"));

    [Fact]
    public void PostgreSqlEngine_IsWhereTheStoreMeetsWorkflowCore() =>
        Assert.Contains(
            Types.InAssembly(PostgreSql).That().ResideInNamespace("OneVisit.Workflows.PostgreSql.Engine").GetTypes(),
            t => t.GetInterfaces().Any(i => i.FullName == "WorkflowCore.Interface.IPersistenceProvider"));

    [Fact]
    public void Persistence_Dependencies_NeverTheEngine() =>
        Holds(
            "storage serves the engine, not the other way round",
            Types.InAssembly(Workflows).That().ResideInNamespace("OneVisit.Workflows.Persistence")
                .ShouldNot().HaveDependencyOnAny("WorkflowCore", "OneVisit.Workflows.Engine"));

    [Fact]
    public void Cases_Dependencies_PortsNotImplementations() =>
        Holds(
            "a case's process reaches storage and the engine through their interfaces only",
            Types.InAssembly(Workflows).That().ResideInNamespace("OneVisit.Workflows.Cases")
                .ShouldNot().HaveDependencyOnAny("OneVisit.Workflows.Engine", "OneVisit.Workflows.Persistence", "Microsoft.Data.Sqlite", "WorkflowCore"));

    [Fact]
    public void Features_Dependencies_PortsNotImplementations()
    {
        foreach (var feature in new[] { "Actors", "Bundles", "Evidence", "Deadlines", "Audit", "Visits", "Commitments", "History", "Migration", "Simulation" })
        {
            Holds(
                $"{feature}/ works through the storage port and ICaseEngine, like Cases/",
                Types.InAssembly(Workflows).That().ResideInNamespace("OneVisit.Workflows." + feature)
                    .ShouldNot().HaveDependencyOnAny("OneVisit.Workflows.Engine", "OneVisit.Workflows.Persistence", "Microsoft.Data.Sqlite", "WorkflowCore"));
        }
    }

    [Fact]
    public void Json_Dependencies_OnlyPublicShapes()
    {
        Holds(
            "the JSON writers write the answers integrators get, never a pipeline's internals, the YAML reader or the rule engine",
            Types.InAssembly(Rules).That().ResideInNamespace("OneVisit.Rules.Json")
                .ShouldNot().HaveDependencyOnAny("OneVisit.Rules.Precheck.Internal", "OneVisit.Rules.Authoring", "NRules", "YamlDotNet"));
        Holds(
            "the case JSON writes the snapshots and ledgers the services return, never the process, the storage port or the engine",
            Types.InAssembly(Workflows).That().ResideInNamespace("OneVisit.Workflows.Json")
                .ShouldNot().HaveDependencyOnAny(
                    "OneVisit.Workflows.Cases.Internal", "OneVisit.Workflows.Bundles.Internal", "OneVisit.Workflows.Storage",
                    "OneVisit.Workflows.Engine", "OneVisit.Workflows.Persistence", "Microsoft.Data.Sqlite", "WorkflowCore"));
    }

    [Fact]
    public void Cli_Libraries_OnlyTheirPublicApi()
    {
        // The CLI is the first integrator: what it needs, every host needs, so it gets no back door.
        foreach (var library in new[] { Rules, Workflows, PostgreSql })
        {
            var friends = library.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0]);
            Assert.DoesNotContain(Cli.GetName().Name, friends);
        }
    }

    [Fact]
    public void Web_Libraries_OnlyTheirPublicApi()
    {
        // The HTTP surface is an integrator like the CLI: it may use what any host can, nothing more.
        foreach (var library in new[] { Rules, Workflows, PostgreSql })
        {
            var friends = library.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0]);
            Assert.DoesNotContain(Web.GetName().Name, friends);
        }
    }

    [Fact]
    public void Web_Dependencies_NeitherEnginesNorStores() =>
        Holds(
            "the HTTP surface speaks OneVisit's public API only: no rule engine, workflow engine, YAML reader or database",
            Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny("NRules", "WorkflowCore", "YamlDotNet", "Microsoft.Data.Sqlite", "Npgsql"));

    [Fact]
    public void Libraries_References_NeverAspNetCore()
    {
        // Rules and Workflows serve any host (a console job, a worker, a web app); only OneVisit.Web knows HTTP.
        foreach (var library in new[] { Rules, Workflows, PostgreSql })
        {
            Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        }
    }

    private static void Holds(string rule, ConditionList condition)
    {
        var result = condition.GetResult();
        Assert.True(
            result.IsSuccessful,
            $"Broken wall: {rule}. Offending types:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", (result.FailingTypeNames ?? []).Where(n => !n.Contains('<', StringComparison.Ordinal)).Order()));
    }
}
