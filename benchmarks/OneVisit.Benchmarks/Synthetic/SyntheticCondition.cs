using System.Globalization;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// A generated condition, kept as a small tree so that the same rule can be written three ways: in the catalogue's
/// expression language (<see cref="ToCatalogue"/>), as a RulesEngine lambda expression (<see cref="ToLambda"/>)
/// and as a plain C# delegate (<see cref="ToDelegate"/>). Facts are always known on the comparison path, so
/// two-valued logic is exact there.
/// </summary>
internal abstract record SyntheticCondition
{
    public abstract string ToCatalogue();

    public abstract string ToLambda(string input);

    public abstract Func<SyntheticFacts, bool> ToDelegate();

    public abstract IEnumerable<FactSpec> Facts();

    /// <summary>A fact that is true: <c>applicant.is_agent</c>, or its negation.</summary>
    public sealed record IsTrue(FactSpec Fact, bool Negated) : SyntheticCondition
    {
        public override string ToCatalogue() => Negated ? $"not {Fact.Path}" : Fact.Path;

        public override string ToLambda(string input) => Negated ? $"!{input}.{Fact.Property}" : $"{input}.{Fact.Property}";

        public override Func<SyntheticFacts, bool> ToDelegate()
        {
            var get = Fact.Bool!;
            return Negated ? f => !get(f) : get;
        }

        public override IEnumerable<FactSpec> Facts() => [Fact];
    }

    /// <summary>An enum fact among some values: <c>business.kind in ["company", "partnership"]</c>, or not among them.</summary>
    public sealed record OneOf(FactSpec Fact, string[] Values, bool Negated) : SyntheticCondition
    {
        public override string ToCatalogue() => Values.Length == 1
            ? $"{Fact.Path} {(Negated ? "!=" : "=")} \"{Values[0]}\""
            : $"{Fact.Path} {(Negated ? "not in" : "in")} [{string.Join(", ", Values.Select(v => $"\"{v}\""))}]";

        public override string ToLambda(string input) => "(" + string.Join(
            Negated ? " && " : " || ",
            Values.Select(v => $"{input}.{Fact.Property} {(Negated ? "!=" : "==")} \"{v}\"")) + ")";

        public override Func<SyntheticFacts, bool> ToDelegate()
        {
            var get = Fact.Text!;
            var values = Values;
            return Negated ? f => Array.IndexOf(values, get(f)) < 0 : f => Array.IndexOf(values, get(f)) >= 0;
        }

        public override IEnumerable<FactSpec> Facts() => [Fact];
    }

    /// <summary>A number compared with a threshold: <c>business.registered_capital >= 500万</c>.</summary>
    public sealed record Compare(FactSpec Fact, string Operator, decimal Threshold) : SyntheticCondition
    {
        public override string ToCatalogue() => $"{Fact.Path} {Operator} {Literal()}";

        public override string ToLambda(string input) => $"{input}.{Fact.Property} {Operator} {Threshold.ToString(CultureInfo.InvariantCulture)}";

        public override Func<SyntheticFacts, bool> ToDelegate()
        {
            var get = Fact.Number!;
            var t = Threshold;
            return Operator switch
            {
                "<" => f => get(f) < t,
                "<=" => f => get(f) <= t,
                ">" => f => get(f) > t,
                _ => f => get(f) >= t,
            };
        }

        public override IEnumerable<FactSpec> Facts() => [Fact];

        // Policy staff write money in 万 (ten thousand); the loader reads both forms.
        private string Literal() => Fact.Kind == FactKind.Money && Threshold % 10_000 == 0
            ? (Threshold / 10_000).ToString(CultureInfo.InvariantCulture) + "万"
            : Threshold.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Two conditions joined by <c>and</c> or <c>or</c>.</summary>
    public sealed record Join(SyntheticCondition Left, bool IsAnd, SyntheticCondition Right) : SyntheticCondition
    {
        public override string ToCatalogue() => $"{Wrap(Left.ToCatalogue(), Left)} {(IsAnd ? "and" : "or")} {Wrap(Right.ToCatalogue(), Right)}";

        public override string ToLambda(string input) => $"({Left.ToLambda(input)}) {(IsAnd ? "&&" : "||")} ({Right.ToLambda(input)})";

        public override Func<SyntheticFacts, bool> ToDelegate()
        {
            var left = Left.ToDelegate();
            var right = Right.ToDelegate();
            return IsAnd ? f => left(f) && right(f) : f => left(f) || right(f);
        }

        public override IEnumerable<FactSpec> Facts() => Left.Facts().Concat(Right.Facts());

        private static string Wrap(string text, SyntheticCondition part) => part is Join ? $"({text})" : text;
    }

    /// <summary>A random condition of one to three parts over <paramref name="facts"/>.</summary>
    public static SyntheticCondition Draw(Random random, IReadOnlyList<FactSpec> facts)
    {
        var parts = random.Next(100) switch { < 50 => 1, < 85 => 2, _ => 3 };
        var condition = Atom(random, facts);
        for (var i = 1; i < parts; i++)
        {
            condition = new Join(Atom(random, facts), random.Next(2) == 0, condition);
        }

        return condition;
    }

    private static SyntheticCondition Atom(Random random, IReadOnlyList<FactSpec> facts)
    {
        var fact = facts[random.Next(facts.Count)];
        switch (fact.Kind)
        {
            case FactKind.Bool:
                return new IsTrue(fact, random.Next(4) == 0);
            case FactKind.Enum:
                var values = fact.Values!.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, fact.Values!.Length - 1))).ToArray();
                return new OneOf(fact, values, random.Next(4) == 0);
            default:
                string[] operators = ["<", "<=", ">", ">="];
                return new Compare(fact, operators[random.Next(operators.Length)], fact.Thresholds![random.Next(fact.Thresholds!.Length)]);
        }
    }
}
