namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// One applicant's facts as a plain object: what the hand-written baseline and RulesEngine read (every field
/// known; the generator never leaves one out for them).
/// </summary>
public sealed class SyntheticFacts
{
    public decimal Age { get; set; }
    public bool IsAgent { get; set; }
    public bool HasEId { get; set; }
    public bool HasSmartphone { get; set; }
    public bool HasLocalHukou { get; set; }
    public bool IsStudent { get; set; }
    public bool HasDisability { get; set; }
    public bool AuthorisesQuery { get; set; }
    public string MaritalStatus { get; set; } = "single";
    public string Kind { get; set; } = "company";
    public string District { get; set; } = "other";
    public string Industry { get; set; } = "retail";
    public decimal Employees { get; set; }
    public decimal RegisteredCapital { get; set; }
    public decimal AnnualRevenue { get; set; }
    public decimal PremisesArea { get; set; }
    public bool SellsFood { get; set; }
    public bool SellsAlcohol { get; set; }
    public bool IsForeignInvested { get; set; }
    public bool ImportsGoods { get; set; }
}

/// <summary>The kind of a synthetic fact, as declared in <c>facts.yaml</c>.</summary>
internal enum FactKind
{
    Bool,
    Enum,
    Number,
    Money,
}

/// <summary>
/// A fact of the synthetic schema: its catalogue path, its property on <see cref="SyntheticFacts"/>, typed
/// accessors for the hand-written baseline, and the values the generator draws from.
/// </summary>
internal sealed record FactSpec(
    string Path,
    FactKind Kind,
    string Property,
    string Description,
    string Question,
    string QuestionEn,
    Func<SyntheticFacts, bool>? Bool = null,
    Func<SyntheticFacts, string>? Text = null,
    Func<SyntheticFacts, decimal>? Number = null,
    Action<SyntheticFacts, object>? Set = null,
    string[]? Values = null,
    decimal[]? Thresholds = null,
    decimal Range = 0,
    decimal Step = 1)
{
    /// <summary>The entity (<c>applicant</c> or <c>business</c>).</summary>
    public string Entity => Path[..Path.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The field name within the entity.</summary>
    public string Field => Path[(Path.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>The value of this fact on <paramref name="facts"/>, boxed as a precheck request carries it.</summary>
    public object Get(SyntheticFacts facts) => Kind switch
    {
        FactKind.Bool => Bool!(facts),
        FactKind.Enum => Text!(facts),
        _ => Number!(facts),
    };

    /// <summary>Every fact the generator's conditions may use.</summary>
    public static readonly FactSpec[] All =
    [
        Num("applicant.age", nameof(SyntheticFacts.Age), "年龄", "您今年多大？", "How old are you?", f => f.Age, (f, v) => f.Age = (decimal)v, [18, 35, 60, 65], 16, 80, 1),
        Flag("applicant.is_agent", nameof(SyntheticFacts.IsAgent), "由代理人办理", "您是受委托代为办理吗？", "Are you applying as an agent?", f => f.IsAgent, (f, v) => f.IsAgent = (bool)v),
        Flag("applicant.has_e_id", nameof(SyntheticFacts.HasEId), "已完成实名认证", "您是否已完成实名认证？", "Have you completed the real-name check?", f => f.HasEId, (f, v) => f.HasEId = (bool)v),
        Flag("applicant.has_smartphone", nameof(SyntheticFacts.HasSmartphone), "能用智能手机刷脸认证", "您能否用智能手机刷脸认证？", "Can you verify your identity on a smartphone?", f => f.HasSmartphone, (f, v) => f.HasSmartphone = (bool)v),
        Flag("applicant.has_local_hukou", nameof(SyntheticFacts.HasLocalHukou), "本市户籍", "您的户口是否在本市？", "Is your household registration in the city?", f => f.HasLocalHukou, (f, v) => f.HasLocalHukou = (bool)v),
        Flag("applicant.is_student", nameof(SyntheticFacts.IsStudent), "在校学生", "您是在校学生吗？", "Are you a student?", f => f.IsStudent, (f, v) => f.IsStudent = (bool)v),
        Flag("applicant.has_disability", nameof(SyntheticFacts.HasDisability), "持有残疾人证", "您是否持有残疾人证？", "Do you hold a disability certificate?", f => f.HasDisability, (f, v) => f.HasDisability = (bool)v),
        Flag("applicant.authorises_query", nameof(SyntheticFacts.AuthorisesQuery), "授权部门查询共享数据", "您是否授权我们查询共享数据？", "Do you authorise us to query shared records?", f => f.AuthorisesQuery, (f, v) => f.AuthorisesQuery = (bool)v),
        Choice("applicant.marital_status", nameof(SyntheticFacts.MaritalStatus), "婚姻状况", "您的婚姻状况是？", "What is your marital status?", f => f.MaritalStatus, (f, v) => f.MaritalStatus = (string)v, ["single", "married", "divorced", "widowed"]),
        Choice("business.kind", nameof(SyntheticFacts.Kind), "主体类型", "申请主体是什么类型？", "What kind of business is it?", f => f.Kind, (f, v) => f.Kind = (string)v, ["sole_trader", "company", "partnership", "cooperative"]),
        Choice("business.district", nameof(SyntheticFacts.District), "经营场所所在区", "经营场所在哪个区？", "In which district are the premises?", f => f.District, (f, v) => f.District = (string)v, ["shangcheng", "xihu", "binjiang", "gongshu", "xiaoshan", "other"]),
        Choice("business.industry", nameof(SyntheticFacts.Industry), "所属行业", "属于哪个行业？", "Which industry is it in?", f => f.Industry, (f, v) => f.Industry = (string)v, ["retail", "catering", "manufacturing", "services", "logistics"]),
        Num("business.employees", nameof(SyntheticFacts.Employees), "从业人数", "有多少从业人员？", "How many people work there?", f => f.Employees, (f, v) => f.Employees = (decimal)v, [10, 30, 50, 100], 0, 200, 1),
        Money("business.registered_capital", nameof(SyntheticFacts.RegisteredCapital), "注册资本（元）", "注册资本是多少元？", "What is the registered capital, in yuan?", f => f.RegisteredCapital, (f, v) => f.RegisteredCapital = (decimal)v, [1_000_000, 5_000_000, 10_000_000], 20_000_000, 100_000),
        Money("business.annual_revenue", nameof(SyntheticFacts.AnnualRevenue), "年营业收入（元）", "年营业收入是多少元？", "What is the annual revenue, in yuan?", f => f.AnnualRevenue, (f, v) => f.AnnualRevenue = (decimal)v, [5_000_000, 20_000_000], 50_000_000, 100_000),
        Num("business.premises_area", nameof(SyntheticFacts.PremisesArea), "经营面积（平方米）", "经营场所面积多少平方米？", "How large are the premises, in square metres?", f => f.PremisesArea, (f, v) => f.PremisesArea = (decimal)v, [100, 300, 1000], 10, 2000, 10),
        Flag("business.sells_food", nameof(SyntheticFacts.SellsFood), "经营食品", "是否经营食品？", "Does it sell food?", f => f.SellsFood, (f, v) => f.SellsFood = (bool)v),
        Flag("business.sells_alcohol", nameof(SyntheticFacts.SellsAlcohol), "经营酒类", "是否经营酒类？", "Does it sell alcohol?", f => f.SellsAlcohol, (f, v) => f.SellsAlcohol = (bool)v),
        Flag("business.is_foreign_invested", nameof(SyntheticFacts.IsForeignInvested), "外商投资", "是否外商投资企业？", "Is it foreign-invested?", f => f.IsForeignInvested, (f, v) => f.IsForeignInvested = (bool)v),
        Flag("business.imports_goods", nameof(SyntheticFacts.ImportsGoods), "进口商品", "是否经营进口商品？", "Does it import goods?", f => f.ImportsGoods, (f, v) => f.ImportsGoods = (bool)v),
    ];

    private static FactSpec Flag(string path, string property, string description, string question, string questionEn, Func<SyntheticFacts, bool> get, Action<SyntheticFacts, object> set) =>
        new(path, FactKind.Bool, property, description, question, questionEn, Bool: get, Set: set);

    private static FactSpec Choice(string path, string property, string description, string question, string questionEn, Func<SyntheticFacts, string> get, Action<SyntheticFacts, object> set, string[] values) =>
        new(path, FactKind.Enum, property, description, question, questionEn, Text: get, Set: set, Values: values);

    private static FactSpec Num(string path, string property, string description, string question, string questionEn, Func<SyntheticFacts, decimal> get, Action<SyntheticFacts, object> set, decimal[] thresholds, decimal min, decimal max, decimal step) =>
        new(path, FactKind.Number, property, description, question, questionEn, Number: get, Set: set, Thresholds: thresholds, Range: max - min, Step: step) { Min = min };

    private static FactSpec Money(string path, string property, string description, string question, string questionEn, Func<SyntheticFacts, decimal> get, Action<SyntheticFacts, object> set, decimal[] thresholds, decimal max, decimal step) =>
        new(path, FactKind.Money, property, description, question, questionEn, Number: get, Set: set, Thresholds: thresholds, Range: max, Step: step);

    /// <summary>The smallest value drawn for a number fact.</summary>
    public decimal Min { get; init; }
}
