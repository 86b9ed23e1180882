using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Bundles.Internal;

internal sealed partial class BundleProcess
{
    /// <summary>
    /// One member's branch: wait for the outputs it needs (one producing member at a time, each on its own key),
    /// start its case with them as held evidence, wait for it to end, and pass its output on to the members that
    /// consume it. A member that cannot go ahead tells its consumers so, and they follow the bundle's rule.
    /// </summary>
    public async Task<StepOutcome> MemberAsync(BundleData data, int index, object? received, CancellationToken cancellationToken)
    {
        var member = data.Members[index];
        switch (received)
        {
            case MemberFinished finished when member.State == BundleMemberState.Running:
                Finish(data, member, finished);
                return StepOutcome.Next;
            case BundleInput input when member.State == BundleMemberState.CannotStartYet && member.Inputs.TrueForAll(i => i.From != input.From):
                member.Inputs.Add(input);
                break;
        }

        switch (member.State)
        {
            case BundleMemberState.Running:
                return StepOutcome.WaitFor(BundleEventNames.Member, BundleEventNames.MemberKey(data.BundleCaseId, index));
            case BundleMemberState.CannotStartYet:
                break;
            default:
                // Refused or stopped before it started (at the precheck): its consumers must not wait for it.
                TellConsumers(data, member);
                return StepOutcome.Next;
        }

        if (data.ProducersOf(member).FirstOrDefault(p => member.Inputs.TrueForAll(i => i.From != p.Index)) is { } producer)
        {
            member.Why = "waits for " + string.Join(", ", WaitsFor(data, member));
            return StepOutcome.WaitFor(BundleEventNames.Input, BundleEventNames.InputKey(data.BundleCaseId, index, producer.Index));
        }

        if (member.Inputs.Find(i => !i.Available && data.Members[i.From].OnRefused == MemberRefusal.StopDependents) is { } stopping)
        {
            Stop(data, member, stopping);
            return StepOutcome.Next;
        }

        await StartAsync(data, member, cancellationToken).ConfigureAwait(false);
        return StepOutcome.WaitFor(BundleEventNames.Member, BundleEventNames.MemberKey(data.BundleCaseId, index));
    }

    /// <summary>What <paramref name="member"/> still waits for, as "document from procedure".</summary>
    internal static IEnumerable<string> WaitsFor(BundleData data, BundleMemberData member) =>
        data.Flows.Where(f => f.To == member.Index && member.Inputs.TrueForAll(i => i.From != f.From) && data.Members[f.From].State != BundleMemberState.NotIncluded)
            .Select(f => $"{f.DocumentName} from {data.Members[f.From].ProcedureCode} {data.Members[f.From].Name}");

    private async Task StartAsync(BundleData data, BundleMemberData member, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caseData = member.Case!;
        caseData.SubmittedAt = now;
        var passed = new List<BundlePassed>();
        foreach (var input in member.Inputs)
        {
            foreach (var flow in data.Flows.Where(f => f.From == input.From && f.To == member.Index))
            {
                if (input.Available)
                {
                    caseData.PassedOn.Add(new CasePassedOn
                    {
                        MaterialId = flow.Material,
                        DocumentId = flow.DocumentId,
                        FromCaseId = input.FromCaseId,
                        FromAuthorityId = input.FromAuthorityId,
                        Via = CatalogWords.Of(flow.Via),
                        At = input.At,
                    });
                    passed.Add(new BundlePassed { From = input.From, To = member.Index, DocumentId = flow.DocumentId, Via = flow.Via, At = now });
                }
                else
                {
                    // The producer was refused and the bundle goes on without it: the applicant is asked for the
                    // document in the member's own notice, the only way left to have it.
                    caseData.Gaps.Add(new CaseGap { MaterialId = flow.Material, DocumentId = flow.DocumentId, Status = "missing" });
                    Audit(data, $"member:{member.Index}:without:{flow.DocumentId}", AuditActions.MemberStarted,
                        $"{MemberName(member)} goes ahead without {flow.DocumentName}: {data.Members[input.From].ProcedureCode} {input.Reason}; the applicant is asked for it");
                }
            }
        }

        await cases.StartMemberAsync(data, member, caseData, cancellationToken).ConfigureAwait(false);
        foreach (var item in passed)
        {
            data.Passed.Add(item);
            var from = data.Members[item.From];
            Audit(data, $"passed:{item.From}:{item.To}:{item.DocumentId}", AuditActions.PassedOn,
                $"{item.DocumentId} passed from {from.ProcedureCode} (case {from.CaseId}) to {member.ProcedureCode} (case {member.CaseId}) by {CatalogWords.Of(item.Via)}; the applicant did not carry it");
        }

        member.State = BundleMemberState.Running;
        member.Started = true;
        member.Why = null;
        member.Case = null;
        Audit(data, $"member:{member.Index}:started", AuditActions.MemberStarted, $"{MemberName(member)} started as case {member.CaseId}, routed to {member.AuthorityId}");
    }

    private void Finish(BundleData data, BundleMemberData member, MemberFinished finished)
    {
        member.Outcome = finished.Outcome;
        member.State = finished.Outcome == CaseOutcome.Approved ? BundleMemberState.Done : BundleMemberState.Refused;

        // A done member needs no why (its result goes with the bundle); a refused one carries the officer's reason.
        member.Why = finished.Outcome == CaseOutcome.Approved ? null : finished.Reason;
        Audit(data, $"member:{member.Index}:finished", AuditActions.MemberFinished, $"{MemberName(member)} (case {member.CaseId}) ended {finished.Outcome}: {finished.Reason}");
        TellConsumers(data, member);
    }

    private void Stop(BundleData data, BundleMemberData member, BundleInput stopping)
    {
        var producer = data.Members[stopping.From];
        member.State = BundleMemberState.Stopped;
        member.Why = $"{producer.ProcedureCode} {producer.Name} {stopping.Reason}; the bundle stops the members that need its output";
        member.Case = null;
        Audit(data, $"member:{member.Index}:stopped", AuditActions.MemberStopped, $"{MemberName(member)}: {member.Why}");
        TellConsumers(data, member);
    }

    /// <summary>
    /// Tells each member still waiting for <paramref name="member"/>'s output what it gets: the documents, or that
    /// none will come and why. Published with this step's save, once per key: a re-run passes nothing twice.
    /// </summary>
    private void TellConsumers(BundleData data, BundleMemberData member)
    {
        var available = member.State == BundleMemberState.Done;
        foreach (var consumer in data.ConsumersOf(member).Where(c => c.State is BundleMemberState.Pending or BundleMemberState.CannotStartYet))
        {
            var input = new BundleInput
            {
                From = member.Index,
                Available = available,
                Documents = [.. data.Flows.Where(f => f.From == member.Index && f.To == consumer.Index).Select(f => f.DocumentId)],
                FromCaseId = member.CaseId,
                FromAuthorityId = member.AuthorityId ?? "",
                Reason = available ? null : member.State == BundleMemberState.Stopped ? "was stopped" : $"was refused ({member.Why})",
                At = time.GetUtcNow(),
            };
            events.PublishWith(data.Writes, data.BundleCaseId, BundleEventNames.Input, BundleEventNames.InputKey(data.BundleCaseId, consumer.Index, member.Index), input, "system");
        }
    }
}
