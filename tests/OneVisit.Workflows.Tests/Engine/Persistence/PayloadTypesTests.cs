using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;
using WorkflowCore.Exceptions;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class PayloadTypesTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateNewWorkflow_UnregisteredDataType_RefusedWithHowToRegister()
    {
        var store = _database.Store();
        await store.InitializeAsync();
        var workflow = WorkflowRepositoryTests.Workflow();
        workflow.Data = new Unregistered();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateNewWorkflow(workflow));

        Assert.Contains(typeof(Unregistered).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("PayloadTypes.Register<Unregistered>", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM wf_instances"));
    }

    [Fact]
    public async Task GetWorkflowInstance_AliasNotRegisteredInThisProcess_Refused()
    {
        var workflow = WorkflowRepositoryTests.Workflow();
        var writer = _database.Store();
        await writer.CreateNewWorkflow(workflow);
        // The next process, built without the case data's type: it starts once this one is closed (one host per file).
        await writer.DisposeAsync();

        var withoutCaseData = _database.Store(new PayloadTypes());
        var error = await Assert.ThrowsAsync<CorruptPayloadException>(() => withoutCaseData.GetWorkflowInstance(workflow.Id));

        Assert.IsAssignableFrom<CorruptPersistenceDataException>(error);
        Assert.Contains("'test.case'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWorkflowInstance_TypeNameInStorage_NeverResolved()
    {
        var workflow = WorkflowRepositoryTests.Workflow();
        var store = _database.Store();
        await store.CreateNewWorkflow(workflow);
        const string Hostile = """{"data":{"t":"System.IO.FileInfo, System.Private.CoreLib","v":{"fileName":"/etc/passwd"}}}""";
        _database.Execute($"UPDATE wf_instances SET document = CAST('{Hostile}' AS BLOB) WHERE id = '{workflow.Id}';");

        var error = await Assert.ThrowsAsync<CorruptPayloadException>(() => store.GetWorkflowInstance(workflow.Id));
        Assert.Contains("System.IO.FileInfo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvent_MalformedEnvelope_Refused()
    {
        var store = _database.Store();
        var id = await store.CreateEvent(new WorkflowCore.Models.Event { EventName = "e", EventKey = "k", EventTime = DateTime.UtcNow, EventData = "x" });
        _database.Execute($"UPDATE wf_events SET event_data = CAST('\"bare string\"' AS BLOB) WHERE id = '{id}';");

        await Assert.ThrowsAsync<CorruptPayloadException>(() => store.GetEvent(id));
    }

    [Fact]
    public void Register_AliasOrTypeTakenTwice_Refused()
    {
        var payloads = new PayloadTypes();
        payloads.Register<Unregistered>("mine").Register<Unregistered>("mine"); // same pair again is fine

        Assert.Throws<InvalidOperationException>(() => payloads.Register<Uri>("mine"));
        Assert.Throws<InvalidOperationException>(() => payloads.Register<Unregistered>("other"));
        Assert.Throws<InvalidOperationException>(() => payloads.Register<TimeSpan>("str"));
    }

    [Theory]
    [InlineData("str", "\"a\"")]
    [InlineData("i32", "7")]
    [InlineData("bool", "true")]
    public void Read_BuiltInAliases_MapToTheirTypes(string alias, string json)
    {
        var payloads = new PayloadTypes();
        var bytes = System.Text.Encoding.UTF8.GetBytes($$"""{"t":"{{alias}}","v":{{json}}}""");

        var value = payloads.FromBytes(bytes);

        Assert.Equal(payloads.ToBytes(value), bytes);
    }

    [Fact]
    public void ToBytes_Null_StaysNull()
    {
        var payloads = new PayloadTypes();
        Assert.Null(payloads.ToBytes(null));
        Assert.Null(payloads.FromBytes(null));
        Assert.Null(payloads.FromBytes("null"u8.ToArray()));
    }

    [Fact]
    public void Document_OmitsDefaultsAndUsesShortNames()
    {
        var document = new WorkflowDocument(new PayloadTypes());
        var workflow = new WorkflowCore.Models.WorkflowInstance();
        workflow.ExecutionPointers.Add(new WorkflowCore.Models.ExecutionPointer { Id = "p", StepId = 1, Active = true });

        var json = System.Text.Encoding.UTF8.GetString(document.Serialize(workflow));

        Assert.Equal("""{"ptrs":[{"id":"p","step":1,"act":true}]}""", json);
    }

    /// <summary>A type nobody registered.</summary>
    public sealed class Unregistered
    {
        public int Value { get; set; }
    }
}
