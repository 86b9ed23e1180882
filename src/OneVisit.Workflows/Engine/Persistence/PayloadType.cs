using System.Text.Json.Serialization.Metadata;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>One registered payload type: the alias written to storage and the JSON contract for its value.</summary>
internal sealed record PayloadType(string Alias, Type Type, JsonTypeInfo TypeInfo);
