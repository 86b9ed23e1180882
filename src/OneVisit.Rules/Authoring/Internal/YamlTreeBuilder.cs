using OneVisit.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads one YAML file into a <see cref="YNode"/> tree, within limits that keep hostile input cheap:
/// nesting depth, node count, no anchors or aliases (so no alias bombs), one document per file.
/// </summary>
internal static class YamlTreeBuilder
{
    public const int MaxDepth = 32;
    public const int MaxNodes = 200_000;

    /// <summary>The root node, or null when the file is empty or could not be read (errors are in the bag).</summary>
    public static YNode? Build(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new Scanner(new StringReader(source.Text), skipComments: true));
        var stack = new Stack<YNode>();
        var pendingKeys = new Stack<YScalar?>();
        YNode? root = null;
        var nodes = 0;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart { IsImplicit: var _ } when ++documents > 1:
                        diagnostics.Error(DiagnosticCodes.MultipleDocuments, source.At(current.Start),
                            "This file holds a second YAML document ('---'); put each procedure in a file of its own.");
                        return root;
                    case AnchorAlias alias:
                        diagnostics.Error(DiagnosticCodes.AliasNotAllowed, source.At(alias.Start),
                            $"Aliases (*{alias.Value}) are not accepted in a catalogue; write the value out in full.");
                        return null;
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        diagnostics.Error(DiagnosticCodes.AliasNotAllowed, source.At(anchored.Start),
                            $"Anchors (&{anchored.Anchor}) are not accepted in a catalogue; write each value out in full.");
                        return null;
                }

                YNode? completed = null;
                switch (current)
                {
                    case Scalar scalar:
                        completed = new YScalar(L(scalar.Start.Line), L(scalar.Start.Column), L(scalar.Start.Index),
                            L(scalar.End.Index), scalar.Value, scalar.Style);
                        break;
                    case MappingStart start:
                        stack.Push(new YMapping(L(start.Start.Line), L(start.Start.Column), L(start.Start.Index)));
                        pendingKeys.Push(null);
                        break;
                    case SequenceStart start:
                        stack.Push(new YSequence(L(start.Start.Line), L(start.Start.Column), L(start.Start.Index)));
                        pendingKeys.Push(null);
                        break;
                    case MappingEnd or SequenceEnd:
                        completed = stack.Pop();
                        pendingKeys.Pop();
                        break;
                }

                if (current is MappingStart or SequenceStart or Scalar && (++nodes > MaxNodes || stack.Count > MaxDepth))
                {
                    var why = nodes > MaxNodes
                        ? $"more than {MaxNodes:N0} values"
                        : $"nesting deeper than {MaxDepth} levels";
                    diagnostics.Error(DiagnosticCodes.TooComplex, source.At(current.Start),
                        $"This file has {why}; a catalogue file never needs that. Split or flatten it.");
                    return null;
                }

                if (completed is not null && !Attach(completed, stack, pendingKeys, source, diagnostics, ref root))
                {
                    return null;
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, source.At(e.Start), $"This is not valid YAML: {Describe(e)}");
            return null;
        }

        return root;
    }

    private static bool Attach(YNode node, Stack<YNode> stack, Stack<YScalar?> pendingKeys, SourceText source, DiagnosticBag diagnostics, ref YNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        switch (stack.Peek())
        {
            case YSequence sequence:
                sequence.Items.Add(node);
                return true;
            case YMapping mapping when pendingKeys.Peek() is { } key:
                pendingKeys.Pop();
                pendingKeys.Push(null);
                if (!mapping.FirstKeys.TryAdd(key.Value, key))
                {
                    var first = mapping.FirstKeys[key.Value];
                    diagnostics.Error(DiagnosticCodes.DuplicateKey, source.At(key),
                        $"'{key.Value}' appears twice in this mapping (first at line {first.Line}); keep one.");
                    return true;
                }

                mapping.Entries.Add(new(key, node));
                return true;
            case YMapping when node is YScalar scalarKey:
                pendingKeys.Pop();
                pendingKeys.Push(scalarKey);
                return true;
            default:
                diagnostics.Error(DiagnosticCodes.WrongShape, source.At(node),
                    "A key must be a single word or text, not a list or mapping.");
                return false;
        }
    }

    private static int L(long value) => SourceText.ToInt(value);

    // YamlDotNet prefixes its messages with the position, which our diagnostic already shows.
    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
