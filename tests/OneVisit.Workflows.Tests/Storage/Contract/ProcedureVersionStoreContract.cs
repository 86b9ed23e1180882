namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>The procedure versions cases ran on: kept once per code and version, read back in order.</summary>
public abstract class ProcedureVersionStoreContract : StorageContract
{
    [Fact]
    public async Task SaveTermsAsync_SameCodeAndVersionTwice_KeepsTheFirstTerms()
    {
        await Versions.SaveTermsAsync("residence-permit", 3, """{"v":3,"text":"first"}""", None);

        await Versions.SaveTermsAsync("residence-permit", 3, """{"v":3,"text":"second"}""", None);

        Assert.Equal(["""{"v":3,"text":"first"}"""], await Versions.AllTermsAsync(None));
    }

    [Fact]
    public async Task AllTermsAsync_SeveralCodesAndVersions_ByCodeThenNumericVersion()
    {
        await Versions.SaveTermsAsync("business-licence", 10, "business-licence v10", None);
        await Versions.SaveTermsAsync("alcohol-permit", 2, "alcohol-permit v2", None);
        await Versions.SaveTermsAsync("business-licence", 2, "business-licence v2", None);
        await Versions.SaveTermsAsync("business-licence", 1, "business-licence v1", None);

        var terms = await Versions.AllTermsAsync(None);

        Assert.Equal(["alcohol-permit v2", "business-licence v1", "business-licence v2", "business-licence v10"], terms);
    }

    [Fact]
    public async Task AllTermsAsync_NothingSaved_ReturnsEmpty()
    {
        Assert.Empty(await Versions.AllTermsAsync(None));
    }
}
