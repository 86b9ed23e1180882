using System.Globalization;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Precheck;

// A whole matter (一件事): its verdict, members, every material once, its trips beside the naive sum, one notice.
internal sealed partial class PrecheckText
{
    private readonly BundleLabels _bundle = BundleLabels.For(language);

    /// <summary>Writes a bundle's answer; <paramref name="lead"/> is its lead department, named as the catalogue names it.</summary>
    public void Write(BundlePrecheckResult result, Authority? lead)
    {
        var bundle = result.Bundle;
        output.WriteLine(_labels.Heading(bundle.Code, language.Pick(bundle.Name), bundle.Version, Date(result.AsOf)));
        Action[] sections =
        [
            () => WriteVerdict(result.Verdict, result.Obstacles),
            () => WriteOrganisation(result, lead),
            () => WriteMembers(result.Members),
            () => WriteMaterials(result.Materials),
            () => WriteVisits(result),
            () => WriteOpenQuestions(result.OpenQuestions),
        ];
        WriteSections(sections, result.Notice);
    }

    private void WriteOrganisation(BundlePrecheckResult result, Authority? lead)
    {
        Label(_bundle.Lead);
        output.WriteLine(lead is null ? result.Bundle.LeadAuthorityId : $"{lead.Id} {language.Pick(lead.Name)}");
        Label(_bundle.AcceptancePoint);
        output.WriteLine(result.AcceptancePoint is { } window ? $"{window.Id} {language.Pick(window.Name)}" : _bundle.NoAcceptancePoint);
    }

    private void WriteMembers(IReadOnlyList<BundleMemberResult> members)
    {
        output.WriteLine(_bundle.Members);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var number = $"  {i + 1}. ";
            var indent = new string(' ', number.Length);
            output.Write($"{number}{member.Procedure.Code} {language.Pick(member.Procedure.Name)}  ");
            output.WriteLine(_terms.Of(member.Inclusion), InclusionTone(member.Inclusion));
            output.WriteLine($"{indent}{language.Pick(member.Why)}", ConsoleColour.Dim);
            if (member.Authority is { } authority)
            {
                output.WriteLine($"{indent}{_labels.Authority.Trim()} {authority.Id} {language.Pick(authority.Name)}{_labels.Level(_terms.Of(authority.Level))}");
            }

            if (member.WaitsFor.Count > 0)
            {
                var names = member.WaitsFor.Select(code => members.FirstOrDefault(m => m.Procedure.Code == code) is { } m ? $"{code} {language.Pick(m.Procedure.Name)}" : code);
                output.WriteLine($"{indent}{_bundle.WaitsFor} {string.Join(_bundle.ListSeparator, names)}{_bundle.AfterThem}", ConsoleColour.Yellow);
            }
        }
    }

    private void WriteMaterials(IReadOnlyList<BundleMaterial> materials)
    {
        output.WriteLine(_bundle.Materials);
        var nameWidth = materials.Select(m => TextTable.Width(language.Pick(m.Name))).DefaultIfEmpty(0).Max();
        var statusWidth = Enum.GetValues<MaterialStatus>().Max(s => TextTable.Width(_terms.Of(s)));
        var detail = new string(' ', 2 + nameWidth + 2 + statusWidth + 2);
        foreach (var material in materials)
        {
            output.Write($"  {Pad(language.Pick(material.Name), nameWidth)}  ");
            output.Write(Pad(_terms.Of(material.Status), statusWidth), StatusTone(material.Status));
            output.WriteLine($"  {language.Pick(material.Note)}");
            if (material.PassedOn is { } passed && passed.Note.Text != material.Note.Text)
            {
                output.WriteLine(detail + language.Pick(passed.Note));
            }

            output.WriteLine(detail + _bundle.UsedBy(string.Join(_bundle.ListSeparator, material.UsedBy.Select(u => u.ProcedureCode).Distinct(StringComparer.Ordinal))), ConsoleColour.Dim);
        }
    }

    private void WriteVisits(BundlePrecheckResult result)
    {
        var visits = result.Visits;
        Label(_labels.Visits);
        output.WriteLine(visits.Count.ToString(CultureInfo.InvariantCulture), visits.Count <= 1 ? ConsoleColour.Green : ConsoleColour.Yellow);
        foreach (var trip in visits.Trips)
        {
            Label(_labels.Visit(trip.Number));
            output.WriteLine($"{language.Pick(trip.Place)}{language.Pick("：", ": ")}{language.Pick(trip.Why)}");
            foreach (var touch in trip.Touchpoints)
            {
                var reason = touch.Reason;
                Label("");
                output.Write($"  {touch.ProcedureCode} " + _labels.VisitReason(reason.StepId, _terms.Of(reason.Reason), language.Pick(reason.Why.Text)));
                output.WriteLine(reason.Needed == Truth.Unknown ? _labels.OnlyIfAnswered : "", ConsoleColour.Yellow);
            }
        }

        Label(_bundle.Total);
        output.WriteLine(_bundle.Summary(visits.Count, visits.NaiveSum), visits.Saved > 0 ? ConsoleColour.Green : ConsoleColour.None);
        Label(_bundle.OnTheirOwn);
        output.WriteLine(string.Join(_bundle.ListSeparator, result.Members.Where(m => visits.PerMember.ContainsKey(m.Procedure.Code)).Select(m => _bundle.OwnCount(m.Procedure.Code, visits.PerMember[m.Procedure.Code]))));
    }

    private static ConsoleColour InclusionTone(MemberInclusion inclusion) => inclusion switch
    {
        MemberInclusion.Included => ConsoleColour.Green,
        MemberInclusion.Undecided => ConsoleColour.Yellow,
        MemberInclusion.Refused or MemberInclusion.Stopped => ConsoleColour.Red,
        _ => ConsoleColour.Dim,
    };
}
