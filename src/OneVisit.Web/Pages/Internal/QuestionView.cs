using Microsoft.AspNetCore.Antiforgery;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Web.Pages.Internal;

/// <summary>One question on its own page: the question as the heading, the answers the fact's type allows, and "I don't know".</summary>
internal static class QuestionView
{
    public static void Write(Html html, PageContext page, string code, OpenQuestion question, Answers answers, AntiforgeryTokenSet tokens, string? problem, int number)
    {
        var words = page.Words;
        var fact = question.Fact;
        var error = problem is null ? null : "answer-error";
        html.Open("form", ("method", "post"), ("action", page.Link("/check/" + Uri.EscapeDataString(code))), ("novalidate", ""));
        html.Void("input", ("type", "hidden"), ("name", tokens.FormFieldName), ("value", tokens.RequestToken));
        html.Void("input", ("type", "hidden"), ("name", "question"), ("value", fact.Path));
        answers.WriteHidden(html);
        html.Open("fieldset", ("aria-describedby", error));
        html.Open("legend").Element("span", $"{words.Question} {number}", ("class", "caption")).Element("h1", words.Of(question.Question)).Close("legend");
        if (problem is not null)
        {
            html.Element("p", problem, ("class", "error"), ("id", error), ("role", "alert"));
        }

        switch (fact.Symbol.Type.Kind)
        {
            case FactKind.Bool:
                Choice(html, "true", words.Yes, "answer-yes");
                Choice(html, "false", words.No, "answer-no");
                break;
            case FactKind.Enum:
                var i = 0;
                foreach (var value in fact.Symbol.Type.Values)
                {
                    Choice(html, value, fact.LabelOf(value), $"answer-{i++}");
                }

                break;
            case FactKind.Number or FactKind.Money:
                Field(html, "text", words.English ? "Your answer (a number)" : "您的回答（数字）", ("inputmode", "decimal"));
                break;
            case FactKind.Date:
                Field(html, "date", words.English ? "Your answer (a date)" : "您的回答（日期）");
                break;
            default:
                Field(html, "text", words.English ? "Your answer" : "您的回答", ("maxlength", "200"));
                break;
        }

        html.Close("fieldset");
        html.Open("div", ("class", "actions"))
            .Element("button", words.Continue, ("type", "submit"), ("name", "continue"), ("value", "1"))
            .Element("button", words.DoNotKnow, ("type", "submit"), ("name", "skip"), ("value", "1"), ("class", "secondary"))
            .Close("div");
        html.Close("form");
    }

    private static void Choice(Html html, string value, string label, string id) =>
        html.Open("div", ("class", "choice"))
            .Void("input", ("type", "radio"), ("name", "value"), ("id", id), ("value", value))
            .Element("label", label, ("for", id))
            .Close("div");

    private static void Field(Html html, string type, string label, params (string, string?)[] extra) =>
        html.Element("label", label, ("for", "answer"))
            .Void("input", [("type", type), ("name", "value"), ("id", "answer"), .. extra]);
}
