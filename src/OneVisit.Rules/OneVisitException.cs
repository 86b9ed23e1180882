namespace OneVisit.Rules;

/// <summary>The root of OneVisit's exceptions: catch this to handle any error OneVisit raises on purpose.</summary>
public class OneVisitException : Exception
{
    /// <summary>Creates an exception with a message that says what happened and what to do.</summary>
    public OneVisitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    public OneVisitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
