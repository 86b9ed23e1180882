using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>A request checked against the catalogue: every reference resolved, every value of its declared type.</summary>
internal sealed record BoundRequest(Procedure Procedure, FactValues Facts, IReadOnlyList<HeldDocument> Documents, Window? Window);

/// <summary>Checks a <see cref="PrecheckRequest"/> and reports every problem at once, with what to write instead.</summary>
internal static class RequestBinder
{
    public static BoundRequest Bind(ProcedureCatalog catalog, PrecheckRequest request, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ApplicationError>();
        var asOf = request.AsOf ?? catalog.Today(time);

        Procedure? procedure = null;
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            errors.Add(new("procedure", "No procedure code was given; give the code of a procedure in the catalogue, e.g. " + catalog.Procedures.Keys.Order(StringComparer.Ordinal).FirstOrDefault() + "."));
        }
        else if (!catalog.Procedures.TryGetValue(request.ProcedureCode, out procedure))
        {
            errors.Add(UnknownProcedure(catalog, request.ProcedureCode));
        }
        else
        {
            CheckInForce(procedure.Code, procedure.Version, procedure.EffectiveFrom, procedure.EffectiveUntil, asOf, errors);
        }

        var window = BindWindow(catalog, request.WindowId, errors);

        var facts = BindFacts(catalog, request.Facts, asOf, errors);

        var documents = request.Documents ?? [];
        CheckDocuments(catalog, documents, asOf, errors);

        if (errors.Count > 0)
        {
            throw new InvalidApplicationException(errors);
        }

        return new BoundRequest(procedure!, facts, documents, window);
    }

    /// <summary>Whether a version in force from <paramref name="from"/> until <paramref name="until"/> (open when null) is in force on <paramref name="asOf"/>.</summary>
    public static bool InForce(DateOnly from, DateOnly? until, DateOnly asOf) => from <= asOf && (until is not { } last || asOf <= last);

    /// <summary>Adds an error when version <paramref name="version"/> of <paramref name="what"/> is not in force on <paramref name="asOf"/>.</summary>
    public static void CheckInForce(string what, int version, DateOnly from, DateOnly? until, DateOnly asOf, List<ApplicationError> errors)
    {
        if (!InForce(from, until, asOf))
        {
            errors.Add(new("as_of", $"{what} version {version} is in force from {from:yyyy-MM-dd}{(until is { } u ? $" to {u:yyyy-MM-dd}" : "")}, not on {asOf:yyyy-MM-dd}; judge on a date within it."));
        }
    }

    public static Window? BindWindow(ProcedureCatalog catalog, string? windowId, List<ApplicationError> errors)
    {
        if (windowId is null)
        {
            return null;
        }

        if (!catalog.Windows.TryGetValue(windowId, out var window))
        {
            errors.Add(new("window", $"'{windowId}' is not a window in authorities.yaml.{Suggestions.DidYouMean(windowId, catalog.Windows.Keys)}"));
        }

        return window;
    }

    public static void CheckDocuments(ProcedureCatalog catalog, IReadOnlyList<HeldDocument> documents, DateOnly asOf, List<ApplicationError> errors)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            CheckDocument(catalog, documents[i], i, asOf, errors);
        }
    }

    /// <summary>The request's answers as typed facts; each wrong one adds an error instead of stopping at the first.</summary>
    public static FactValues BindFacts(ProcedureCatalog catalog, IReadOnlyDictionary<string, object?>? answers, DateOnly asOf, List<ApplicationError> errors)
    {
        var facts = catalog.Facts.CreateValues(asOf);
        foreach (var (path, value) in answers ?? new Dictionary<string, object?>())
        {
            SetFact(catalog.Facts, facts, path, value, errors);
        }

        return facts;
    }

    public static ApplicationError UnknownProcedure(ProcedureCatalog catalog, string code) =>
        new("procedure", $"'{code}' is not a procedure in this catalogue.{Suggestions.DidYouMean(code, catalog.Procedures.Keys)}");

    private static void SetFact(FactSchema schema, FactValues facts, string path, object? value, List<ApplicationError> errors)
    {
        string Field() => "facts." + path;
        if (schema.Find(path) is not { } fact)
        {
            errors.Add(new(Field(), $"'{path}' is not declared in facts.yaml.{Suggestions.DidYouMean(path, schema.Facts.Select(f => f.Path))}"));
            return;
        }

        if (value is null)
        {
            return; // unknown
        }

        switch (fact.Type.Kind, value)
        {
            case (FactKind.Bool, bool b):
                facts.Set(fact, b);
                return;
            case (FactKind.Number or FactKind.Money, decimal d):
                facts.Set(fact, d);
                return;
            case (FactKind.Number or FactKind.Money, int n):
                facts.Set(fact, n);
                return;
            case (FactKind.Number or FactKind.Money, long n):
                facts.Set(fact, n);
                return;
            case (FactKind.Date, DateOnly date):
                facts.Set(fact, date);
                return;
            case (FactKind.Text, string text):
                facts.Set(fact, text);
                return;
            case (FactKind.Enum, string text) when fact.Type.Allows(text):
                facts.Set(fact, text);
                return;
            case (FactKind.Enum, string text):
                errors.Add(new(Field(), $"'{text}' is not a value of {path}; write one of: {string.Join(", ", fact.Type.Values)}.{Suggestions.DidYouMean(text, fact.Type.Values)}"));
                return;
            default:
                errors.Add(new(Field(), $"{path} is declared as {fact.Type} but was given {Describe(value)}; write {Expected(fact.Type)}."));
                return;
        }
    }

    // Field names are built only for errors: a valid request allocates nothing for them.
    private static void CheckDocument(ProcedureCatalog catalog, HeldDocument? held, int index, DateOnly asOf, List<ApplicationError> errors)
    {
        string Field() => $"documents[{index}]";

        if (held is null)
        {
            errors.Add(new(Field(), "A held document is null; remove it or give its document type."));
            return;
        }

        if (!catalog.Documents.TryGetValue(held.DocumentId ?? "", out var type))
        {
            errors.Add(new(Field(), $"'{held.DocumentId}' is not a document type in documents.yaml.{Suggestions.DidYouMean(held.DocumentId ?? "", catalog.Documents.Keys)}"));
            return;
        }

        if (held.FormVersion is { } version)
        {
            if (type.FormVersions.Count == 0)
            {
                errors.Add(new(Field(), $"{type.Id} has no form versions in documents.yaml; leave form_version out."));
            }
            else if (!type.FormVersions.Any(v => v.Version == version))
            {
                errors.Add(new(Field(), $"{type.Id} has no form version '{version}'; it has: {string.Join(", ", type.FormVersions.Select(v => v.Version))}."));
            }
        }

        if (held.IssuedOn is { } issued && issued > asOf)
        {
            errors.Add(new(Field(), $"{type.Id} is issued on {issued:yyyy-MM-dd}, after the as-of date {asOf:yyyy-MM-dd}; check the dates."));
        }

        if (held is { IssuedOn: { } i, ExpiresOn: { } e } && e < i)
        {
            errors.Add(new(Field(), $"{type.Id} expires ({e:yyyy-MM-dd}) before it was issued ({i:yyyy-MM-dd}); check the dates."));
        }
    }

    private static string Describe(object value) => value switch
    {
        string s => $"the text '{s}'",
        bool b => b ? "true" : "false",
        DateOnly d => $"the date {d:yyyy-MM-dd}",
        DateTime => "a DateTime (give a DateOnly)",
        double or float => $"a floating-point number {value} (give a decimal)",
        _ => $"a {value.GetType().Name}",
    };

    private static string Expected(FactType type) => type.Kind switch
    {
        FactKind.Bool => "true or false",
        FactKind.Number => "a number (decimal, int or long)",
        FactKind.Money => "an amount in yuan (decimal, int or long)",
        FactKind.Date => "a DateOnly",
        FactKind.Enum => "one of: " + string.Join(", ", type.Values),
        _ => "a string",
    };
}
