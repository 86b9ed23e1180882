using System.Globalization;
using System.Text;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck;

/// <summary>
/// The one-time notice of everything still missing (一次性告知): every gap at once, never one at a time, with the
/// day by which the office must send it (Administrative Licensing Law art. 32: within five days, all at once).
/// </summary>
/// <param name="ProcedureCode">The procedure's code.</param>
/// <param name="ProcedureName">The procedure's name.</param>
/// <param name="IssuedOn">The as-of date of the precheck.</param>
/// <param name="NotifyBy">The last day the office may notify the applicant: five working days after receipt.</param>
/// <param name="Items">Every gap.</param>
public sealed record DeficiencyNotice(
    string ProcedureCode,
    LocalizedText ProcedureName,
    DateOnly IssuedOn,
    DateOnly NotifyBy,
    IReadOnlyList<MaterialResult> Items)
{
    /// <summary>Working days within which the office must notify every gap at once.</summary>
    public const int NotifyWithinWorkingDays = 5;

    /// <summary>The legal basis: the Administrative Licensing Law, article 32.</summary>
    public static LegalBasis Basis { get; } = new("中华人民共和国行政许可法", "第三十二条");

    /// <summary>The notice in Chinese.</summary>
    public string ToChinese()
    {
        var text = new StringBuilder();
        text.AppendLine("一次性告知书");
        text.AppendLine(CultureInfo.InvariantCulture, $"事项：{ProcedureName.Text}（{ProcedureCode}）");
        text.AppendLine("经预审，您的申请尚需补正以下全部材料：");
        for (var i = 0; i < Items.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Items[i].Document.Name.Text}：{Items[i].Note.Text}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"依据《{Basis.Law}》{Basis.Article}，申请材料不齐全或者不符合法定形式的，行政机关应当当场或者在五日内一次告知申请人需要补正的全部内容。本告知最迟于{NotifyBy:yyyy年M月d日}前送达。");
        return text.ToString();
    }

    /// <summary>The notice in English (names fall back to Chinese where the catalogue has no English).</summary>
    public string ToEnglish()
    {
        var text = new StringBuilder();
        text.AppendLine("Notice of everything still missing");
        text.AppendLine(CultureInfo.InvariantCulture, $"Procedure: {ProcedureName.EnglishOrText} ({ProcedureCode})");
        text.AppendLine("The precheck found that your application still needs all of the following:");
        for (var i = 0; i < Items.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {Items[i].Document.Name.EnglishOrText}: {Items[i].Note.EnglishOrText}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"Under the Administrative Licensing Law, article 32, when materials are incomplete the office must tell the applicant everything to supply, at once, on the spot or within five days. This notice must reach you by {NotifyBy:yyyy-MM-dd}.");
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToChinese();
}
