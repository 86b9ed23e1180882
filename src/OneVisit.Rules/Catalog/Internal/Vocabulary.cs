using System.Collections.Frozen;
using System.Text;

namespace OneVisit.Rules.Catalog.Internal;

/// <summary>The snake_case words policy staff write for an enum's members (<c>e_licence</c> ↔ <c>ELicence</c>).</summary>
internal static class Vocabulary<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByWord =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => Word(v), StringComparer.Ordinal);

    public static IEnumerable<string> Words => ByWord.Keys.Order(StringComparer.Ordinal);

    public static bool TryParse(string word, out TEnum value) => ByWord.TryGetValue(word, out value);

    public static string Word(TEnum value)
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            // "ELicence" → "e_licence": a break before an upper-case letter that starts a lower-case run.
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
