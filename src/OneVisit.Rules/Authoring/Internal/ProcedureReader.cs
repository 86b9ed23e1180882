using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one file under <c>procedures/</c>.</summary>
internal sealed partial class ProcedureReader(FileContext context, FactSchema facts, References references)
{
    private const int MaxDays = CommonParts.MaxDays;

    // A supplement period is weeks, not months: beyond that the case would wait in limbo rather than end.
    private const int MaxSupplementDays = 60;

    public Procedure? Read(YNode? root)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "procedure");
        if (map is null)
        {
            return null;
        }

        var code = map.String("code", required: true);
        var declared = code is not null && references.Declare("procedure", code, context.At(map.Node), context.Diagnostics);
        // Materials and steps are unique within their procedure. A procedure whose code is missing or taken
        // gets a scope of its own, so its children are not reported as duplicates of another file's.
        var scope = declared ? code! : $"?{context.Source.Path}";
        var name = map.Text("name", required: true);
        var (version, from, until) = CommonParts.Versioning(map);

        var basis = map.List("legal_basis", n => ReadBasis(n).FirstOrDefault(), required: true);
        var conditions = map.List("conditions", ReadAcceptanceCondition);
        var eligibility = map.List("eligibility", n => ReadEligibility(n, scope));
        var jurisdiction = ReadJurisdiction(map);
        var produces = ReadProduces(map.Optional("produces"));
        var parties = ReadParties(map.Optional("parties"));
        var materials = map.List("materials", n => ReadMaterial(n, scope, parties), required: true);
        var presence = map.List("presence", n => ReadPresence(n, scope, parties));
        var limits = ReadTimeLimits(map.Required("time_limits"));
        var fees = map.List("fees", ReadFee);
        var supplement = ReadSupplement(map.Optional("supplement"));
        var channels = map.Words<Channel>("channels", "channel", required: true);
        var delivery = map.Words<ResultDelivery>("result_delivery", "result delivery", required: true);
        CheckChannels(map, declared ? code : null, channels, delivery, presence);
        map.Finish();

        if (!declared || name is null || version is null || from is null || jurisdiction is null || limits is null)
        {
            return null;
        }

        return new Procedure
        {
            Code = code!,
            Name = name,
            Version = version.Value,
            EffectiveFrom = from.Value,
            EffectiveUntil = until,
            LegalBasis = basis,
            Conditions = conditions,
            Eligibility = eligibility,
            Jurisdiction = jurisdiction,
            Materials = materials,
            Presence = presence,
            TimeLimits = limits,
            Fees = fees,
            Supplement = supplement,
            Channels = channels,
            ResultDelivery = delivery,
            Produces = produces,
            Parties = parties,
            Location = context.At(map.Node),
        };
    }

    private List<LegalBasis> ReadBasis(YNode? node) => CommonParts.Basis(context, node);

    private AcceptanceCondition? ReadAcceptanceCondition(YNode node)
    {
        var map = context.Mapping(node, "acceptance condition");
        if (map is null)
        {
            return null;
        }

        var text = map.Text("text", required: true);
        var check = Condition(map, "check");
        map.Finish();
        return text is null ? null : new AcceptanceCondition(text, check, context.At(map.Node));
    }

    private EligibilityRule? ReadEligibility(YNode node, string scope)
    {
        var map = context.Mapping(node, "eligibility rule");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var denyWhen = Condition(map, "deny_when", required: true);
        var message = map.Text("message", required: true);
        var basis = ReadBasis(map.Optional("basis"));
        map.Finish();
        return id is null || denyWhen is null || message is null || !Declare("eligibility rule", id, map, scope)
            ? null
            : new EligibilityRule(id, denyWhen, message, basis, context.At(map.Node));
    }

    private Jurisdiction? ReadJurisdiction(MappingReader procedure)
    {
        var map = context.Mapping(procedure.Required("jurisdiction"), "jurisdiction");
        if (map is null)
        {
            return null;
        }

        var rules = map.List("rules", ReadJurisdictionRule);
        var defaultNode = map.Optional("default");
        map.Finish();
        if (defaultNode is null)
        {
            context.Error(DiagnosticCodes.MissingJurisdictionDefault, map.Node,
                "This jurisdiction has no 'default': name the authority that decides when no rule applies, so no applicant is left without one.");
            return null;
        }

        var authority = Authority(defaultNode, "default");
        return authority is null ? null : new Jurisdiction(rules, authority, context.At(map.Node));
    }

    private JurisdictionRule? ReadJurisdictionRule(YNode node)
    {
        var map = context.Mapping(node, "jurisdiction rule");
        if (map is null)
        {
            return null;
        }

        var when = Condition(map, "when", required: true);
        var authorityNode = map.Required("authority");
        var authority = authorityNode is null ? null : Authority(authorityNode, "authority");
        var because = map.Text("because");
        var basis = ReadBasis(map.Optional("basis"));
        map.Finish();
        return when is null || authority is null ? null : new JurisdictionRule(when, authority, because, basis, context.At(map.Node));
    }

    private TimeLimits? ReadTimeLimits(YNode? node)
    {
        if (context.Mapping(node, "set of time limits") is not { } map)
        {
            return null;
        }

        var statutory = ReadTimeLimit(map.Required("statutory"), basisRequired: true);
        var promised = ReadTimeLimit(map.Optional("promised"), basisRequired: false);
        map.Finish();
        return new TimeLimits(statutory, promised);
    }

    private TimeLimit? ReadTimeLimit(YNode? node, bool basisRequired) => CommonParts.TimeLimit(context, node, basisRequired);

    private SupplementTerms? ReadSupplement(YNode? node)
    {
        if (context.Mapping(node, "supplement block (working_days, on_missed)") is not { } map)
        {
            return null;
        }

        var days = map.Integer("working_days", 1, MaxSupplementDays);
        var onMissed = OnMissed(map);
        map.Finish();
        return new SupplementTerms(days, onMissed ?? MissedDeadline.Withdraw, context.At(map.Node));
    }

    /// <summary><c>on_missed</c>: what happens when a deadline for the applicant passes unsupplied.</summary>
    private MissedDeadline? OnMissed(MappingReader map) =>
        map.Optional("on_missed") is { } node ? context.Word<MissedDeadline>(node, "on_missed (what happens when the deadline passes)") : null;

    private Fee? ReadFee(YNode node)
    {
        var map = context.Mapping(node, "fee");
        if (map is null)
        {
            return null;
        }

        var name = map.Text("name", required: true);
        var amount = map.Decimal("amount", required: true);
        var when = Condition(map, "when");
        var basis = ReadBasis(map.Optional("basis"));
        map.Finish();
        if (amount < 0)
        {
            context.Error(DiagnosticCodes.InvalidValue, map.Optional("amount")!, "A fee cannot be negative.");
            return null;
        }

        return name is null || amount is null ? null : new Fee(name, amount.Value, when, basis, context.At(map.Node));
    }

    private PolicyCondition? Condition(MappingReader map, string key, bool required = false) =>
        (required ? map.Required(key) : map.Optional(key)) is { } node ? context.Condition(node, key, facts) : null;

    private string? Authority(YNode node, string what)
    {
        var id = context.Identifier(node, what);
        if (id is not null)
        {
            references.Expect("authority", id, context.At(node));
        }

        return id;
    }

    private bool Declare(string kind, string id, MappingReader map, string scope) =>
        references.Declare(kind, id, context.At(map.Node), context.Diagnostics, scope);
}
