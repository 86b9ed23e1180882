using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Support;

/// <summary>
/// A small, valid catalogue in a temporary folder. Tests replace one file with <see cref="With"/> to provoke
/// exactly one problem, then assert its code, line and column.
/// </summary>
public sealed class CatalogFolder : IDisposable
{
    public const string CatalogYaml = """
        name: 测试目录
        name_en: Test catalogue
        region: zhejiang/hangzhou
        default_language: zh-CN
        as_of: 2017-02-18
        """;

    public const string FactsYaml = """
        entities:
          applicant:
            description: 申请人
            fields:
              is_agent:
                type: bool
                description: 是否委托代理人办理
                question: 是否委托他人代为办理？
              marital_status:
                type: enum
                values: [single, married, divorced]
                description: 婚姻状况
                question: 您的婚姻状况是？
              birth_date:
                type: date
                description: 出生日期
                question: 您的出生日期？
          enterprise:
            fields:
              name:
                type: text
                description: 企业名称
                question: 企业名称是什么？
              registered_capital:
                type: money
                description: 注册资本（元）
                question: 注册资本是多少元？
        """;

    public const string AuthoritiesYaml = """
        authorities:
          - id: zj_amr
            name: 浙江省市场监督管理局
            department: market_regulation
            level: province
            region: zhejiang
          - id: hz_amr
            name: 杭州市市场监督管理局
            department: market_regulation
            level: city
            region: zhejiang/hangzhou
            parent: zj_amr
            windows:
              - id: hz_window
                name: 市民中心窗口
                accepts: [P-1]
              - id: hz_general
                name: 综合受理窗口
                accepts: all
        """;

    public const string DocumentsYaml = """
        documents:
          - id: business_licence
            name: 营业执照
            issuer: authority
            issued_by: hz_amr
            e_licence: true
            evidence:
              - source: zj_amr
                regions: [zhejiang]
          - id: application_form
            name: 申请表
            issuer: government
            form_versions:
              - version: "2008"
                effective_from: 2008-10-01
                accepted_until: 2013-03-31
              - version: "2012"
                effective_from: 2012-10-01
                converts_from:
                  "2008":
                    owner_name: applicant_name
          - id: power_of_attorney
            name: 授权委托书
            issuer: applicant
        """;

    public const string ProcedureYaml = """
        code: P-1
        name: 企业名称登记
        name_en: Company name registration
        version: 1
        effective_from: 2016-01-01
        legal_basis:
          - {law: 企业名称登记管理规定, article: 第四条}
        eligibility:
          - id: capital_too_low
            deny_when: enterprise.registered_capital < 30000
            message: 注册资本不足
            basis: {law: 公司法, article: 第二十六条}
        jurisdiction:
          rules:
            - when: enterprise.name contains "浙江" and enterprise.registered_capital >= 1000万
              authority: zj_amr
              because: 冠省名由省局核准
          default: hz_amr
        materials:
          - id: form
            document: application_form
            form_versions: ["2012"]
          - id: licence
            document: business_licence
            form: copy
            exemptions:
              - kind: e_licence
              - kind: data_sharing
          - id: attorney
            document: power_of_attorney
            required_when: applicant.is_agent
            exemptions:
              - kind: accept_with_gap
                deadline_working_days: 5
        presence:
          - id: identity
            reason: identity_check
            when: applicant.is_agent
            remote_alternative:
              description: 刷脸认证
        time_limits:
          statutory: {working_days: 10, basis: {law: 行政许可法, article: 第四十二条}}
          promised: {working_days: 1}
        channels: [window, online]
        result_delivery: [e_licence]
        """;

    public const string TestsYaml = """
        cases:
          - name: 冠省名
            procedure: P-1
            window: hz_window
            facts:
              enterprise.name: 浙江测试有限公司
              enterprise.registered_capital: 20000000
            documents:
              - document: application_form
                form_version: "2008"
                issued_on: 2017-01-01
            expect:
              verdict: online
              authority: zj_amr
              forwarded_to: zj_amr
              materials:
                form: converted
                attorney: not_required
              open_questions: [applicant.is_agent]
        """;

    public CatalogFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onevisit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        With("catalog.yaml", CatalogYaml)
            .With("facts.yaml", FactsYaml)
            .With("authorities.yaml", AuthoritiesYaml)
            .With("documents.yaml", DocumentsYaml)
            .With("procedures/p1.yaml", ProcedureYaml)
            .With("tests/p1.yaml", TestsYaml);
    }

    public string Path { get; }

    /// <summary>The default catalogue with pieces of <see cref="ProcedureYaml"/> replaced; each piece must be there.</summary>
    public static CatalogFolder WithProcedureEdits(params (string Original, string Replacement)[] edits)
    {
        var text = ProcedureYaml;
        foreach (var (original, replacement) in edits)
        {
            Assert.Contains(original, text, StringComparison.Ordinal);
            text = text.Replace(original, replacement, StringComparison.Ordinal);
        }

        return new CatalogFolder().With("procedures/p1.yaml", text);
    }

    /// <summary>Writes (or overwrites) a file in the catalogue, creating its folder.</summary>
    public CatalogFolder With(string relative, string content)
    {
        var file = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, content);
        return this;
    }

    /// <summary>Writes raw bytes, for encodings and sizes that text cannot express.</summary>
    public CatalogFolder WithBytes(string relative, byte[] content)
    {
        var file = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllBytes(file, content);
        return this;
    }

    public CatalogFolder Without(string relative)
    {
        System.IO.File.Delete(File(relative));
        return this;
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public CatalogLoadResult Load() => CatalogLoader.Load(Path);

    /// <summary>Loads and returns the single diagnostic with <paramref name="code"/>, failing with all diagnostics otherwise.</summary>
    public Diagnostic Single(string code)
    {
        var result = Load();
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1,
            $"Expected exactly one {code}, got {matches.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        return matches[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on clean-up.
        }
    }
}
