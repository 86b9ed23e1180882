namespace OneVisit.Workflows.Cases;

/// <summary>
/// The limits on identifiers a caller gives the case service (documented in docs/cases.md). They are stored and
/// printed in audit trails and listings, so they must not be able to forge a line: no control characters
/// (newlines, tabs, escapes), no surrounding spaces, and a bounded length.
/// </summary>
public static class CaseInputs
{
    /// <summary>Most characters in an applicant, officer, authority, window or department id, or an idempotency key.</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>Most characters in a free-text reason or purpose.</summary>
    public const int MaxTextLength = 2000;

    internal static void Identifier(string? value, string parameterName, string caseId = "")
    {
        if (string.IsNullOrEmpty(value) || string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} is required and cannot be empty.");
        }

        if (value.Length > MaxIdentifierLength)
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} has {value.Length} characters; at most {MaxIdentifierLength} are allowed.");
        }

        // Before the check that quotes the value: a value with a line break inside must never reach a message.
        NoControlCharacters(value, parameterName, caseId);
        if (value.Trim().Length != value.Length)
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} '{value.Trim()}' has spaces around it; remove them.");
        }
    }

    /// <summary>What every submission names, a case's or a bundle's: its key, whom it is about, how the result should go.</summary>
    internal static void Submission(string? idempotencyKey, string? applicantId, Rules.Catalog.ResultDelivery? delivery)
    {
        Identifier(idempotencyKey, "submission.IdempotencyKey");
        Identifier(applicantId, "submission.ApplicantId");
        if (delivery is { } way)
        {
            Defined(way, "submission.PreferredDelivery", "");
        }
    }

    /// <summary>Documents handed in: there are some, and their ids, editions and parties cannot forge an audit line.</summary>
    internal static void Documents(SuppliedDocuments? documents, string caseId)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Documents is not { Count: > 0 })
        {
            throw new UnexpectedCaseEventException(caseId, "No documents were supplied.");
        }

        for (var i = 0; i < documents.Documents.Count; i++)
        {
            Identifier(documents.Documents[i].DocumentId, $"documents.Documents[{i}].DocumentId", caseId);
            Text(documents.Documents[i].FormVersion, $"documents.Documents[{i}].FormVersion", caseId);
            Text(documents.Documents[i].Party, $"documents.Documents[{i}].Party", caseId);
        }
    }

    internal static void Text(string? value, string parameterName, string caseId)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxTextLength)
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} has {value.Length} characters; at most {MaxTextLength} are allowed.");
        }

        NoControlCharacters(value, parameterName, caseId);
    }

    internal static void Defined<TEnum>(TEnum value, string parameterName, string caseId)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} is {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}, which is not a {typeof(TEnum).Name}; use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void NoControlCharacters(string value, string parameterName, string caseId)
    {
        var at = value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (at < 0)
        {
            at = value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f');
        }

        if (at < 0)
        {
            at = value.AsSpan().IndexOfAny('\u2028', '\u2029');
        }

        if (at >= 0)
        {
            throw new InvalidCaseInputException(caseId, parameterName, $"{parameterName} contains a control character (U+{(int)value[at]:X4}) at position {at}; newlines, tabs and other control characters are not allowed.");
        }
    }
}
