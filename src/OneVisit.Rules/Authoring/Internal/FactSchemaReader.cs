using System.Collections.Frozen;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>facts.yaml</c> into a <see cref="FactSchema"/>, giving each fact a slot.</summary>
internal static class FactSchemaReader
{
    public static FactSchema Read(FileContext context, YNode? root, References references)
    {
        var entities = new List<FactEntity>();
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "fact schema");
        if (map?.Required("entities") is { } entitiesNode && context.Mapping(entitiesNode, "set of entities") is { } entityMap)
        {
            var slot = 0;
            foreach (var (key, value) in entityMap.Entries)
            {
                if (ReadEntity(context, key, value, references, ref slot) is { } entity)
                {
                    entities.Add(entity);
                }
            }
        }

        map?.Finish();
        return new FactSchema(entities);
    }

    private static FactEntity? ReadEntity(FileContext context, YScalar key, YNode node, References references, ref int slot)
    {
        var name = context.Identifier(key, "entity name");
        if (name is not null && ConditionLanguage.IsReservedWord(name))
        {
            context.Error(DiagnosticCodes.InvalidIdentifier, key, $"'{name}' is a word of the condition language and cannot name an entity; choose another name.");
            name = null;
        }

        var map = context.Mapping(node, $"entity '{key.Value}'");
        if (map is null)
        {
            return null;
        }

        var description = map.String("description");
        var party = map.Reference("party", "party", references, identifier: true);
        var fields = new List<FactDefinition>();
        if (map.Required("fields") is { } fieldsNode && context.Mapping(fieldsNode, "set of fields") is { } fieldMap)
        {
            foreach (var (fieldKey, fieldNode) in fieldMap.Entries)
            {
                if (name is not null && ReadField(context, name, fieldKey, fieldNode, slot) is { } field)
                {
                    fields.Add(field);
                    slot++;
                }
            }
        }

        map.Finish();
        return name is null ? null : new FactEntity(name, description, fields, context.At(key)) { Party = party };
    }

    private static FactDefinition? ReadField(FileContext context, string entity, YScalar key, YNode node, int slot)
    {
        var name = context.Identifier(key, "field name");
        var map = context.Mapping(node, $"fact '{entity}.{key.Value}'");
        if (map is null)
        {
            return null;
        }

        var kind = map.Word<FactKind>("type", required: true);
        var valuesNode = map.Optional("values");
        var description = map.String("description", required: true);
        var question = map.Text("question", required: true);
        map.Finish();

        FactType? type = kind switch
        {
            null => null,
            FactKind.Enum => ReadEnumValues(context, map, valuesNode),
            _ => OnlyForEnums(context, valuesNode, kind.Value),
        };
        return name is null || type is null || description is null || question is null
            ? null
            : new FactDefinition(new FactSymbol(entity, name, type, slot), description, question, context.At(key)) { ValueLabels = LabelsOf(type, valuesNode) };
    }

    // Only a mapping carries labels; a value whose label is not plain text keeps none (its key is shown instead).
    private static FrozenDictionary<string, string> LabelsOf(FactType type, YNode? node) => node is YMapping labelled
        ? labelled.Entries
            .Where(e => type.Allows(e.Key.Value) && e.Value is YScalar { Value.Length: > 0 })
            .DistinctBy(e => e.Key.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(e => e.Key.Value, e => ((YScalar)e.Value).Value, StringComparer.Ordinal)
        : FrozenDictionary<string, string>.Empty;

    private static FactType? ReadEnumValues(FileContext context, MappingReader map, YNode? node)
    {
        if (node is null)
        {
            context.Error(DiagnosticCodes.MissingKey, map.Node, "An enum fact needs 'values': the list of values it may take.");
            return null;
        }

        var values = new List<string>();
        var keys = node switch
        {
            YMapping labelled => labelled.Entries.Select(e => (YNode)e.Key),
            _ => context.Sequence(node, "enum values"),
        };
        foreach (var item in keys)
        {
            if (context.Identifier(item, "enum value") is { } value)
            {
                if (values.Contains(value))
                {
                    context.Error(DiagnosticCodes.DuplicateId, item, $"The enum value '{value}' is listed twice.");
                    continue;
                }

                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            context.Error(DiagnosticCodes.InvalidValue, node, "An enum fact needs at least one value.");
            return null;
        }

        return FactType.Enum(values);
    }

    private static FactType OnlyForEnums(FileContext context, YNode? values, FactKind kind)
    {
        if (values is not null)
        {
            context.Warning(DiagnosticCodes.UnknownKey, values, $"'values' only applies to enum facts; this fact is {kind.ToString().ToLowerInvariant()}, so they are ignored.");
        }

        return FactType.Of(kind);
    }
}
