using System.Text.Json.Serialization;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Source-generated contracts for the store's own small JSON values (id lists as query parameters).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;
