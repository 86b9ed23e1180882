using System.Collections.Frozen;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Catalog;

/// <summary>A declared fact with what a person is told about it.</summary>
/// <param name="Symbol">The fact as conditions see it.</param>
/// <param name="Description">What the fact means.</param>
/// <param name="Question">What to ask a citizen when the fact is unknown.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record FactDefinition(FactSymbol Symbol, string Description, LocalizedText Question, SourceLocation Location)
{
    /// <summary>The fact's path, <c>entity.field</c>.</summary>
    public string Path => Symbol.Path;

    /// <summary>
    /// For an enum written as a mapping (<c>married: 已婚</c>), each value's label for people; empty when the values
    /// are a plain list. Service guides show the label where a condition names the value.
    /// </summary>
    public IReadOnlyDictionary<string, string> ValueLabels { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The label of enum value <paramref name="value"/>, or the value itself when it has none.</summary>
    public string LabelOf(string value) => ValueLabels.GetValueOrDefault(value) ?? value;
}

/// <summary>An entity that facts describe: the applicant, an enterprise, a vehicle, …</summary>
/// <param name="Name">The entity name used in conditions.</param>
/// <param name="Description">What the entity is.</param>
/// <param name="Fields">Its facts.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record FactEntity(string Name, string? Description, IReadOnlyList<FactDefinition> Fields, SourceLocation Location)
{
    /// <summary>The party these facts describe (<c>mother</c>), so a joint form asks them of that person; null when they describe no party.</summary>
    public string? Party { get; init; }
}

/// <summary>The fact schema from <c>facts.yaml</c>: the only facts conditions and applications may use.</summary>
public sealed class FactSchema : IFactResolver
{
    private readonly FrozenDictionary<string, FactDefinition> _byPath;

    /// <summary>Builds a schema from entities whose fact symbols have distinct slots 0..n-1.</summary>
    public FactSchema(IReadOnlyList<FactEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Entities = entities;
        Definitions = [.. entities.SelectMany(e => e.Fields).OrderBy(f => f.Symbol.Slot)];
        for (var i = 0; i < Definitions.Count; i++)
        {
            if (Definitions[i].Symbol.Slot != i)
            {
                throw new ArgumentException($"Fact slots must run 0..{Definitions.Count - 1} without gaps; {Definitions[i].Path} has {Definitions[i].Symbol.Slot}.", nameof(entities));
            }
        }

        _byPath = Definitions.ToFrozenDictionary(d => d.Path, StringComparer.Ordinal);
        Facts = [.. Definitions.Select(d => d.Symbol)];
    }

    /// <summary>The entities in declaration order.</summary>
    public IReadOnlyList<FactEntity> Entities { get; }

    /// <summary>Every fact with its description and question, by slot.</summary>
    public IReadOnlyList<FactDefinition> Definitions { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<FactSymbol> Facts { get; }

    /// <inheritdoc />
    public int SlotCount => Definitions.Count;

    /// <inheritdoc />
    public FactSymbol? Find(string path) => _byPath.GetValueOrDefault(path)?.Symbol;

    /// <summary>The definition of the fact at <paramref name="path"/>, or null.</summary>
    public FactDefinition? Definition(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Creates an empty set of facts for one application.</summary>
    public FactValues CreateValues(DateOnly asOf) => new(this, asOf);
}
