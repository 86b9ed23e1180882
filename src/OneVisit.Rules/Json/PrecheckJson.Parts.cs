using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Json;

// Open questions, fees, the notice, and the pieces every section shares: reasons, authorities, legal basis.
public static partial class PrecheckJson
{
    private static void WriteOpenQuestions(Utf8JsonWriter json, IReadOnlyList<OpenQuestion> questions)
    {
        json.WriteObjects("openQuestions", questions, question =>
        {
            json.WriteString("fact", question.Path);
            json.WriteText("question", question.Question);
            json.WriteNumber("weight", question.Weight);
            json.WriteStartArray("affects");
            foreach (var rule in question.Affects)
            {
                json.WriteStringValue(rule);
            }

            json.WriteEndArray();
        });
    }

    private static void WriteFees(Utf8JsonWriter json, IReadOnlyList<FeeDue> fees)
    {
        json.WriteObjects("fees", fees, due =>
        {
            json.WriteText("name", due.Fee.Name);
            json.WriteNumber("amount", due.Fee.Amount);
            json.WriteTruth("applies", due.Applies);
            json.WriteString("condition", due.Fee.When?.Text);
            json.WriteLocation("location", due.Fee.Location);
            WriteBasis(json, due.Fee.Basis);
        });
    }

    private static void WriteNotice(Utf8JsonWriter json, DeficiencyNotice? notice)
    {
        if (notice is null)
        {
            json.WriteNull("notice");
            return;
        }

        json.WriteStartObject("notice");
        json.WriteDate("issuedOn", notice.IssuedOn);
        json.WriteDate("notifyBy", notice.NotifyBy);
        json.WriteStartArray("materials");
        foreach (var item in notice.Items)
        {
            json.WriteStringValue(item.Id);
        }

        json.WriteEndArray();
        json.WriteString("zh", notice.ToChinese());
        json.WriteString("en", notice.ToEnglish());
        WriteBasis(json, [DeficiencyNotice.Basis]);
        json.WriteEndObject();
    }

    /// <summary><c>{"rule", "text", "condition", "location", "basis"}</c>: why part of the answer is what it is.</summary>
    private static void WriteReason(Utf8JsonWriter json, string name, Reason why)
    {
        json.WriteStartObject(name);
        json.WriteString("rule", why.Rule);
        json.WriteText("text", why.Text);
        json.WriteString("condition", why.Condition);
        json.WriteLocation("location", why.Location);
        WriteBasis(json, why.Basis);
        json.WriteEndObject();
    }

    private static void WriteAuthority(Utf8JsonWriter json, string name, Authority? authority)
    {
        if (authority is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("id", authority.Id);
        json.WriteText("name", authority.Name);
        json.WriteString("level", CatalogWords.Of(authority.Level));
        json.WriteEndObject();
    }

    private static void WriteBasis(Utf8JsonWriter json, IReadOnlyList<LegalBasis> basis)
    {
        json.WriteObjects("basis", basis, item =>
        {
            json.WriteString("law", item.Law);
            json.WriteString("article", item.Article);
        });
    }
}
