using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads one reform file against the catalogue it changes: every id it names is checked where it is written, with
/// the nearest id as a suggestion, and the parts a catalogue file also has (an exemption, a remote alternative, a
/// flow, a whole bundle) are read by the catalogue's own readers, so they lint the same way.
/// </summary>
internal sealed class ReformReader(FileContext context, ProcedureCatalog catalog)
{
    private static readonly string[] Kinds = ["share_document", "drop_material", "add_exemption", "add_remote_alternative", "allow_delivery", "allow_channel", "add_flow", "add_bundle"];

    private readonly References _references = Declared(catalog);

    public Reform? Read(YNode? root, string contentHash)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "reform");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("reform", required: true);
        var name = map.Text("name", required: true);
        var from = map.Date("effective_from", required: true);
        var changes = map.List("changes", ReadChange, required: true);
        map.Finish();
        _references.Check(context.Diagnostics, _ => true, new HashSet<string>());
        return id is null || name is null || from is null || context.Diagnostics.HasErrors
            ? null
            : new Reform { Id = id, Name = name, EffectiveFrom = from.Value, Changes = changes, ContentHash = contentHash, Location = context.At(map.Node) };
    }

    private ReformChange? ReadChange(YNode node)
    {
        if (node is not YMapping { Entries.Count: 1 } change)
        {
            context.Error(DiagnosticCodes.WrongShape, node, $"Each change is one kind with its details, e.g. 'share_document: {{document: no_housing_certificate}}'. The kinds: {string.Join(", ", Kinds)}.");
            return null;
        }

        var (key, value) = (change.Entries[0].Key, change.Entries[0].Value);
        var details = context.Mapping(value, key.Value.Replace('_', ' '));
        if (details is null)
        {
            return null;
        }

        var read = key.Value switch
        {
            "share_document" => ShareDocument(details),
            "drop_material" => DropMaterial(details),
            "add_exemption" => AddExemption(details),
            "add_remote_alternative" => AddRemoteAlternative(details),
            "allow_delivery" => AllowDelivery(details),
            "allow_channel" => AllowChannel(details),
            "add_flow" => AddFlow(details),
            "add_bundle" => AddBundle(details),
            _ => Unknown(key),
        };
        // The readers of a catalogue's own parts check the keys they read themselves.
        if (key.Value is not ("add_bundle" or "add_exemption" or "add_remote_alternative"))
        {
            details.Finish();
        }

        return read;
    }

    private ShareDocument? ShareDocument(MappingReader map)
    {
        var document = Document(map);
        var source = map.Reference("source", "authority", _references, identifier: true);
        var regions = map.List("regions", n => context.String(n, "region"));
        var consumers = Procedures(map, "consumers");
        var when = Condition(map, "when");
        if (document is not null && source is null && catalog.Documents.TryGetValue(document, out var type) && type.IssuedBy is null)
        {
            context.Error(DiagnosticCodes.MissingKey, map.Node, $"'{document}' is not issued by a department, so this change needs 'source': the authority that answers for it.");
            return null;
        }

        return document is null || consumers is null ? null : new ShareDocument(document, source, regions, consumers, when, context.At(map.Node));
    }

    private DropMaterial? DropMaterial(MappingReader map)
    {
        var document = Document(map);
        var procedures = Procedures(map, "procedures");
        var onlyWhen = Condition(map, "only_when");
        return document is null || procedures is null ? null : new DropMaterial(document, procedures, onlyWhen, context.At(map.Node));
    }

    private AddExemption? AddExemption(MappingReader map)
    {
        var document = Document(map);
        var procedures = Procedures(map, "procedures");

        // The exemption itself is written as in a procedure file; its keys are read there, the rest here.
        var exemption = new ProcedureReader(context, catalog.Facts, _references).ReadExemption(Without(map, "document", "procedures"));
        return document is null || procedures is null || exemption is null ? null : new AddExemption(document, procedures, exemption, context.At(map.Node));
    }

    private AddRemoteAlternative? AddRemoteAlternative(MappingReader map)
    {
        var reason = map.Word<PresenceReason>("reason", required: true);
        var step = map.Identifier("step");
        var procedures = Procedures(map, "procedures");
        var alternative = new ProcedureReader(context, catalog.Facts, _references).ReadRemoteAlternative(Without(map, "reason", "step", "procedures"));
        return reason is null || procedures is null || alternative is null ? null : new AddRemoteAlternative(reason.Value, step, procedures, alternative, context.At(map.Node));
    }

    private AllowDelivery? AllowDelivery(MappingReader map)
    {
        var deliveryNode = map.Required("delivery");
        var delivery = map.Word<ResultDelivery>("delivery");
        var procedures = Procedures(map, "procedures");
        if (delivery is ResultDelivery.Pickup or ResultDelivery.Online)
        {
            context.Error(DiagnosticCodes.InvalidValue, deliveryNode!, "A reform allows delivery by 'mail' or as an 'e_licence'; a pickup is what it spares, and online delivery is a channel of its own.");
            return null;
        }

        return delivery is null || procedures is null ? null : new AllowDelivery(delivery.Value, procedures, context.At(map.Node));
    }

    private AllowChannel? AllowChannel(MappingReader map)
    {
        var channelNode = map.Required("channel");
        var channel = map.Word<Channel>("channel");
        var procedures = Procedures(map, "procedures");
        if (channel is Channel.Window or Channel.Kiosk)
        {
            context.Error(DiagnosticCodes.InvalidValue, channelNode!, "A reform allows a remote channel: 'online', 'mobile' or 'mail'. A window or a kiosk is a trip.");
            return null;
        }

        return channel is null || procedures is null ? null : new AllowChannel(channel.Value, procedures, context.At(map.Node));
    }

    private AddFlow? AddFlow(MappingReader map)
    {
        var codeNode = map.Required("bundle");
        var code = map.String("bundle");
        var flowNode = map.Required("flow");
        if (code is null || flowNode is null)
        {
            return null;
        }

        if (!catalog.Bundles.TryGetValue(code, out var bundle))
        {
            context.Error(DiagnosticCodes.UnknownReference, codeNode!, $"The catalogue has no bundle '{code}'.{Suggestions.DidYouMean(code, catalog.Bundles.Keys)} To merge procedures into a new one, use add_bundle.");
            return null;
        }

        var flows = new BundleReader(context, catalog.Facts, _references, catalog.Procedures, catalog.Windows).ReadFlowsFor(bundle, flowNode);
        return flows is [var flow] ? new AddFlow(code, flow, context.At(map.Node)) : null;
    }

    private AddBundle? AddBundle(MappingReader map)
    {
        // A new bundle is written as a bundle file is, and read by the same reader (which checks its keys).
        var bundle = new BundleReader(context, catalog.Facts, _references, catalog.Procedures, catalog.Windows).Read(map.Node);
        return bundle is null ? null : new AddBundle(bundle, context.At(map.Node));
    }

    private ReformChange? Unknown(YScalar key)
    {
        context.Error(DiagnosticCodes.InvalidValue, key, $"'{key.Value}' is not a kind of change.{Suggestions.DidYouMean(key.Value, Kinds)} The kinds: {string.Join(", ", Kinds)}.");
        return null;
    }

    private string? Document(MappingReader map) => map.Reference("document", "document", _references, required: true, identifier: true);

    /// <summary>A list of procedure codes, or <c>all</c> (also when the key is absent).</summary>
    private ProcedureSelection? Procedures(MappingReader map, string key)
    {
        if (map.Optional(key) is not { } node || node is YScalar { Value: "all" })
        {
            return ProcedureSelection.All;
        }

        var codes = new List<string>();
        foreach (var item in context.Sequence(node, $"{key} (procedure codes, or all)"))
        {
            if (context.String(item, "procedure code") is { } code)
            {
                _references.Expect("procedure", code, context.At(item));
                codes.Add(code);
            }
        }

        return codes.Count > 0 ? new ProcedureSelection(codes) : null;
    }

    private PolicyCondition? Condition(MappingReader map, string key) =>
        map.Optional(key) is { } node ? context.Condition(node, key, catalog.Facts) : null;

    // The same mapping minus the keys already read here, for a catalogue reader that warns about keys it does not know.
    private static YMapping Without(MappingReader map, params string[] keys)
    {
        var rest = new YMapping(map.Node.Line, map.Node.Column, map.Node.Index);
        foreach (var entry in map.Entries.Where(e => !keys.Contains(e.Key.Value, StringComparer.Ordinal)))
        {
            rest.Entries.Add(entry);
        }

        return rest;
    }

    // Everything the catalogue declares, so references written in the reform are checked against it at the end.
    private static References Declared(ProcedureCatalog catalog)
    {
        var references = new References();
        var none = new DiagnosticBag();
        foreach (var id in catalog.Authorities.Keys)
        {
            references.Declare("authority", id, catalog.Authorities[id].Location, none);
        }

        foreach (var (id, document) in catalog.Documents)
        {
            references.Declare("document", id, document.Location, none);
        }

        foreach (var (code, procedure) in catalog.Procedures)
        {
            references.Declare("procedure", code, procedure.Location, none);
        }

        foreach (var (code, bundle) in catalog.Bundles)
        {
            references.Declare("bundle", code, bundle.Location, none);
        }

        foreach (var (id, window) in catalog.Windows)
        {
            references.Declare("window", id, window.Location, none);
        }

        foreach (var (id, party) in catalog.Parties)
        {
            references.Declare("party", id, party.Location, none);
        }

        return references;
    }
}
