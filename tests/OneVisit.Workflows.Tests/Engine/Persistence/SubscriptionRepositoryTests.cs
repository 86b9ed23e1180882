using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class SubscriptionRepositoryTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateEventSubscription_RoundTripsEveryField()
    {
        var store = _database.Store();
        var subscription = Subscription(T0);
        subscription.ExternalToken = "token";
        subscription.ExternalWorkerId = "worker";
        subscription.ExternalTokenExpiry = T0.AddMinutes(5);

        var id = await store.CreateEventSubscription(subscription);
        var loaded = await store.GetSubscription(id);

        Assert.NotNull(loaded);
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal((subscription.WorkflowId, subscription.StepId, subscription.ExecutionPointerId), (loaded.WorkflowId, loaded.StepId, loaded.ExecutionPointerId));
        Assert.Equal((subscription.EventName, subscription.EventKey), (loaded.EventName, loaded.EventKey));
        WorkflowAssert.Time(subscription.SubscribeAsOf, loaded.SubscribeAsOf);
        WorkflowAssert.Payload(subscription.SubscriptionData, loaded.SubscriptionData);
        Assert.Equal(("token", "worker"), (loaded.ExternalToken, loaded.ExternalWorkerId));
        WorkflowAssert.Time(subscription.ExternalTokenExpiry, loaded.ExternalTokenExpiry);
    }

    [Fact]
    public async Task GetSubscriptions_OnlyThoseSubscribedAsOfOrBefore()
    {
        var store = _database.Store();
        var early = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1)));
        var exact = await store.CreateEventSubscription(Subscription(T0));
        await store.CreateEventSubscription(Subscription(T0.AddTicks(1)));
        await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1), key: "other-key"));
        await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1), name: "other-name"));

        var found = await store.GetSubscriptions("approved", "case-1", T0);

        Assert.Equal([early, exact], found.Select(s => s.Id));
    }

    [Fact]
    public async Task GetSubscriptions_NullKeyMatchesNullKey()
    {
        var store = _database.Store();
        var id = await store.CreateEventSubscription(Subscription(T0, key: null));
        await store.CreateEventSubscription(Subscription(T0));

        Assert.Equal([id], (await store.GetSubscriptions("approved", null!, T0)).Select(s => s.Id));
    }

    [Fact]
    public async Task GetSubscriptions_IgnoresExternalTokens()
    {
        var store = _database.Store();
        var id = await store.CreateEventSubscription(Subscription(T0));
        Assert.True(await store.SetSubscriptionToken(id, "token", "worker", T0.AddMinutes(1)));

        Assert.Equal([id], (await store.GetSubscriptions("approved", "case-1", T0)).Select(s => s.Id));
    }

    [Fact]
    public async Task GetFirstOpenSubscription_SkipsTokenedUntilCleared()
    {
        var store = _database.Store();
        var first = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-2)));
        var second = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-1)));

        Assert.Equal(first, (await store.GetFirstOpenSubscription("approved", "case-1", T0))?.Id);

        await store.SetSubscriptionToken(first, "token", "worker", T0.AddMinutes(10));
        Assert.Equal(second, (await store.GetFirstOpenSubscription("approved", "case-1", T0))?.Id);

        await store.SetSubscriptionToken(second, "token-2", "worker", T0.AddMinutes(10));
        Assert.Null(await store.GetFirstOpenSubscription("approved", "case-1", T0));

        await store.ClearSubscriptionToken(first, "token");
        var reopened = await store.GetFirstOpenSubscription("approved", "case-1", T0);
        Assert.Equal(first, reopened?.Id);
        Assert.Null(reopened!.ExternalToken);
        Assert.Null(reopened.ExternalWorkerId);
        Assert.Null(reopened.ExternalTokenExpiry);
    }

    [Fact]
    public async Task GetFirstOpenSubscription_ExpiredTokenStillHeld_AsInWorkflowCore()
    {
        var store = _database.Store();
        var id = await store.CreateEventSubscription(Subscription(T0.AddMinutes(-2)));
        await store.SetSubscriptionToken(id, "token", "worker", T0.AddMinutes(-1));

        Assert.Null(await store.GetFirstOpenSubscription("approved", "case-1", T0));
        var held = await store.GetSubscription(id);
        WorkflowAssert.Time(T0.AddMinutes(-1), held!.ExternalTokenExpiry);
    }

    [Fact]
    public async Task SetSubscriptionToken_Missing_ReturnsFalse()
    {
        Assert.False(await _database.Store().SetSubscriptionToken("missing", "t", "w", T0));
    }

    [Fact]
    public async Task ClearSubscriptionToken_WrongTokenOrMissing_Throws()
    {
        var store = _database.Store();
        var id = await store.CreateEventSubscription(Subscription(T0));
        await store.SetSubscriptionToken(id, "token", "worker", T0.AddMinutes(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ClearSubscriptionToken(id, "not-mine"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ClearSubscriptionToken("missing", "token"));
        Assert.Equal("token", (await store.GetSubscription(id))!.ExternalToken);
    }

    [Fact]
    public async Task TerminateSubscription_DeletesIt()
    {
        var store = _database.Store();
        var id = await store.CreateEventSubscription(Subscription(T0));

        await store.TerminateSubscription(id);
        await store.TerminateSubscription(id); // a second time is harmless, as in the in-memory provider

        Assert.Null(await store.GetSubscription(id));
        Assert.Empty(await store.GetSubscriptions("approved", "case-1", T0));
    }

    internal static EventSubscription Subscription(DateTime asOf, string? key = "case-1", string name = "approved") => new()
    {
        WorkflowId = "wf-1",
        StepId = 4,
        ExecutionPointerId = "ptr-1",
        EventName = name,
        EventKey = key!,
        SubscribeAsOf = asOf,
        SubscriptionData = new CaseData("subscriber", 2, ["x"]),
    };
}
