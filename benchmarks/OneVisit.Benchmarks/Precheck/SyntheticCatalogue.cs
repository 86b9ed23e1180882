using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Precheck;

/// <summary>
/// The synthetic catalogue, written as YAML and loaded like any other so the benchmark measures what a
/// real catalogue costs: procedures of 8 conditional materials (bool, enum and number facts; data-sharing,
/// e-licence, commitment and accept-with-gap exemptions), one eligibility rule, one jurisdiction rule and one
/// presence step with a remote alternative. <see cref="Applications"/> varies the facts and documents
/// deterministically, some facts unknown, so a benchmark cycling through them does not measure one lucky path.
/// </summary>
internal static class SyntheticCatalogue
{
    /// <summary>The date every application is judged on (given explicitly: no clock in the measurement).</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    /// <summary>The code of the <paramref name="index"/>-th procedure (0-based).</summary>
    public static string Code(int index) => $"BENCH-{index + 1:0000}";

    /// <summary>Writes the catalogue to a fresh temporary folder, loads it, deletes the folder.</summary>
    /// <exception cref="InvalidOperationException">The catalogue has any diagnostic: it must lint clean.</exception>
    public static ProcedureCatalog Load(int procedures = 1)
    {
        var directory = Path.Combine(Path.GetTempPath(), "onevisit-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(directory, procedures);
            var result = CatalogLoader.Load(directory);
            if (result.Diagnostics.Count > 0)
            {
                throw new InvalidOperationException(
                    "The synthetic catalogue does not lint clean:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
            }

            return result.GetCatalogOrThrow();
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Writes the catalogue's files into <paramref name="directory"/> (e.g. to run <c>onevisit lint</c> on it).</summary>
    public static void Write(string directory, int procedures = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(procedures, 1);
        Directory.CreateDirectory(Path.Combine(directory, "procedures"));
        File.WriteAllText(Path.Combine(directory, "catalog.yaml"), CatalogYaml);
        File.WriteAllText(Path.Combine(directory, "facts.yaml"), FactsYaml);
        File.WriteAllText(Path.Combine(directory, "authorities.yaml"), AuthoritiesYaml);
        File.WriteAllText(Path.Combine(directory, "documents.yaml"), DocumentsYaml);
        for (var i = 0; i < procedures; i++)
        {
            File.WriteAllText(Path.Combine(directory, "procedures", Code(i).ToLowerInvariant() + ".yaml"), ProcedureYaml(Code(i)));
        }
    }

    /// <summary>
    /// <paramref name="count"/> applications to <paramref name="procedureCode"/>, each different: facts cycle with
    /// co-prime periods (a few left unknown), documents are held, expired or missing, windows vary.
    /// </summary>
    public static PrecheckRequest[] Applications(string procedureCode, int count = 64)
    {
        string[] marital = ["single", "married", "divorced", "widowed"];
        string[] kinds = ["sole_trader", "company", "partnership"];
        string[] districts = ["shangcheng", "xihu", "binjiang", "other"];
        var requests = new PrecheckRequest[count];
        for (var i = 0; i < count; i++)
        {
            var facts = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["applicant.age"] = i % 16 == 3 ? null : i % 13 == 0 ? 16 : 18 + (i * 7 % 50),
                ["applicant.is_agent"] = i % 3 == 0,
                ["applicant.has_e_id"] = i % 11 == 0 ? null : i % 4 != 0,
                ["applicant.has_smartphone"] = i % 9 == 0 ? null : i % 5 is not (1 or 2),
                ["applicant.has_local_hukou"] = i % 2 == 0,
                ["applicant.marital_status"] = marital[i % marital.Length],
                ["applicant.authorises_query"] = i % 7 != 3,
                ["business.kind"] = kinds[i % kinds.Length],
                ["business.employees"] = i * 5 % 40,
                ["business.registered_capital"] = i % 8 * 1_000_000m,
                ["business.sells_food"] = i % 17 == 0 ? null : i % 4 == 1,
                ["business.district"] = districts[i % districts.Length],
            };

            var documents = new List<HeldDocument>();
            if (i % 2 == 0)
            {
                documents.Add(new HeldDocument("resident_id_card", IssuedOn: new(2020, 3, 1), ExpiresOn: i % 12 == 6 ? new(2026, 1, 1) : new(2040, 3, 1)));
            }

            if (i % 5 == 0)
            {
                documents.Add(new HeldDocument("business_licence", IssuedOn: new(2022, 6, 1), Electronic: i % 10 == 0));
            }

            if (i % 7 == 0)
            {
                documents.Add(new HeldDocument("lease_contract", IssuedOn: new(2026, 1, 15), Electronic: true));
            }

            requests[i] = new PrecheckRequest
            {
                ProcedureCode = procedureCode,
                AsOf = AsOf,
                WindowId = (i % 8) switch { 0 => "hz_window", 4 => "bj_window", _ => null },
                Facts = facts,
                Documents = documents,
            };
        }

        return requests;
    }

    /// <summary>The facts of <paramref name="request"/> as <see cref="FactValues"/>, set through the public API only.</summary>
    public static FactValues ValuesOf(FactSchema schema, PrecheckRequest request)
    {
        var values = schema.CreateValues(request.AsOf ?? AsOf);
        foreach (var (path, value) in request.Facts)
        {
            var fact = schema.Find(path) ?? throw new InvalidOperationException($"The synthetic schema has no fact {path}.");
            _ = value switch
            {
                null => values,
                bool b => values.Set(fact, b),
                int n => values.Set(fact, n),
                decimal d => values.Set(fact, d),
                string s => values.Set(fact, s),
                _ => throw new InvalidOperationException($"Unexpected value {value} for {path}."),
            };
        }

        return values;
    }

    /// <summary>Every condition the procedure's rule set evaluates, in catalogue order.</summary>
    public static Condition[] ConditionsOf(Procedure procedure)
    {
        var conditions = new List<PolicyCondition?>();
        conditions.AddRange(procedure.Conditions.Select(c => c.Check));
        conditions.AddRange(procedure.Eligibility.Select(e => e.DenyWhen));
        conditions.AddRange(procedure.Jurisdiction.Rules.Select(j => j.When));
        foreach (var material in procedure.Materials)
        {
            conditions.Add(material.RequiredWhen);
            conditions.AddRange(material.Exemptions.Select(e => e.When));
        }

        foreach (var step in procedure.Presence)
        {
            conditions.Add(step.When);
            conditions.Add(step.RemoteAlternative?.When);
        }

        conditions.AddRange(procedure.Fees.Select(f => f.When));
        return [.. conditions.OfType<PolicyCondition>().Select(c => c.Condition)];
    }

    private const string CatalogYaml = """
        name: 合成基准目录
        name_en: Synthetic benchmark catalogue
        region: zhejiang/hangzhou
        default_language: zh-CN
        as_of: 2026-11-25
        """;

    private const string FactsYaml = """
        entities:
          applicant:
            description: 申请人
            fields:
              age:
                type: number
                description: 年龄
                question: 您今年多大？
                question_en: How old are you?
              is_agent:
                type: bool
                description: 由代理人办理
                question: 您是受委托代为办理吗？
                question_en: Are you applying as an agent?
              has_e_id:
                type: bool
                description: 已完成实名认证
                question: 您是否已完成实名认证？
                question_en: Have you completed the real-name check?
              has_smartphone:
                type: bool
                description: 能用智能手机刷脸认证
                question: 您能否用智能手机刷脸认证？
                question_en: Can you verify your identity by face scan on a smartphone?
              has_local_hukou:
                type: bool
                description: 本市户籍
                question: 您的户口是否在本市？
                question_en: Is your household registration in the city?
              marital_status:
                type: enum
                values: [single, married, divorced, widowed]
                description: 婚姻状况
                question: 您的婚姻状况是？
                question_en: What is your marital status?
              authorises_query:
                type: bool
                description: 授权部门查询共享数据
                question: 您是否授权我们查询共享数据？
                question_en: Do you authorise us to query shared records?
          business:
            description: 申请主体
            fields:
              kind:
                type: enum
                values: [sole_trader, company, partnership]
                description: 主体类型
                question: 申请主体是什么类型？
                question_en: What kind of business is it?
              employees:
                type: number
                description: 从业人数
                question: 有多少从业人员？
                question_en: How many people work there?
              registered_capital:
                type: money
                description: 注册资本（元）
                question: 注册资本是多少元？
                question_en: What is the registered capital, in yuan?
              sells_food:
                type: bool
                description: 经营食品
                question: 是否经营食品？
                question_en: Does it sell food?
              district:
                type: enum
                values: [shangcheng, xihu, binjiang, other]
                description: 经营场所所在区
                question: 经营场所在哪个区？
                question_en: In which district are the premises?
        """;

    private const string AuthoritiesYaml = """
        authorities:
          - id: zj_data
            name: 省大数据局
            name_en: Provincial data bureau
            level: province
            region: zhejiang
          - id: hz_office
            name: 市审批局
            name_en: City approvals office
            level: city
            region: zhejiang/hangzhou
            parent: zj_data
            windows:
              - id: hz_window
                name: 综合受理窗口
                name_en: General intake window
                accepts: all
          - id: bj_office
            name: 滨江区审批局
            name_en: Binjiang approvals office
            level: district
            region: zhejiang/hangzhou/binjiang
            parent: hz_office
            windows:
              - id: bj_window
                name: 滨江区窗口
                name_en: Binjiang window
                accepts: [BENCH-0001]
        """;

    private const string DocumentsYaml = """
        documents:
          - id: resident_id_card
            name: 居民身份证
            name_en: Resident identity card
            issuer: authority
            issued_by: hz_office
            e_licence: true
          - id: business_licence
            name: 营业执照
            name_en: Business licence
            issuer: authority
            issued_by: hz_office
            e_licence: true
            evidence:
              - source: zj_data
                regions: [zhejiang]
          - id: power_of_attorney
            name: 授权委托书
            name_en: Power of attorney
            issuer: applicant
          - id: marriage_certificate
            name: 结婚证
            name_en: Marriage certificate
            issuer: authority
            issued_by: hz_office
            evidence:
              - source: hz_office
                regions: [zhejiang/hangzhou]
          - id: audit_report
            name: 验资报告
            name_en: Capital audit report
            issuer: applicant
          - id: staff_roster
            name: 从业人员名册
            name_en: Staff roster
            issuer: applicant
          - id: food_permit
            name: 食品经营许可证
            name_en: Food business permit
            issuer: authority
            issued_by: hz_office
            e_licence: true
          - id: lease_contract
            name: 租赁合同
            name_en: Lease contract
            issuer: applicant
        """;

    private static string ProcedureYaml(string code) => $$$"""
        code: {{{code}}}
        name: 合成事项
        name_en: Synthetic procedure
        version: 1
        effective_from: 2020-01-01
        legal_basis:
          - {law: 合成条例, article: 第一条}
        eligibility:
          - id: under_age
            deny_when: applicant.age < 18
            message: 申请人未满18周岁
            message_en: The applicant is under 18
            basis: {law: 合成条例, article: 第二条}
        jurisdiction:
          rules:
            - when: business.district = "binjiang"
              authority: bj_office
              because: 滨江区的场所由区局办理
              because_en: Premises in Binjiang are handled by the district
              basis: {law: 合成条例, article: 第三条}
          default: hz_office
        materials:
          - id: id_card
            document: resident_id_card
            required_when: not applicant.has_e_id or applicant.is_agent
            form: original
            exemptions:
              - kind: e_licence
                when: applicant.has_smartphone
          - id: business_licence
            document: business_licence
            required_when: business.kind != "sole_trader"
            form: copy
            exemptions:
              - kind: data_sharing
                when: applicant.authorises_query
          - id: authorisation
            document: power_of_attorney
            required_when: applicant.is_agent
            form: original
            exemptions:
              - kind: commitment
                when: business.registered_capital >= 100万
                verify_within_days: 30
          - id: marriage_certificate
            document: marriage_certificate
            required_when: applicant.marital_status in ["married", "widowed"]
            form: copy
            exemptions:
              - kind: data_sharing
          - id: audit_report
            document: audit_report
            required_when: business.registered_capital >= 500万 and business.kind = "company"
            form: original
          - id: staff_roster
            document: staff_roster
            required_when: business.employees > 30
            form: electronic
          - id: food_permit
            document: food_permit
            required_when: business.sells_food
            form: copy
            exemptions:
              - kind: e_licence
          - id: lease_contract
            document: lease_contract
            required_when: not applicant.has_local_hukou or business.district = "other"
            form: copy
            exemptions:
              - kind: accept_with_gap
                deadline_working_days: 5
        presence:
          - id: identity
            reason: identity_check
            when: not applicant.has_e_id
            why: 核验申请人身份
            why_en: Verify the applicant's identity
            remote_alternative:
              description: 手机刷脸认证
              description_en: Face verification on a smartphone
              when: applicant.has_smartphone
        time_limits:
          statutory: {working_days: 10, basis: {law: 合成条例, article: 第四条}}
          promised: {working_days: 1}
        channels: [window, online]
        result_delivery: [online, mail]
        """;
}
