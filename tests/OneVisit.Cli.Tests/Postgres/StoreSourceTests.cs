using OneVisit.Cli.Common;

namespace OneVisit.Cli.Tests.Postgres;

/// <summary>Which store --db, --pg and ONEVISIT_PG name; no database needed.</summary>
public sealed class StoreSourceTests
{
    [Theory]
    [InlineData("cases.db", false)]
    [InlineData("/tmp/onevisit-demo/cases-20170220-090000-3f9a1c.db", false)]
    [InlineData("./odd=name.db", false)]
    [InlineData("Host=db;Database=onevisit;Username=inspector", true)]
    [InlineData("server=db.internal;database=onevisit", true)]
    [InlineData("Host=db;Databse=typo", true)]
    public void Db_AConnectionStringWithAHostIsPostgreSqlAnythingElseAFile(string value, bool postgres)
    {
        var target = StoreSource.Resolve(value, postgres: null, variable: null, () => null);

        Assert.Equal(new StoreTarget(value, postgres, "--db"), target);
    }

    [Fact]
    public void Variable_UsedOnlyWhenNeitherOptionIsGiven()
    {
        const string variable = "Host=db;Database=onevisit;Password=from-the-environment";

        Assert.Equal(new StoreTarget(variable, true, StoreSource.Variable), StoreSource.Resolve(null, null, variable, () => "demo.db"));
        Assert.Equal(new StoreTarget("cases.db", false, "--db"), StoreSource.Resolve("cases.db", null, variable, () => "demo.db"));
        Assert.Equal(new StoreTarget("Host=other", true, "--pg"), StoreSource.Resolve(null, "Host=other", variable, () => "demo.db"));
        Assert.Equal(new StoreTarget("demo.db", false, "the newest demo store"), StoreSource.Resolve(null, null, "", () => "demo.db"));
        Assert.Null(StoreSource.Resolve(null, null, null, () => null));
    }

    [Theory]
    [InlineData("cases", "list")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "who-looked", "330106198001010011")]
    public void DbAndPg_Together_UsageErrorSayingToPassOne(params string[] command)
    {
        var (exit, output, error) = Cli.Run([.. command, "--db", "cases.db", "--pg", "Host=db;Password=s3cret-pw"]);

        Assert.True(exit == ExitCodes.Usage, output + error);
        Assert.Contains("--db and --pg both name the case store: pass one", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pg_NotAConnectionString_UsageErrorNamingTheKeywordNotThePassword()
    {
        var (exit, output, error) = Cli.Run("cases", "list", "--pg", "Host=db;Pasword=s3cret-pw");

        Assert.True(exit == ExitCodes.Usage, output + error);
        Assert.Contains("--pg is not a PostgreSQL connection string Npgsql reads", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pg_WithoutHost_UsageErrorSayingToAddOne()
    {
        var (exit, output, error) = Cli.Run("cases", "list", "--pg", "Database=onevisit;Password=s3cret-pw");

        Assert.True(exit == ExitCodes.Usage, output + error);
        Assert.Contains("names no host: add Host=", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
    }
}
