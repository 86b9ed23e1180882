using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NRules;
using NRules.RuleModel;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Precheck;

/// <summary>
/// Prechecks applications against a catalogue: before a person leaves home, everything the procedure will ask of
/// them. Each procedure's conditions become their own NRules rule set, compiled on first use and cached with a
/// bound; every check runs in a fresh session. Thread-safe: share one engine per catalogue.
/// </summary>
public sealed class PrecheckEngine
{
    private readonly ProcedureCatalog _catalog;
    private readonly PrecheckOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RuleSetCache _cache;
    private readonly Resolver _resolver;
    private readonly BundleChecker _bundles;
    private readonly BundleChecker _populationBundles;

    /// <summary>Creates an engine for <paramref name="catalog"/>.</summary>
    /// <param name="catalog">A loaded catalogue.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="timeProvider">Gives "today" for requests without an as-of date; the system clock when null.</param>
    /// <param name="logger">Logs compilations and evictions; nothing when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range (every one is named).</exception>
    public PrecheckEngine(ProcedureCatalog catalog, PrecheckOptions? options = null, TimeProvider? timeProvider = null, ILogger<PrecheckEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options ?? new PrecheckOptions();
        PrecheckOptionsValidator.ThrowIfInvalid(_options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _cache = new RuleSetCache(_options.RuleSetCacheCapacity, Compile, code => Log.RuleSetEvicted(_logger, code, _options.RuleSetCacheCapacity));
        _resolver = new Resolver(catalog, _options.Calendar);
        _bundles = new BundleChecker(catalog, _options.Calendar, _time, CheckBound);
        _populationBundles = new BundleChecker(catalog, _options.Calendar, _time, CheckBoundForPopulation);
    }

    /// <summary>The catalogue the engine checks against.</summary>
    public ProcedureCatalog Catalog => _catalog;

    /// <summary>How many procedures' rule sets are compiled and cached now.</summary>
    public int CachedRuleSets => _cache.Count;

    /// <summary>How many rule sets were compiled so far (a procedure evicted and used again compiles again).</summary>
    public int Compilations => _cache.Compilations;

    /// <summary>Prechecks one application.</summary>
    /// <exception cref="InvalidApplicationException">The request names an unknown procedure, fact, document or window, or gives a value of the wrong type.</exception>
    public PrecheckResult Check(PrecheckRequest request) => CheckBound(RequestBinder.Bind(_catalog, request, _time));

    // A request already bound: the bundle precheck binds the joint form once for all its members.
    private PrecheckResult CheckBound(BoundRequest bound)
    {
        var rules = _cache.Get(bound.Procedure.Code);
        var application = new PrecheckApplication(bound, rules.Rules.Count);
        var session = rules.Sessions.CreateSession();
        session.Insert(application);
        session.Fire();
        var result = _resolver.Resolve(rules, application);
        Log.Prechecked(_logger, result.Procedure.Code, result.Verdict, result.Notice?.Items.Count ?? 0, result.OpenQuestions.Count);
        return result;
    }

    /// <summary>
    /// Prechecks a whole life- or business-event bundle (一件事) for one applicant: which members apply, every
    /// material once (what one member's department passes to another is shown as passed on, never asked for), one
    /// notice, one list of questions, and the trips the whole matter takes beside the naive sum of its members' own
    /// visits. Each member is prechecked once, as <see cref="Check"/> would.
    /// </summary>
    /// <exception cref="InvalidApplicationException">The request names an unknown bundle, member, fact, document or window, or gives a value of the wrong type.</exception>
    public BundlePrecheckResult CheckBundle(BundlePrecheckRequest request)
    {
        var result = _bundles.Check(request);
        Log.BundlePrechecked(_logger, result.Bundle.Code, result.Verdict, result.Visits.Count, result.Visits.NaiveSum);
        return result;
    }

    /// <summary>
    /// Prechecks many applications: the path for what-if analysis over a population (e.g. "how many renters would need
    /// a visit if this exemption were dropped?"). A procedure with custom rules runs one NRules session for all its
    /// applications; one without evaluates its compiled catalogue conditions directly, with results identical to
    /// <see cref="Check"/>'s (a differential test holds the two paths to that). Results come in request order.
    /// </summary>
    /// <exception cref="InvalidApplicationException">A request is invalid; its index is part of each error's field.</exception>
    public IReadOnlyList<PrecheckResult> CheckMany(IReadOnlyList<PrecheckRequest> requests)
    {
        var bound = EachRequest(requests, r => RequestBinder.Bind(_catalog, r, _time));
        var results = new PrecheckResult[requests.Count];
        foreach (var group in Enumerable.Range(0, bound.Length).GroupBy(i => bound[i].Procedure.Code, StringComparer.Ordinal))
        {
            var rules = _cache.Get(group.Key);
            var applications = group.Select(i => (Index: i, App: new PrecheckApplication(bound[i], rules.Rules.Count))).ToList();
            if (!rules.HasCustomRules)
            {
                foreach (var (index, app) in applications)
                {
                    results[index] = CheckDirect(rules, app);
                }

                continue;
            }

            var session = rules.Sessions.CreateSession();
            session.InsertAll(applications.Select(a => a.App));
            session.Fire();
            foreach (var (index, app) in applications)
            {
                results[index] = _resolver.Resolve(rules, app);
            }
        }

        return results;
    }

    /// <summary>
    /// Prechecks many bundle applications: <see cref="CheckBundle"/> for a population (what-if over life events). Each
    /// member is checked as <see cref="CheckMany"/> would: its compiled catalogue conditions evaluated directly when no
    /// custom rule applies to it, an NRules session when one does; results identical to <see cref="CheckBundle"/>'s.
    /// Results come in request order.
    /// </summary>
    /// <exception cref="InvalidApplicationException">A request is invalid; its index is part of each error's field.</exception>
    public IReadOnlyList<BundlePrecheckResult> CheckBundleMany(IReadOnlyList<BundlePrecheckRequest> requests) =>
        EachRequest(requests, _populationBundles.Check);

    // Applies each to every request; every invalid request's errors are gathered, named by index, and thrown together.
    private static TResult[] EachRequest<TRequest, TResult>(IReadOnlyList<TRequest> requests, Func<TRequest, TResult> each)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new TResult[requests.Count];
        var errors = new List<ApplicationError>();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                results[i] = each(requests[i]);
            }
            catch (InvalidApplicationException e)
            {
                errors.AddRange(e.Errors.Select(x => x with { Field = $"[{i}].{x.Field}" }));
            }
        }

        return errors.Count > 0 ? throw new InvalidApplicationException(errors) : results;
    }

    /// <summary>Compiles a procedure's rule set now, e.g. to warm the cache at start-up.</summary>
    /// <exception cref="InvalidApplicationException">The catalogue has no such procedure.</exception>
    public void Warm(string procedureCode)
    {
        if (!_catalog.Procedures.ContainsKey(procedureCode))
        {
            throw new InvalidApplicationException([RequestBinder.UnknownProcedure(_catalog, procedureCode)]);
        }

        _ = _cache.Get(procedureCode).Sessions;
    }

    // A bundle member in a population run: the direct path unless custom rules apply to its procedure.
    private PrecheckResult CheckBoundForPopulation(BoundRequest bound)
    {
        var rules = _cache.Get(bound.Procedure.Code);
        return rules.HasCustomRules ? CheckBound(bound) : CheckDirect(rules, new PrecheckApplication(bound, rules.Rules.Count));
    }

    private PrecheckResult CheckDirect(ProcedureRules rules, PrecheckApplication application)
    {
        DirectRules.Fire(rules, application);
        return _resolver.Resolve(rules, application);
    }

    private ProcedureRules Compile(string code)
    {
        var procedure = _catalog.Procedures[code];
        var custom = _options.CustomRules.Where(r => AppliesTo(r, code)).ToList();
        var builder = RuleSetBuilder.Build(procedure, custom);
        return new ProcedureRules
        {
            Procedure = procedure,
            Rules = builder.Rules,
            CompileSessions = () => CompileSessions(procedure, builder),
            Acceptance = builder.Acceptance,
            Eligibility = builder.Eligibility,
            Jurisdiction = builder.Jurisdiction,
            Materials = builder.Materials,
            MaterialTemplates = MaterialTemplate.For(procedure, _catalog, builder.Rules, builder.Materials),
            Visits = VisitTemplate.For(procedure, _catalog.Parties),
            Reasons = RuleReasons.For(procedure, builder.Rules, builder),
            DefaultRoute = Resolver.DefaultRoute(procedure, _catalog.Authorities[procedure.Jurisdiction.DefaultAuthorityId]),
            Exemptions = builder.Exemptions,
            Presence = builder.Presence,
            Remote = builder.Remote,
            Fees = builder.Fees,
            HasCustomRules = custom.Count > 0,
        };
    }

    // The NRules part, the costly one (milliseconds a procedure): only a Check, or a population run over a procedure
    // with custom rules, pays it. A population run over 11,452 procedures would otherwise compile each on every engine.
    private ISessionFactory CompileSessions(Procedure procedure, RuleSetBuilder builder)
    {
        var started = Stopwatch.GetTimestamp();
        var definitions = builder.Definitions();

        // Conditions compile to blocks with temporaries (three-valued and/or); NRules cannot compare blocks when it
        // looks for shareable nodes, so it is told to treat them as distinct, which they are.
        var compiler = new RuleCompiler(new RuleCompilerOptions { UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual });
        if (_options.UseFastExpressionCompiler)
        {
            compiler.ExpressionCompiler = new FastCompiler(expression => Log.CompilerFallback(_logger, expression));
        }

        try
        {
            var sessions = compiler.Compile(definitions);
            Log.RuleSetCompiled(_logger, procedure.Code, procedure.Version, definitions.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return sessions;
        }
        catch (RuleCompilationException e)
        {
            throw new OneVisitException($"The rules of procedure {procedure.Code} could not be compiled ({e.RuleName}): {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static bool AppliesTo(IRuleDefinition rule, string code)
    {
        var scoped = false;
        foreach (var tag in rule.Tags)
        {
            if (tag.StartsWith(PrecheckOptions.ProcedureTagPrefix, StringComparison.Ordinal))
            {
                if (tag.AsSpan(PrecheckOptions.ProcedureTagPrefix.Length).SequenceEqual(code))
                {
                    return true;
                }

                scoped = true;
            }
        }

        return !scoped;
    }
}
