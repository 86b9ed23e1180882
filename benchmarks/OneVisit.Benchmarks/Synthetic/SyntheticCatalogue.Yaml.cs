using System.Text;
using OneVisit.Rules.Catalog;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>The YAML the synthetic catalogue is written as: the format of <c>docs/catalog-format.md</c>.</summary>
internal sealed partial class SyntheticCatalogue
{
    private const string CatalogYaml = """
        name: 合成基准目录
        name_en: Synthetic benchmark catalogue
        region: zhejiang/hangzhou
        default_language: zh-CN
        as_of: 2026-11-25

        """;

    private const string AuthoritiesYaml = """
        authorities:
          - id: zj_office
            name: 省审批局
            name_en: Provincial approvals office
            level: province
            region: zhejiang
          - id: hz_office
            name: 市审批局
            name_en: City approvals office
            level: city
            region: zhejiang/hangzhou
            parent: zj_office
            windows:
              - id: hz_window
                name: 综合受理窗口
                name_en: General intake window
                accepts: all
          - id: sc_office
            name: 上城区审批局
            level: district
            region: zhejiang/hangzhou/shangcheng
            parent: hz_office
          - id: xh_office
            name: 西湖区审批局
            level: district
            region: zhejiang/hangzhou/xihu
            parent: hz_office
          - id: bj_office
            name: 滨江区审批局
            level: district
            region: zhejiang/hangzhou/binjiang
            parent: hz_office
            windows:
              - id: bj_window
                name: 滨江区窗口
                name_en: Binjiang window
                accepts: [BENCH-00001]
          - id: gs_office
            name: 拱墅区审批局
            level: district
            region: zhejiang/hangzhou/gongshu
            parent: hz_office
          - id: xs_office
            name: 萧山区审批局
            level: district
            region: zhejiang/hangzhou/xiaoshan
            parent: hz_office

        """;

    private static string FactsYaml()
    {
        var yaml = new StringBuilder("entities:\n");
        foreach (var entity in FactSpec.All.GroupBy(f => f.Entity))
        {
            yaml.Append($"  {entity.Key}:\n    description: {(entity.Key == "applicant" ? "申请人" : "申请主体")}\n    fields:\n");
            foreach (var fact in entity)
            {
                yaml.Append($"      {fact.Field}:\n        type: {fact.Kind.ToString().ToLowerInvariant()}\n");
                if (fact.Values is { } values)
                {
                    yaml.Append($"        values: [{string.Join(", ", values)}]\n");
                }

                yaml.Append($"        description: {fact.Description}\n        question: {fact.Question}\n        question_en: \"{fact.QuestionEn}\"\n");
            }
        }

        return yaml.ToString();
    }

    private static string DocumentsYaml(DocumentSpec[] documents)
    {
        var yaml = new StringBuilder("documents:\n");
        foreach (var document in documents)
        {
            var number = document.Id[4..];
            yaml.Append($"  - id: {document.Id}\n    name: 合成材料{number}\n    name_en: Synthetic document {number}\n");
            yaml.Append($"    issuer: {document.Issuer.ToString().ToLowerInvariant()}\n");
            if (document.IssuedBy is { } issuer)
            {
                yaml.Append($"    issued_by: {issuer}\n");
            }

            if (document.ELicence)
            {
                yaml.Append("    e_licence: true\n");
            }

            if (document.Evidence)
            {
                yaml.Append("    evidence:\n      - source: zj_office\n        regions: [zhejiang]\n");
            }

            if (document.Versions.Length > 0)
            {
                yaml.Append("    form_versions:\n");
                foreach (var version in document.Versions)
                {
                    yaml.Append($"      - version: \"{version.Version}\"\n        effective_from: {version.EffectiveFrom:yyyy-MM-dd}\n");
                    if (version.AcceptedUntil is { } until)
                    {
                        yaml.Append($"        accepted_until: {until:yyyy-MM-dd}\n");
                    }

                    if (version.ConvertsFrom is { } from)
                    {
                        yaml.Append($"        converts_from:\n          \"{from}\":\n            applicant_name: applicant_name\n            address: registered_address\n");
                    }
                }
            }
        }

        return yaml.ToString();
    }

    private static string ProcedureYaml(ProcedureSpec procedure)
    {
        string When(int condition) => $"'{procedure.Conditions[condition].ToCatalogue()}'";
        var yaml = new StringBuilder();
        yaml.Append($$"""
            code: {{procedure.Code}}
            name: 合成事项{{procedure.Code[6..]}}
            name_en: Synthetic procedure {{procedure.Code[6..]}}
            version: 1
            effective_from: 2020-01-01
            legal_basis:
              - {law: 合成条例, article: 第一条}
            conditions:
              - text: 申请人具有完全民事行为能力
                text_en: The applicant has full civil capacity

            """);
        if (procedure.Eligibility.Length > 0)
        {
            yaml.Append("eligibility:\n");
            for (var i = 0; i < procedure.Eligibility.Length; i++)
            {
                yaml.Append($"  - id: rule_{i + 1}\n    deny_when: {When(procedure.Eligibility[i])}\n    message: 不符合第{i + 1}项条件\n    message_en: Condition {i + 1} is not met\n");
                yaml.Append("    basis: {law: 合成条例, article: 第二条}\n");
            }
        }

        yaml.Append("jurisdiction:\n  rules:\n");
        foreach (var row in procedure.Jurisdiction)
        {
            yaml.Append($"    - when: {When(row.When)}\n      authority: {row.Authority}\n      because: 按管辖规则由{row.Authority}办理\n      because_en: Handled by {row.Authority} under the jurisdiction rules\n");
            yaml.Append("      basis: {law: 合成条例, article: 第三条}\n");
        }

        yaml.Append($"  default: {procedure.DefaultAuthority}\nmaterials:\n");
        foreach (var material in procedure.Materials)
        {
            yaml.Append($"  - id: {material.Document.Id}\n    document: {material.Document.Id}\n");
            if (material.RequiredWhen >= 0)
            {
                yaml.Append($"    required_when: {When(material.RequiredWhen)}\n");
            }

            yaml.Append($"    copies: {material.Copies}\n    form: {material.Form.ToString().ToLowerInvariant()}\n");
            if (material.Exemptions.Length > 0)
            {
                yaml.Append("    exemptions:\n");
                foreach (var exemption in material.Exemptions)
                {
                    yaml.Append($"      - kind: {KindName(exemption.Kind)}\n");
                    if (exemption.When >= 0)
                    {
                        yaml.Append($"        when: {When(exemption.When)}\n");
                    }

                    yaml.Append(exemption.Kind switch
                    {
                        ExemptionKind.AcceptWithGap => $"        deadline_working_days: {exemption.DeadlineWorkingDays}\n",
                        ExemptionKind.Commitment => "        verify_within_days: 30\n",
                        _ => "",
                    });
                }
            }
        }

        yaml.Append("presence:\n");
        foreach (var step in procedure.Presence)
        {
            yaml.Append($"  - id: {step.Id}\n    reason: {ReasonName(step.Reason)}\n");
            if (step.When >= 0)
            {
                yaml.Append($"    when: {When(step.When)}\n");
            }

            yaml.Append("    why: 现场办理\n    why_en: Done in person\n");
            if (step.RemoteWhen >= 0)
            {
                yaml.Append($"    remote_alternative:\n      description: 浙里办远程办理\n      description_en: Done remotely in the Zheliban app\n      when: {When(step.RemoteWhen)}\n");
            }
        }

        yaml.Append("""
            time_limits:
              statutory: {working_days: 20, basis: {law: 合成条例, article: 第四条}}
              promised: {working_days: 5}
            fees:
              - name: 不收费
                amount: 0
            channels: [window, online, mobile]
            result_delivery: [online, mail]

            """);
        return yaml.ToString();
    }

    private static string KindName(ExemptionKind kind) => kind switch
    {
        ExemptionKind.DataSharing => "data_sharing",
        ExemptionKind.ELicence => "e_licence",
        ExemptionKind.Commitment => "commitment",
        _ => "accept_with_gap",
    };

    private static string ReasonName(PresenceReason reason) => reason switch
    {
        PresenceReason.IdentityCheck => "identity_check",
        PresenceReason.Signature => "signature",
        _ => "photo",
    };
}
