using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>An integrator's mistakes get one exception listing every problem, each with what to write instead.</summary>
public sealed class InvalidApplicationTests
{
    private static readonly DateOnly Morning = new(2017, 2, 18);

    [Fact]
    public void Check_UnknownProcedure_SuggestsTheNearestCode()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest { ProcedureCode = "330100-sc-0001", AsOf = Morning }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("procedure", problem.Field);
        Assert.Contains("330100-SC-0001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownDocument_SuggestsTheNearestDocumentType()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0001",
            AsOf = Morning,
            Documents = [new HeldDocument("bussiness_licence")],
        }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("documents[0]", problem.Field);
        Assert.Contains("'business_licence'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applicant.is_agent", "yes", "bool")]
    [InlineData("enterprise.registered_capital", "lots", "money")]
    [InlineData("branch.premises_type", "rented", "leased")]
    public void Check_FactOfTheWrongType_SaysWhatToWrite(string path, string value, string expectedInMessage)
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0001",
            AsOf = Morning,
            Facts = new Dictionary<string, object?> { [path] = value },
        }));

        var problem = Assert.Single(error.Errors);
        Assert.Equal($"facts.{path}", problem.Field);
        Assert.Contains(expectedInMessage, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DoubleForAMoneyFact_AsksForADecimal()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0003",
            AsOf = Morning,
            Facts = new Dictionary<string, object?> { ["enterprise.registered_capital"] = 1e7 },
        }));

        Assert.Contains("decimal", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0002",
            AsOf = Morning,
            WindowId = "hz_generl_window",
            Facts = new Dictionary<string, object?> { ["vehicle.is_seizd"] = false, ["buyer.is_enterprise"] = 1 },
            Documents =
            [
                new HeldDocument("vehicle_transfer_form", FormVersion: "2010"),
                new HeldDocument("resident_id_card", IssuedOn: new DateOnly(2018, 1, 1)),
            ],
        }));

        Assert.Equal(["window", "facts.vehicle.is_seizd", "facts.buyer.is_enterprise", "documents[0]", "documents[1]"], error.Errors.Select(e => e.Field));
        Assert.Contains("hz_general_window", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("vehicle.is_seized", error.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("2008, 2012", error.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("after the as-of date", error.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("5 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DateBeforeTheProcedureExisted_SaysWhenItIsInForce()
    {
        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.Check(new PrecheckRequest
        {
            ProcedureCode = "330100-SC-0003",
            AsOf = new DateOnly(2010, 1, 1),
        }));

        Assert.Contains("in force from 2013-03-01", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckMany_InvalidRequest_NamesItsIndex()
    {
        var valid = FoundingErrandTests.FromTestCase("分公司设立登记，缺两项材料，一次性告知");

        var error = Assert.Throws<InvalidApplicationException>(() => SampleCatalogue.Engine.CheckMany([valid, valid with { ProcedureCode = "nope" }]));

        Assert.Equal("[1].procedure", Assert.Single(error.Errors).Field);
    }
}
