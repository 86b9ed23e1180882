using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// A policy reform: a declarative, dated diff against a catalogue, written by policy staff in one YAML file under
/// any name (docs/whatif.md). Applying it gives an ordinary in-memory catalogue; it never edits the catalogue's files.
/// </summary>
public sealed record Reform
{
    /// <summary>The reform's id (<c>reform:</c>), used in reports and in the run record.</summary>
    public required string Id { get; init; }

    /// <summary>What the reform is, in words.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The day the reform would take effect.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>The changes, applied in the order written.</summary>
    public required IReadOnlyList<ReformChange> Changes { get; init; }

    /// <summary>The file's lower-case hex SHA-256, so a run record names exactly this text.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The file the reform came from.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>Which procedures a change reaches: every procedure that asks for the document (or has the step), or the ones named.</summary>
/// <param name="Codes">The procedures named; empty means all of them.</param>
public sealed record ProcedureSelection(IReadOnlyList<string> Codes)
{
    /// <summary>Every procedure the change can apply to.</summary>
    public static ProcedureSelection All { get; } = new([]);

    /// <summary>Whether the selection names no procedure, and so reaches them all.</summary>
    public bool IsAll => Codes.Count == 0;

    /// <summary>Whether <paramref name="code"/> is selected.</summary>
    public bool Includes(string code) => IsAll || Codes.Contains(code, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => IsAll ? "all" : string.Join(", ", Codes);
}

/// <summary>One change of a reform. Each kind says what it does to the catalogue; <see cref="ReformApplication"/> applies them.</summary>
/// <param name="Location">Where the change is written.</param>
public abstract record ReformChange(SourceLocation Location);

/// <summary>
/// A department shares a document type (共享): it answers evidence requests for it in <paramref name="Regions"/>, and
/// the selected consumers' materials of that type may be fetched instead of brought (a data-sharing exemption is
/// added first where the material has none).
/// </summary>
/// <param name="DocumentId">The document type shared.</param>
/// <param name="SourceAuthorityId">The department that answers; by default the document's issuer.</param>
/// <param name="Regions">The regions it answers for; by default the catalogue's region.</param>
/// <param name="Consumers">The procedures that may fetch it.</param>
/// <param name="When">When the consumer may fetch it (the applicant's consent, say); always when null.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record ShareDocument(string DocumentId, string? SourceAuthorityId, IReadOnlyList<string> Regions, ProcedureSelection Consumers, PolicyCondition? When, SourceLocation Location)
    : ReformChange(Location);

/// <summary>
/// A material is no longer asked for (<paramref name="OnlyWhen"/> null), or only when a condition holds (made
/// conditional: required when it was before and this holds).
/// </summary>
/// <param name="DocumentId">The material's document type.</param>
/// <param name="Procedures">The procedures whose material of that type changes.</param>
/// <param name="OnlyWhen">The new condition, or null to drop it.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record DropMaterial(string DocumentId, ProcedureSelection Procedures, PolicyCondition? OnlyWhen, SourceLocation Location)
    : ReformChange(Location);

/// <summary>
/// A new way to spare a material: a commitment replacing a certificate (告知承诺), an e-licence, data sharing or
/// acceptance with a gap. Added after the material's existing exemptions, which keep their preference.
/// </summary>
/// <param name="DocumentId">The material's document type.</param>
/// <param name="Procedures">The procedures whose material gains it.</param>
/// <param name="Exemption">The exemption as it will stand in each material.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AddExemption(string DocumentId, ProcedureSelection Procedures, Exemption Exemption, SourceLocation Location)
    : ReformChange(Location);

/// <summary>A remote alternative to presence steps for one reason (a video signature, a face scan), where the step has none.</summary>
/// <param name="Reason">The presence reason whose steps gain it.</param>
/// <param name="StepId">Only the step of this id, when given.</param>
/// <param name="Procedures">The procedures whose steps gain it.</param>
/// <param name="Alternative">The alternative as it will stand in each step.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AddRemoteAlternative(PresenceReason Reason, string? StepId, ProcedureSelection Procedures, RemoteAlternative Alternative, SourceLocation Location)
    : ReformChange(Location);

/// <summary>
/// Results may be delivered by post or as an e-licence: the delivery is added to the selected procedures, and their
/// pickup steps gain it as a remote alternative, so a pickup-only result no longer costs a trip.
/// </summary>
/// <param name="Delivery">Post (<see cref="ResultDelivery.Mail"/>) or <see cref="ResultDelivery.ELicence"/>.</param>
/// <param name="Procedures">The procedures that gain it; with <see cref="ProcedureSelection.All"/>, every procedure whose result is collected.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AllowDelivery(ResultDelivery Delivery, ProcedureSelection Procedures, SourceLocation Location)
    : ReformChange(Location);

/// <summary>
/// The application may be made through a remote channel (online, in the app, by post): the hand-in at a window, the
/// trip a procedure without one always costs, is no longer the only way to apply.
/// </summary>
/// <param name="Channel">The channel added.</param>
/// <param name="Procedures">The procedures that gain it.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AllowChannel(Channel Channel, ProcedureSelection Procedures, SourceLocation Location)
    : ReformChange(Location);

/// <summary>One member's result passed on to another member of an existing bundle, so the citizen does not carry it.</summary>
/// <param name="BundleCode">The bundle.</param>
/// <param name="Flow">The flow as it will stand in the bundle.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AddFlow(string BundleCode, BundleFlow Flow, SourceLocation Location)
    : ReformChange(Location);

/// <summary>Procedures merged into a new bundle (一件事), written as a bundle file is.</summary>
/// <param name="Bundle">The new bundle.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AddBundle(Bundle Bundle, SourceLocation Location)
    : ReformChange(Location);
