using System.Globalization;

namespace OneVisit.Rules.Expressions;

/// <summary>
/// The facts known about one application, with the date it is judged on. A fact that was never set is unknown.
/// One instance belongs to one fact schema; conditions read it by slot, without dictionaries or boxing.
/// </summary>
public sealed class FactValues
{
    private readonly Slot[] _slots;

    /// <summary>Creates an empty set of facts (all unknown) for <paramref name="schema"/>.</summary>
    public FactValues(IFactResolver schema, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        AsOf = asOf;
        _slots = new Slot[schema.SlotCount];
    }

    /// <summary>The schema these facts belong to.</summary>
    public IFactResolver Schema { get; }

    /// <summary>The date the application is judged on (<c>as_of</c> in conditions).</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Sets a <c>bool</c> fact.</summary>
    public FactValues Set(FactSymbol fact, bool value)
    {
        Check(fact, FactKind.Bool);
        _slots[fact.Slot] = new Slot { Known = true, Bool = value };
        return this;
    }

    /// <summary>Sets a <c>number</c> or <c>money</c> fact.</summary>
    public FactValues Set(FactSymbol fact, decimal value)
    {
        Check(fact, FactKind.Number, FactKind.Money);
        _slots[fact.Slot] = new Slot { Known = true, Number = value };
        return this;
    }

    /// <summary>Sets a <c>date</c> fact.</summary>
    public FactValues Set(FactSymbol fact, DateOnly value)
    {
        Check(fact, FactKind.Date);
        _slots[fact.Slot] = new Slot { Known = true, Date = value };
        return this;
    }

    /// <summary>Sets a <c>text</c> or <c>enum</c> fact; an enum value must be one the schema allows.</summary>
    public FactValues Set(FactSymbol fact, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Check(fact, FactKind.Text, FactKind.Enum);
        if (fact.Type.Kind == FactKind.Enum && !fact.Type.Allows(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a value of {fact.Path}; allowed: {string.Join(", ", fact.Type.Values)}.", nameof(value));
        }

        _slots[fact.Slot] = new Slot { Known = true, Text = value };
        return this;
    }

    /// <summary>Makes a fact unknown again.</summary>
    public FactValues Unset(FactSymbol fact)
    {
        CheckSchema(fact);
        _slots[fact.Slot] = default;
        return this;
    }

    /// <summary>Whether the fact was given.</summary>
    public bool IsKnown(FactSymbol fact)
    {
        CheckSchema(fact);
        return _slots[fact.Slot].Known;
    }

    /// <summary>The fact's value (bool, decimal, DateOnly or string), or null when unknown.</summary>
    public object? Get(FactSymbol fact)
    {
        CheckSchema(fact);
        var slot = _slots[fact.Slot];
        if (!slot.Known)
        {
            return null;
        }

        return fact.Type.Kind switch
        {
            FactKind.Bool => slot.Bool,
            FactKind.Number or FactKind.Money => slot.Number,
            FactKind.Date => slot.Date,
            _ => slot.Text,
        };
    }

    /// <summary>A copy that can be changed without touching this one (for "what if" questions).</summary>
    public FactValues Clone()
    {
        var copy = new FactValues(Schema, AsOf);
        _slots.CopyTo(copy._slots, 0);
        return copy;
    }

    /// <summary>The known facts as <c>path = value</c>, for logs and test failures.</summary>
    public override string ToString() => string.Join(", ",
        Schema.Facts.Where(f => _slots[f.Slot].Known).OrderBy(f => f.Slot)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Path} = {Get(f)}")));

    // Read by compiled conditions; the slot index comes from type-checked symbols, never from input text.
    internal Truth TruthAt(int slot)
    {
        ref readonly var s = ref _slots[slot];
        return !s.Known ? Truth.Unknown : s.Bool ? Truth.True : Truth.False;
    }

    internal bool KnownAt(int slot) => _slots[slot].Known;

    internal decimal? NumberAt(int slot) => _slots[slot].Known ? _slots[slot].Number : null;

    internal DateOnly? DateAt(int slot) => _slots[slot].Known ? _slots[slot].Date : null;

    internal string? TextAt(int slot) => _slots[slot].Known ? _slots[slot].Text : null;

    private void Check(FactSymbol fact, FactKind kind, FactKind? alternative = null)
    {
        CheckSchema(fact);
        if (fact.Type.Kind != kind && fact.Type.Kind != alternative)
        {
            throw new ArgumentException(
                $"{fact.Path} is declared as {fact.Type}; it cannot take a {kind.ToString().ToLowerInvariant()} value.",
                nameof(fact));
        }
    }

    private void CheckSchema(FactSymbol fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if ((uint)fact.Slot >= (uint)_slots.Length || !ReferenceEquals(Schema.Find(fact.Path), fact))
        {
            throw new ArgumentException($"{fact.Path} is not a fact of this schema.", nameof(fact));
        }
    }

    private struct Slot
    {
        public bool Known;
        public bool Bool;
        public DateOnly Date;
        public decimal Number;
        public string? Text;
    }
}
