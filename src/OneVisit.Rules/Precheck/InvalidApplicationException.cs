namespace OneVisit.Rules.Precheck;

/// <summary>One thing wrong with an application, and where.</summary>
/// <param name="Field">What is wrong: <c>procedure</c>, <c>facts.applicant.is_agent</c>, <c>documents[2]</c>, …</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ApplicationError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>An application that cannot be prechecked; <see cref="Errors"/> lists every problem at once.</summary>
public sealed class InvalidApplicationException : OneVisitException
{
    /// <summary>Creates the exception from every problem found.</summary>
    public InvalidApplicationException(IReadOnlyList<ApplicationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ApplicationError> Errors { get; }

    private static string Describe(IReadOnlyList<ApplicationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"The application cannot be prechecked: {errors[0]}"
            : $"The application cannot be prechecked ({errors.Count} problems):{Environment.NewLine}  "
              + string.Join(Environment.NewLine + "  ", errors);
    }
}
