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
    public string ToChinese() => Render(
        "一次性告知书",
        $"事项：{ProcedureName.Text}（{ProcedureCode}）",
        "经预审，您的申请尚需补正以下全部材料：",
        item => $"{item.Name.Text}：{item.Note.Text}",
        $"依据《{Basis.Law}》{Basis.Article}，申请材料不齐全或者不符合法定形式的，行政机关应当当场或者在五日内一次告知申请人需要补正的全部内容。本告知最迟于{NotifyBy:yyyy年M月d日}前送达。");

    /// <summary>The notice in English (names fall back to Chinese where the catalogue has no English).</summary>
    public string ToEnglish() => Render(
        "Notice of everything still missing",
        $"Procedure: {ProcedureName.EnglishOrText} ({ProcedureCode})",
        "The precheck found that your application still needs all of the following:",
        item => $"{item.Name.EnglishOrText}: {item.Note.EnglishOrText}",
        string.Create(CultureInfo.InvariantCulture, $"Under the Administrative Licensing Law, article 32, when materials are incomplete the office must tell the applicant everything to supply, at once, on the spot or within five days. This notice must reach you by {NotifyBy:yyyy-MM-dd}."));

    /// <inheritdoc />
    public override string ToString() => ToChinese();

    private string Render(string title, string procedure, string intro, Func<MaterialResult, string> item, string closing)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine(procedure).AppendLine(intro);
        for (var i = 0; i < Items.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {item(Items[i])}");
        }

        return text.AppendLine(closing).ToString();
    }
}
