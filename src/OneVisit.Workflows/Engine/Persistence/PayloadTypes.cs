using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// The closed list of CLR types the store will write into an <c>object</c> slot (workflow data, step persistence
/// data, event data, outcomes, ...), each under a short alias. A payload is stored as <c>{"t":"alias","v":value}</c>.
/// Reading only ever maps an alias back through this list: a type name taken from storage is never resolved,
/// so a tampered database cannot make the process instantiate arbitrary types.
/// </summary>
/// <remarks>
/// Register every payload type once at startup. A type is matched exactly (a subclass needs its own alias).
/// Aliases are part of the stored format: renaming one orphans what was stored under it.
/// </remarks>
internal sealed class PayloadTypes
{
    private readonly ConcurrentDictionary<string, PayloadType> _byAlias = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, PayloadType> _byType = new();
    private readonly Lock _registration = new();

    /// <summary>Uses reflection-based System.Text.Json contracts with default (round-trip-safe) settings.</summary>
    public PayloadTypes()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.General) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() })
    {
    }

    /// <param name="options">The options whose contracts <see cref="Register{T}(string)"/> uses; made read-only here.</param>
    public PayloadTypes(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        Options = options;

        Register<string>("str");
        Register<bool>("bool");
        Register<int>("i32");
        Register<long>("i64");
        Register<double>("f64");
        Register<decimal>("dec");
        Register<DateTime>("dt");
        Register<DateTimeOffset>("dto");
        Register<Guid>("guid");

        // What WorkflowCore's built-in steps keep in ExecutionPointer.PersistenceData (If, While, Sequence,
        // Foreach, Schedule, ...); Delay keeps a bool. All are plain get/set classes.
        Register<ControlPersistenceData>("wf.ctl");
        Register<IteratorPersistenceData>("wf.iter");
        Register<SchedulePersistenceData>("wf.sched");
    }

    /// <summary>The serializer options used for types registered without their own contract.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Allows values of exactly <typeparamref name="T"/> to be stored under <paramref name="alias"/>.</summary>
    public PayloadTypes Register<T>(string alias) => Register(alias, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <summary>As <see cref="Register{T}(string)"/>, with a given (e.g. source-generated) contract.</summary>
    public PayloadTypes Register<T>(string alias, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var entry = new PayloadType(alias, typeof(T), typeInfo);
        lock (_registration)
        {
            if (_byAlias.TryGetValue(alias, out var taken) && taken.Type != typeof(T))
            {
                throw new InvalidOperationException(
                    $"The payload alias '{alias}' is already registered for {taken.Type.FullName}.");
            }

            if (_byType.TryGetValue(typeof(T), out var known) && known.Alias != alias)
            {
                throw new InvalidOperationException(
                    $"{typeof(T).FullName} is already registered as payload alias '{known.Alias}'.");
            }

            _byType[typeof(T)] = entry;
            _byAlias[alias] = entry;
        }

        return this;
    }

    /// <summary>Writes <c>null</c> or the <c>{"t":..,"v":..}</c> envelope of <paramref name="value"/>.</summary>
    public void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var type = value.GetType();
        if (!_byType.TryGetValue(type, out var entry))
        {
            throw new InvalidOperationException(
                $"Cannot store a workflow payload of type {type.FullName}: it is not a registered payload type. " +
                $"Register it once at startup with PayloadTypes.Register<{type.Name}>(\"some-short-alias\"); " +
                "the store only writes registered types so that it never has to trust a type name it reads back.");
        }

        writer.WriteStartObject();
        writer.WriteString("t", entry.Alias);
        writer.WritePropertyName("v");
        JsonSerializer.Serialize(writer, value, entry.TypeInfo);
        writer.WriteEndObject();
    }

    /// <summary>The envelope as UTF-8 bytes for a column of its own; <c>null</c> stays <c>null</c>.</summary>
    public byte[]? ToBytes(object? value)
    {
        if (value is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value);
        }

        return stream.ToArray();
    }

    /// <summary>Reads an envelope back; throws <see cref="CorruptPayloadException"/> for an unknown alias.</summary>
    public object? Read(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("t", out var alias) || alias.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("v", out var value))
        {
            // Never the payload's text in the message: it holds applicants' personal data.
            throw new CorruptPayloadException($"a stored payload is not a {{\"t\":..,\"v\":..}} envelope (it is a JSON {element.ValueKind})");
        }

        var name = alias.GetString()!;
        if (!_byAlias.TryGetValue(name, out var entry))
        {
            throw new CorruptPayloadException(
                $"a stored payload has the alias '{name}', which is not registered in PayloadTypes. " +
                "Register the type that was stored under that alias; the store never resolves types by name.");
        }

        return value.Deserialize(entry.TypeInfo);
    }

    /// <summary>Reads an envelope stored in a column of its own.</summary>
    public object? FromBytes(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(bytes);
        return Read(document.RootElement);
    }
}
