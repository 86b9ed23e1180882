using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// The bundle precheck: decides which members belong to the matter, prechecks each one that does (in dependency
/// order, with what earlier members pass on counted as passed on, never asked of the citizen), then merges their
/// materials, notices and questions into one and counts the matter's trips. Each member is checked once, by the same
/// engine a single procedure uses, so a bundle costs about the sum of its members.
/// </summary>
internal sealed class BundleChecker(ProcedureCatalog catalog, WorkingCalendar calendar, TimeProvider time, Func<BoundRequest, PrecheckResult> check)
{
    public BundlePrecheckResult Check(BundlePrecheckRequest request)
    {
        var (bundle, asOf, facts, window) = Bind(request);
        var questions = new Dictionary<string, (OpenQuestion Question, int Order)>(StringComparer.Ordinal);
        var members = new Dictionary<string, BundleMemberResult>(StringComparer.Ordinal);
        var ordered = bundle.InDependencyOrder();
        foreach (var member in ordered)
        {
            members[member.ProcedureCode] = Member(bundle, member, request, facts, window, members, questions);
        }

        var all = bundle.Members.Select(m => members[m.ProcedureCode]).ToList();
        var goingAhead = ordered.Select(m => members[m.ProcedureCode]).Where(m => m.GoesAhead).ToList();
        foreach (var member in goingAhead)
        {
            foreach (var question in member.Result!.OpenQuestions)
            {
                Ask(questions, question);
            }
        }

        var acceptance = bundle.Acceptance?.WindowId is { } windowId ? catalog.Windows[windowId] : null;
        var materials = BundleMaterials.Merge(bundle, goingAhead);
        var visits = BundleTrips.Count(bundle, goingAhead, catalog, acceptance);
        var verdict = Decide(bundle, all, goingAhead, visits, out var obstacles);
        var gaps = verdict == Verdict.NotEligible ? [] : materials.Where(m => m.IsGap).Select(m => m.UsedBy.MinBy(u => u.Material.IsGap ? 0 : 1)!.Material).ToList();
        return new BundlePrecheckResult
        {
            Bundle = bundle,
            AsOf = asOf,
            Verdict = verdict,
            Obstacles = obstacles,
            Members = all,
            Materials = materials,
            Notice = gaps.Count == 0 ? null : new DeficiencyNotice(bundle.Code, bundle.Name, asOf, calendar.AddWorkingDays(asOf, DeficiencyNotice.NotifyWithinWorkingDays), gaps),
            OpenQuestions = [.. questions.Values.OrderByDescending(q => q.Question.Weight).ThenByDescending(q => q.Question.Affects.Count).ThenBy(q => q.Order).Select(q => q.Question)],
            Visits = visits,
            AcceptancePoint = acceptance,
        };
    }

    private BundleMemberResult Member(
        Bundle bundle,
        BundleMember member,
        BundlePrecheckRequest request,
        FactValues facts,
        Window? window,
        Dictionary<string, BundleMemberResult> decided,
        Dictionary<string, (OpenQuestion, int)> questions)
    {
        var procedure = catalog.Procedures[member.ProcedureCode];
        var producers = bundle.FlowsInto(procedure.Code).Select(f => f.FromProcedure).Distinct(StringComparer.Ordinal).ToList();
        if (request.LeftOut.Contains(procedure.Code, StringComparer.Ordinal))
        {
            return new(procedure, MemberInclusion.LeftOut, new("申请人选择不办理此项", "The applicant chose to leave it out"), null, []);
        }

        if (producers.Select(p => decided[p]).FirstOrDefault(p => p.Inclusion is MemberInclusion.Refused or MemberInclusion.Stopped && Stops(bundle, p.Procedure.Code)) is { } blocker)
        {
            return new(procedure, MemberInclusion.Stopped,
                new($"需要{blocker.Procedure.Name.Text}的结果，而该事项不予办理", $"Needs the result of {blocker.Procedure.Name.EnglishOrText}, which cannot go ahead"),
                null, [blocker.Procedure.Code]);
        }

        // What earlier members issue settles facts for this one (a business licence, once registration is done): it
        // is judged as it will be when its turn comes, not refused for lacking what the bundle itself provides.
        var producing = producers.Where(p => decided[p].GoesAhead).ToList();
        var settled = Settled(bundle, procedure.Code, producing);
        var own = settled.Count == 0 ? facts : Settle(facts, settled);
        var included = member.When?.Condition.Evaluate(own) ?? Truth.True;
        if (included == Truth.False)
        {
            return new(procedure, MemberInclusion.Excluded, new($"不适用：{member.When!.Text}不成立", $"Does not apply: {member.When!.Text} does not hold"), null, []);
        }

        if (included == Truth.Unknown)
        {
            foreach (var fact in member.When!.Condition.Facts.Where(f => !own.IsKnown(f)))
            {
                Ask(questions, new OpenQuestion(catalog.Facts.Definition(fact.Path)!, QuestionCollector.EligibilityWeight, [procedure.Code]));
            }
        }

        var goingAhead = producing;
        // Each member gets its own copy of the joint form's answers (a custom rule may change the facts it sees).
        var result = check(new BoundRequest(procedure, settled.Count == 0 ? facts.Clone() : own, [.. request.Documents, .. PassedOn(bundle, procedure, goingAhead)], window));
        if (result.Verdict == Verdict.NotEligible)
        {
            return new(procedure, MemberInclusion.Refused, result.Obstacles.FirstOrDefault() ?? new("不符合办理条件", "Not eligible"), result, goingAhead);
        }

        var why = included == Truth.Unknown
            ? new LocalizedText($"是否办理取决于尚未回答的问题（{member.When!.Text}）", $"Whether it applies depends on an open question ({member.When!.Text})")
            : member.When is { } when
                ? new LocalizedText($"适用：{when.Text}", $"Applies: {when.Text}")
                : new LocalizedText("本一件事的必办事项", "Part of every such matter");
        return new(procedure, included == Truth.True ? MemberInclusion.Included : MemberInclusion.Undecided, why, result, goingAhead);
    }

    // What the members this one depends on issue: passed on by their department (the precheck shows it as such and
    // never asks for it), or carried by the citizen as a paper result.
    private IEnumerable<HeldDocument> PassedOn(Bundle bundle, Procedure procedure, List<string> producers)
    {
        foreach (var flow in bundle.FlowsInto(procedure.Code).Where(f => producers.Contains(f.FromProcedure, StringComparer.Ordinal)))
        {
            var party = procedure.Materials.FirstOrDefault(m => m.Id == flow.ToMaterial)?.Party;
            yield return flow.PassedOn
                ? new HeldDocument(flow.DocumentId, Electronic: true) { Party = party, PassedOnBy = flow.FromProcedure }
                : new HeldDocument(flow.DocumentId, Electronic: false) { Party = party };
        }
    }

    private static List<string> Settled(Bundle bundle, string code, List<string> producers) =>
        [.. bundle.FlowsInto(code).Where(f => producers.Contains(f.FromProcedure, StringComparer.Ordinal)).SelectMany(f => f.Settles).Distinct(StringComparer.Ordinal)];

    private FactValues Settle(FactValues facts, List<string> settled)
    {
        var own = facts.Clone();
        foreach (var path in settled)
        {
            own.Set(catalog.Facts.Find(path)!, true);
        }

        return own;
    }

    private static bool Stops(Bundle bundle, string code) =>
        (bundle.Members.First(m => m.ProcedureCode == code).OnRefused ?? bundle.OnMemberRefused) == MemberRefusal.StopDependents;

    // The matter is refused when none of it can go ahead, or when a member it cannot do without is refused (a required
    // member whose refusal stops the others: no registration, no company); the members that can still go ahead are
    // reported all the same. Otherwise anything still to supply or answer makes it "not yet", and then the trips decide.
    private static Verdict Decide(Bundle bundle, List<BundleMemberResult> all, List<BundleMemberResult> goingAhead, BundleVisits visits, out List<LocalizedText> obstacles)
    {
        obstacles = [];
        var blocking = all.Where(m => m.Inclusion == MemberInclusion.Refused
            && bundle.Members.First(b => b.ProcedureCode == m.Procedure.Code) is { Optional: false }
            && Stops(bundle, m.Procedure.Code)).ToList();
        if (blocking.Count > 0)
        {
            foreach (var refused in blocking)
            {
                obstacles.AddRange(refused.Result!.Obstacles.Select(o => new LocalizedText($"{refused.Procedure.Name.Text}：{o.Text}", $"{refused.Procedure.Name.EnglishOrText}: {o.EnglishOrText}")));
            }

            obstacles.AddRange(all.Where(m => m.Inclusion == MemberInclusion.Stopped).Select(m => new LocalizedText($"{m.Procedure.Name.Text}：{m.Why.Text}", $"{m.Procedure.Name.EnglishOrText}: {m.Why.EnglishOrText}")));
            return Verdict.NotEligible;
        }

        if (goingAhead.Count == 0)
        {
            obstacles.AddRange(all.Where(m => m.Inclusion == MemberInclusion.Refused).SelectMany(m => m.Result!.Obstacles));
            if (obstacles.Count == 0)
            {
                obstacles.Add(new("此情形下本一件事没有需要办理的事项", "No member of this matter applies in this situation"));
            }

            return Verdict.NotEligible;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in goingAhead)
        {
            if (member.Inclusion == MemberInclusion.Undecided && seen.Add(member.Why.Text))
            {
                obstacles.Add(new($"{member.Procedure.Name.Text}：{member.Why.Text}", $"{member.Procedure.Name.EnglishOrText}: {member.Why.EnglishOrText}"));
            }

            obstacles.AddRange(member.Result!.Obstacles.Where(o => seen.Add(o.Text)));
        }

        return obstacles.Count > 0 ? Verdict.NotYet : visits.Count switch
        {
            0 => Verdict.Online,
            1 => Verdict.OneVisit,
            _ => Verdict.MultipleVisits,
        };
    }

    private static void Ask(Dictionary<string, (OpenQuestion Question, int Order)> questions, OpenQuestion question)
    {
        if (questions.TryGetValue(question.Path, out var asked))
        {
            var affects = asked.Question.Affects.Union(question.Affects, StringComparer.Ordinal).ToList();
            questions[question.Path] = (asked.Question with { Weight = Math.Max(asked.Question.Weight, question.Weight), Affects = affects }, asked.Order);
        }
        else
        {
            questions[question.Path] = (question, questions.Count);
        }
    }

    private (Bundle Bundle, DateOnly AsOf, FactValues Facts, Window? Window) Bind(BundlePrecheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ApplicationError>();
        if (string.IsNullOrWhiteSpace(request.BundleCode) || !catalog.Bundles.TryGetValue(request.BundleCode, out var bundle))
        {
            throw new InvalidApplicationException([new("bundle", string.IsNullOrWhiteSpace(request.BundleCode)
                ? "No bundle code was given; give the code of a bundle in the catalogue's bundles/ folder."
                : $"'{request.BundleCode}' is not a bundle in this catalogue.{Suggestions.DidYouMean(request.BundleCode, catalog.Bundles.Keys)}")]);
        }

        var asOf = request.AsOf ?? catalog.Today(time);
        RequestBinder.CheckInForce(bundle.Code, bundle.Version, bundle.EffectiveFrom, bundle.EffectiveUntil, asOf, errors);

        for (var i = 0; i < request.LeftOut.Count; i++)
        {
            var code = request.LeftOut[i];
            if (bundle.Members.FirstOrDefault(m => m.ProcedureCode == code) is not { } member)
            {
                errors.Add(new($"left_out[{i}]", $"'{code}' is not a member of {bundle.Code}.{Suggestions.DidYouMean(code ?? "", bundle.Members.Select(m => m.ProcedureCode))}"));
            }
            else if (!member.Optional)
            {
                errors.Add(new($"left_out[{i}]", $"{code} is a required member of {bundle.Code}: it cannot be left out."));
            }
        }

        foreach (var member in bundle.Members.Select(m => catalog.Procedures[m.ProcedureCode]))
        {
            RequestBinder.CheckInForce($"Member {member.Code}", member.Version, member.EffectiveFrom, member.EffectiveUntil, asOf, errors);
        }

        var window = RequestBinder.BindWindow(catalog, request.WindowId, errors);
        var facts = RequestBinder.BindFacts(catalog, request.Facts, asOf, errors);
        RequestBinder.CheckDocuments(catalog, request.Documents ?? [], asOf, errors);
        if (errors.Count > 0)
        {
            throw new InvalidApplicationException(errors);
        }

        return (bundle, asOf, facts, window);
    }
}
