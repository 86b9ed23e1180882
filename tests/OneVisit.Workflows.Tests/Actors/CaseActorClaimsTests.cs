using System.Security.Claims;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// <see cref="CaseActorClaims"/>: the claims a host's sign-in issues make the same actor again, an unauthenticated
/// principal is no one, and malformed claims fail loudly, naming the claim, instead of acting on a guess.
/// </summary>
public sealed class CaseActorClaimsTests
{
    private const string Subject = "330106198001010011";
    private static readonly DateTimeOffset Until = new(2017, 3, 20, 17, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset From = new(2017, 2, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> ActorKinds => ["applicant", "agent", "agent, procedures and start", "officer", "officer, several posts", "department", "system"];

    [Theory]
    [MemberData(nameof(ActorKinds))]
    public void ToClaims_ThenFromPrincipal_MakesTheSameActor(string kind)
    {
        var actor = Actor(kind);

        var back = CaseActorClaims.FromPrincipal(Principal(CaseActorClaims.ToClaims(actor)));

        Assert.NotNull(back);
        Assert.Equal(actor.Kind, back.Kind);
        Assert.Equal(actor.Id, back.Id);
        Assert.Equal(actor.AuditName, back.AuditName);
        Assert.Equal(actor.Posts, back.Posts);
        Assert.Equal(actor.Mandate?.PrincipalId, back.Mandate?.PrincipalId);
        Assert.Equal(actor.Mandate?.ValidUntil, back.Mandate?.ValidUntil);
        Assert.Equal(actor.Mandate?.ValidUntil.Offset, back.Mandate?.ValidUntil.Offset);
        Assert.Equal(actor.Mandate?.ValidFrom, back.Mandate?.ValidFrom);
        Assert.Equal(actor.Mandate?.ProcedureCodes ?? [], back.Mandate?.ProcedureCodes ?? []);
        Assert.Null(back.Purpose);
    }

    [Fact]
    public void ToClaims_Officer_OneClaimPerPostInTheDocumentedForm()
    {
        var officer = CaseActor.Officer("officer-1", new OfficerPost("zj_amr", OfficerRole.Reviewer), new OfficerPost("hz_amr", OfficerRole.IntakeWindow), new OfficerPost("hz_amr", OfficerRole.Auditor));

        var claims = CaseActorClaims.ToClaims(officer);

        Assert.Equal("officer", Assert.Single(claims, c => c.Type == CaseActorClaims.Kind).Value);
        Assert.Equal("officer-1", Assert.Single(claims, c => c.Type == ClaimTypes.NameIdentifier).Value);
        Assert.Equal(["zj_amr/reviewer", "hz_amr/intake_window", "hz_amr/auditor"], claims.Where(c => c.Type == CaseActorClaims.Post).Select(c => c.Value));
    }

    [Fact]
    public void ToClaims_AgentWithoutProceduresOrStart_HasNoSuchClaims()
    {
        var claims = CaseActorClaims.ToClaims(CaseActor.Agent("agent-1", new Mandate(Subject, Until)));

        Assert.Equal(Subject, Assert.Single(claims, c => c.Type == CaseActorClaims.MandatePrincipal).Value);
        Assert.Single(claims, c => c.Type == CaseActorClaims.MandateUntil);
        Assert.DoesNotContain(claims, c => c.Type is CaseActorClaims.MandateFrom or CaseActorClaims.MandateProcedure);
    }

    [Fact]
    public void FromPrincipal_SubInsteadOfNameIdentifier_IsTheId()
    {
        var actor = CaseActorClaims.FromPrincipal(Principal([new(CaseActorClaims.Kind, "department"), new("sub", "hz_psb")]));

        Assert.Equal("department:hz_psb", actor?.AuditName);
    }

    [Fact]
    public void FromPrincipal_NotAuthenticated_IsNoOne()
    {
        var claims = CaseActorClaims.ToClaims(CaseActor.Applicant(Subject));

        Assert.Null(CaseActorClaims.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims))));
        Assert.Null(CaseActorClaims.FromPrincipal(new ClaimsPrincipal()));
        Assert.Null(CaseActorClaims.FromPrincipal(null));
    }

    [Fact]
    public void FromPrincipal_AuthenticatedWithoutKindClaim_IsNoOne()
    {
        Assert.Null(CaseActorClaims.FromPrincipal(Principal([new(ClaimTypes.NameIdentifier, Subject)])));
    }

    [Fact]
    public void FromPrincipal_NoNameIdentifier_NamesTheClaim()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal([new(CaseActorClaims.Kind, "applicant")])));

        Assert.Contains(ClaimTypes.NameIdentifier, error.Message, StringComparison.Ordinal);
        Assert.Contains("sub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPrincipal_UnknownKind_NamesTheClaimAndTheValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal([new(CaseActorClaims.Kind, "minister"), new(ClaimTypes.NameIdentifier, "m-1")])));

        Assert.Contains(CaseActorClaims.Kind, error.Message, StringComparison.Ordinal);
        Assert.Contains("'minister'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zj_amr/judge")]
    [InlineData("zj_amr")]
    [InlineData("/reviewer")]
    [InlineData("zj_amr/Reviewer")]
    [InlineData("zj_amr/IntakeWindow")]
    public void FromPrincipal_BadPost_NamesTheClaimAndTheValue(string post)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal(
            [new(CaseActorClaims.Kind, "officer"), new(ClaimTypes.NameIdentifier, "officer-1"), new(CaseActorClaims.Post, "hz_amr/reviewer"), new(CaseActorClaims.Post, post)])));

        Assert.Contains(CaseActorClaims.Post, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{post}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseActorClaims.MandateUntil, "next tuesday")]
    [InlineData(CaseActorClaims.MandateUntil, "")]
    [InlineData(CaseActorClaims.MandateFrom, "2017-13-01T00:00:00+08:00")]
    [InlineData(CaseActorClaims.MandateUntil, "2017-03-01T00:00:00")] // no offset: a different instant on each server
    public void FromPrincipal_BadMandateDate_NamesTheClaimAndTheValue(string claim, string value)
    {
        var claims = CaseActorClaims.ToClaims(CaseActor.Agent("agent-1", new Mandate(Subject, Until, validFrom: From)))
            .Where(c => c.Type != claim)
            .Append(new Claim(claim, value))
            .ToList();

        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal(claims)));

        Assert.Contains(claim, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseActorClaims.MandatePrincipal)]
    [InlineData(CaseActorClaims.MandateUntil)]
    public void FromPrincipal_AgentWithoutMandateClaim_NamesTheClaim(string missing)
    {
        var claims = CaseActorClaims.ToClaims(CaseActor.Agent("agent-1", new Mandate(Subject, Until))).Where(c => c.Type != missing).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal(claims)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applicant", ClaimTypes.NameIdentifier, "3301061980\n01010011")]
    [InlineData("department", ClaimTypes.NameIdentifier, "hz_psb\r\nsystem")]
    [InlineData("officer", ClaimTypes.NameIdentifier, "officer\u00071")]
    [InlineData("officer", CaseActorClaims.Post, "zj_amr\n/reviewer")]
    [InlineData("agent", ClaimTypes.NameIdentifier, "agent\t1")]
    [InlineData("agent", CaseActorClaims.MandatePrincipal, "3301061980\u000001010011")]
    [InlineData("agent", CaseActorClaims.MandateProcedure, "330100-SC-0003\u2028")]
    public void FromPrincipal_ControlCharacterInAnId_IsRefusedAsInput(string kind, string claim, string value)
    {
        var claims = CaseActorClaims.ToClaims(Actor(kind == "agent" ? "agent, procedures and start" : kind))
            .Where(c => c.Type != claim)
            .Append(new Claim(claim, value))
            .ToList();

        var error = Assert.Throws<InvalidCaseInputException>(() => CaseActorClaims.FromPrincipal(Principal(claims)));

        // The message never quotes the value: a line break in it could forge a log or audit line.
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_ControlCharactersInIds_AreRefused()
    {
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Applicant("a\nb"));
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Department("hz_psb\u0085"));
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Officer("o\r1", new OfficerPost("zj_amr", OfficerRole.Reviewer)));
        Assert.Throws<InvalidCaseInputException>(() => new OfficerPost("zj\namr", OfficerRole.Reviewer));
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Agent("a\n1", new Mandate(Subject, Until)));
        Assert.Throws<InvalidCaseInputException>(() => new Mandate("x\ny", Until));
        Assert.Throws<InvalidCaseInputException>(() => new Mandate(Subject, Until, ["330100-SC-0003\n"]));
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Applicant(Subject).For("complaint\n2017-17"));
        Assert.Throws<InvalidCaseInputException>(() => CaseActor.Applicant(Subject).For("   "));
    }

    [Fact]
    public void Officer_NoPost_IsRefused()
    {
        var error = Assert.Throws<InvalidCaseInputException>(() => CaseActor.Officer("officer-1"));

        Assert.Equal("posts", error.ParameterName);
    }

    [Fact]
    public void Mandate_EndingBeforeItStarts_IsRefused()
    {
        var error = Assert.Throws<InvalidCaseInputException>(() => new Mandate(Subject, From, validFrom: Until));

        Assert.Equal("validUntil", error.ParameterName);
    }

    [Fact]
    public void AuditName_NamesEachKindAsTheAuditLogDoes()
    {
        Assert.Equal(
            [$"applicant:{Subject}", $"agent:agent-1 for {Subject}", "officer:officer-1", "department:hz_psb", "system"],
            new[] { "applicant", "agent", "officer", "department", "system" }.Select(k => Actor(k).AuditName));
    }

    [Fact]
    public void For_KeepsWhoAndAddsThePurpose()
    {
        var officer = Actor("officer, several posts");

        var reading = officer.For("  complaint 2017-17 ");

        Assert.Equal(("complaint 2017-17", officer.AuditName, officer.Posts), (reading.Purpose, reading.AuditName, reading.Posts));
        Assert.Null(officer.Purpose);
    }

    private static CaseActor Actor(string kind) => kind switch
    {
        "applicant" => CaseActor.Applicant(Subject),
        "agent" => CaseActor.Agent("agent-1", new Mandate(Subject, Until)),
        "agent, procedures and start" => CaseActor.Agent("agent-2", new Mandate(Subject, Until, ["330100-SC-0003", "330100-YJS-0001"], From)),
        "officer" => CaseActor.Officer("officer-1", new OfficerPost("zj_amr", OfficerRole.Reviewer)),
        "officer, several posts" => CaseActor.Officer("officer-2", new OfficerPost("zj_amr", OfficerRole.Reviewer), new OfficerPost("hz_amr", OfficerRole.IntakeWindow), new OfficerPost("hz_citizen_center", OfficerRole.Auditor)),
        "department" => CaseActor.Department("hz_psb"),
        "system" => CaseActor.System,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ClaimsPrincipal Principal(IEnumerable<Claim> claims) => new(new ClaimsIdentity(claims, authenticationType: "test"));

    [Fact]
    public void FromPrincipal_OfficerWithoutAPostClaim_NamesTheClaim()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal([new(CaseActorClaims.Kind, "officer"), new(ClaimTypes.NameIdentifier, "o-1")])));

        Assert.Contains(CaseActorClaims.Post, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPrincipal_MandateStartingAfterItEnds_NamesTheClaims()
    {
        var claims = CaseActorClaims.ToClaims(CaseActor.Agent("agent-1", new Mandate(Subject, Until, validFrom: From)))
            .Where(c => c.Type != CaseActorClaims.MandateFrom)
            .Append(new Claim(CaseActorClaims.MandateFrom, Until.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        var error = Assert.Throws<InvalidOperationException>(() => CaseActorClaims.FromPrincipal(Principal(claims)));

        Assert.Contains(CaseActorClaims.MandateFrom, error.Message, StringComparison.Ordinal);
    }
}
