using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads one file under <c>bundles/</c>: a life or business event (一件事) made of member procedures. Procedures are
/// read first, so flows are checked against what each member produces and asks for, at the line that names them.
/// </summary>
internal sealed partial class BundleReader(
    FileContext context,
    FactSchema facts,
    References references,
    IReadOnlyDictionary<string, Procedure> procedures,
    IReadOnlyDictionary<string, Window> windows)
{
    // The members read so far, by code, with the node that named each (diagnostics about a member point there).
    private readonly Dictionary<string, (BundleMember Member, YNode Node)> _members = new(StringComparer.Ordinal);

    // False when a member entry could not be read: "not a member" would then be a guess, so it is not reported.
    private bool _membersComplete = true;

    // False when a flow or target could not be read: a material it meant to feed would be reported as unfed.
    private bool _flowsComplete = true;

    public Bundle? Read(YNode? root)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "bundle");
        if (map is null)
        {
            return null;
        }

        var code = map.String("code", required: true);
        var declared = code is not null && references.Declare("bundle", code, context.At(map.Node), context.Diagnostics);
        var name = map.Text("name", required: true);
        var (version, from, until) = CommonParts.Versioning(map);
        var lifeEvent = ReadEvent(map.Required("event"));
        var lead = map.Reference("lead", "authority", references, required: true, identifier: true);
        var members = ReadMembers(map.Required("members"));
        var delivery = map.Word<BundleDelivery>("delivery") ?? BundleDelivery.PerMember;
        var flows = map.List("flows", node => ReadFlow(node, delivery)).SelectMany(f => f).ToList();
        var form = ReadForm(map.Optional("form"));
        var acceptance = ReadAcceptance(map.Optional("acceptance"));
        var limit = CommonParts.TimeLimit(context, map.Optional("time_limit"), basisRequired: false);
        var onRefused = map.Word<MemberRefusal>("on_member_refused") ?? MemberRefusal.StopDependents;
        var consent = ReadConsent(map.Optional("consent"));
        map.Finish();
        CheckGraph(flows);

        if (!declared || name is null || version is null || from is null || lifeEvent is null || lead is null || members.Count == 0)
        {
            return null;
        }

        return new Bundle
        {
            Code = code!,
            Name = name,
            Version = version.Value,
            EffectiveFrom = from.Value,
            EffectiveUntil = until,
            Event = lifeEvent,
            LeadAuthorityId = lead,
            Members = members,
            Flows = flows,
            Form = form,
            Acceptance = acceptance,
            Delivery = delivery,
            TimeLimit = limit,
            OnMemberRefused = onRefused,
            Consent = consent,
            Location = context.At(map.Node),
        };
    }

    private LifeEvent? ReadEvent(YNode? node)
    {
        if (context.Mapping(node, "event ({kind, name, name_en})") is not { } map)
        {
            return null;
        }

        var kind = map.Word<LifeEventKind>("kind", required: true);
        var name = map.Text("name", required: true);
        map.Finish();
        return kind is null || name is null ? null : new LifeEvent(kind.Value, name);
    }

    private List<BundleMember> ReadMembers(YNode? node)
    {
        var items = node is null ? [] : context.Sequence(node, "members");
        if (node is YSequence && items.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingKey, node, "'members' is empty: list at least one procedure ({procedure: <code>}).");
        }

        var members = new List<BundleMember>();
        foreach (var item in items)
        {
            if (ReadMember(item) is { } member)
            {
                members.Add(member);
            }
            else
            {
                _membersComplete = false;
            }
        }

        return members;
    }

    private BundleMember? ReadMember(YNode node)
    {
        var map = context.Mapping(node, "member ({procedure, when, optional, on_refused})");
        if (map is null)
        {
            return null;
        }

        var procedureNode = map.Required("procedure");
        var code = map.Reference("procedure", "procedure", references);
        var when = map.Optional("when") is { } whenNode ? context.Condition(whenNode, "when", facts) : null;
        var optional = map.Bool("optional") ?? false;
        var onRefused = map.Word<MemberRefusal>("on_refused");
        map.Finish();
        if (code is null)
        {
            return null;
        }

        if (_members.TryGetValue(code, out var first))
        {
            context.Error(DiagnosticCodes.DuplicateId, procedureNode!,
                $"Procedure {code} is already a member of this bundle (line {context.At(first.Node).Line}); list each member once, with one 'when'.");
            return null;
        }

        var member = new BundleMember(code, when, optional, onRefused, context.At(map.Node));
        _members[code] = (member, procedureNode!);
        return member;
    }

    /// <summary><c>form</c>: the fact paths of the joint form, each asked once.</summary>
    private List<string> ReadForm(YNode? node)
    {
        var form = new List<string>();
        foreach (var item in node is null ? [] : context.Sequence(node, "facts (entity.field)"))
        {
            if (context.String(item, "fact") is not { } path)
            {
                continue;
            }

            if (facts.Find(path) is null)
            {
                context.UnknownFact(item, path, facts);
            }
            else if (form.Contains(path, StringComparer.Ordinal))
            {
                context.Error(DiagnosticCodes.DuplicateId, item, $"'{path}' is already on the joint form; a fact is asked once, so keep one.");
            }
            else
            {
                form.Add(path);
            }
        }

        return form;
    }

    private BundleAcceptance? ReadAcceptance(YNode? node)
    {
        if (context.Mapping(node, "acceptance ({window, channels})") is not { } map)
        {
            return null;
        }

        var windowNode = map.Optional("window");
        var window = map.Reference("window", "window", references, identifier: true);
        var channels = map.Words<Channel>("channels", "channel");
        map.Finish();
        if (window is not null && windows.TryGetValue(window, out var found) && _membersComplete)
        {
            var missed = _members.Keys.Where(code => !found.Accepts(code)).ToList();
            if (missed.Count > 0)
            {
                context.Warning(DiagnosticCodes.AcceptanceWindowMissesMember, windowNode!,
                    $"Window '{window}' does not accept {string.Join(", ", missed)}, so it cannot accept the whole bundle at once (一窗受理). Add {(missed.Count == 1 ? "it" : "them")} to the window's 'accepts' in authorities.yaml, or choose a window that accepts every member.");
            }
        }

        return new BundleAcceptance(window, channels, context.At(map.Node));
    }

    /// <summary><c>consent</c>: parties who must each confirm; each must be a party some member involves.</summary>
    private List<string> ReadConsent(YNode? node)
    {
        var consent = new List<string>();
        foreach (var item in node is null ? [] : context.Sequence(node, "parties"))
        {
            if (context.Identifier(item, "party") is not { } party)
            {
                continue;
            }

            references.Expect("party", party, context.At(item));
            if (consent.Contains(party, StringComparer.Ordinal))
            {
                context.Error(DiagnosticCodes.DuplicateId, item, $"The party '{party}' is listed twice; keep one.");
                continue;
            }

            consent.Add(party);
            var involved = InvolvedParties();
            if (involved is not null && references.IsDeclared("party", party) && !involved.Contains(party))
            {
                context.Error(DiagnosticCodes.ConsentPartyNotInvolved, item, involved.Count == 0
                    ? $"Consent is asked of party '{party}', but no member procedure names any parties. Add 'parties: [{party}, …]' to the member whose applicant it is, or remove it here."
                    : $"Consent is asked of party '{party}', but no member procedure involves it (they involve: {string.Join(", ", involved.Order(StringComparer.Ordinal))}). Add it to the 'parties' of the member it belongs to, or remove it here.");
            }
        }

        return consent;
    }

    /// <summary>The parties the members involve; null when a member could not be read, so the answer would be a guess.</summary>
    private HashSet<string>? InvolvedParties()
    {
        if (!_membersComplete || _members.Keys.Any(code => !procedures.ContainsKey(code)))
        {
            return null;
        }

        return _members.Keys.SelectMany(code => procedures[code].Parties).ToHashSet(StringComparer.Ordinal);
    }
}
