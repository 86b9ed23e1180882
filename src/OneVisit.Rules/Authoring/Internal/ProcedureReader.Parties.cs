using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>What a procedure issues (so a bundle can pass it on) and the parties it involves (so each brings their own).</summary>
internal sealed partial class ProcedureReader
{
    /// <summary><c>produces</c>: document ids, as a list or a single id.</summary>
    private List<string> ReadProduces(YNode? node)
    {
        var items = node is null ? [] : node is YSequence ? context.Sequence(node, "documents") : [node];
        return Distinct(items, "document", item =>
        {
            var id = context.Identifier(item, "document id");
            if (id is not null)
            {
                references.Expect("document", id, context.At(item));
            }

            return id;
        });
    }

    /// <summary><c>parties</c>: ids declared in catalog.yaml.</summary>
    private List<string> ReadParties(YNode? node)
    {
        var items = node is null ? [] : context.Sequence(node, "parties");
        return Distinct(items, "party", item =>
        {
            var id = context.Identifier(item, "party id");
            if (id is not null)
            {
                references.Expect("party", id, context.At(item));
            }

            return id;
        });
    }

    /// <summary>
    /// The <c>party</c> of a material or presence step: one of the procedure's own parties. Whether those exist is
    /// checked where the procedure names them, so here only membership counts.
    /// </summary>
    private string? Party(MappingReader map, IReadOnlyList<string> parties, string what, string? id)
    {
        if (map.Optional("party") is not { } node || context.Identifier(node, "party") is not { } party)
        {
            return null;
        }

        if (!parties.Contains(party, StringComparer.Ordinal))
        {
            var owner = id is null ? $"This {what}" : $"The {what} '{id}'";
            context.Error(DiagnosticCodes.PartyNotInProcedure, node, parties.Count == 0
                ? $"{owner} belongs to party '{party}', but this procedure names no parties. Add 'parties: [{party}, …]' to the procedure, or remove 'party' here."
                : $"{owner} belongs to party '{party}', which is not among this procedure's parties ({string.Join(", ", parties)}).{Suggestions.DidYouMean(party, parties)} Add it to 'parties', or name one of them.");
        }

        return party;
    }

    private List<string> Distinct(IReadOnlyList<YNode> items, string kind, Func<YNode, string?> read)
    {
        var result = new List<string>();
        foreach (var item in items)
        {
            if (read(item) is not { } id)
            {
                continue;
            }

            if (result.Contains(id, StringComparer.Ordinal))
            {
                context.Error(DiagnosticCodes.DuplicateId, item, $"The {kind} '{id}' is listed twice; keep one.");
                continue;
            }

            result.Add(id);
        }

        return result;
    }
}
