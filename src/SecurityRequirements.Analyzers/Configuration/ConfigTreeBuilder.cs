using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Turns YAML text into a <see cref="ConfigNode"/> tree from YamlDotNet's event stream, with an explicit
/// stack instead of recursion (50,000 levels of nesting must not overflow the compiler's stack),
/// caps on size, depth and node count, and aliases resolved by reference so alias bombs cost nothing.
/// </summary>
internal static class ConfigTreeBuilder
{
    public const int MaxTextLength = 2 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 100_000;

    public static ConfigNode? Build(SourceText text, List<ConfigError> errors)
    {
        if (text.Length > MaxTextLength)
        {
            errors.Add(new ConfigError(
                DiagnosticDescriptors.RequirementsFileTooComplex,
                SourceSpan.Create(text, 0, 0),
                $"the file has {text.Length:N0} characters and the limit is {MaxTextLength:N0}; nothing in it is read"));
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0')
            {
                // YamlDotNet reads NUL as the end of the stream and would silently drop the rest of the file.
                errors.Add(new ConfigError(
                    DiagnosticDescriptors.YamlSyntaxError,
                    SourceSpan.Create(text, i, i + 1),
                    "the file contains a NUL character, so it is not a YAML text file"));
                return null;
            }
        }

        var tooDeep = FlowNestingGuard.FindTooDeep(text, MaxDepth);
        if (tooDeep >= 0)
        {
            errors.Add(new ConfigError(
                DiagnosticDescriptors.RequirementsFileTooComplex,
                SourceSpan.Create(text, tooDeep, tooDeep + 1),
                $"flow collections nested deeper than {MaxDepth} levels; nothing in the file is read"));
            return null;
        }

        var builder = new Builder(text, errors);
        builder.Run();
        return builder.Root;
    }

    private sealed class Frame
    {
        public Frame(ConfigNode node, string? anchor)
        {
            Node = node;
            Anchor = anchor;
        }

        public ConfigNode Node { get; }

        public string? Anchor { get; }

        public ConfigNode? PendingKey { get; set; }
    }

    private sealed class Builder
    {
        private readonly SourceText _text;
        private readonly List<ConfigError> _errors;
        private readonly List<Frame> _stack = new();
        private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
        private int _skippedDepth;
        private int _nodeCount;
        private int _documents;
        private int _lastIndex;

        public Builder(SourceText text, List<ConfigError> errors)
        {
            _text = text;
            _errors = errors;
        }

        public ConfigNode? Root { get; private set; }

        public void Run()
        {
            var parser = new Parser(new Scanner(new StringReader(_text.ToString()), skipComments: true));
            try
            {
                while (parser.MoveNext())
                {
                    var current = parser.Current;
                    if (current is null)
                    {
                        continue;
                    }

                    _lastIndex = (int)current.End.Index;
                    if (!Accept(current))
                    {
                        break;
                    }
                }
            }
            catch (YamlException ex)
            {
                ReportSyntax((int)ex.Start.Index, (int)ex.End.Index, CleanMessage(ex.Message));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
            {
                // YamlDotNet throws more than YamlException on some malformed input; it is still a syntax problem of the file.
                ReportSyntax(_lastIndex, _lastIndex, "the YAML parser stopped near here (" + ex.Message + ")");
            }

            CloseOpenFrames();
        }

        private bool Accept(ParsingEvent current)
        {
            switch (current)
            {
                case DocumentStart:
                    _documents++;
                    if (_documents > 1)
                    {
                        _errors.Add(new ConfigError(
                            DiagnosticDescriptors.YamlSyntaxError,
                            Span(current.Start.Index, current.End.Index),
                            "the file holds more than one YAML document; only the first is read"));
                        return false;
                    }

                    return true;

                case Scalar scalar:
                    if (_skippedDepth > 0)
                    {
                        return true;
                    }

                    if (!CountNode(current))
                    {
                        return false;
                    }

                    var node = ConfigNode.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Span(scalar.Start.Index, scalar.End.Index));
                    RegisterAnchor(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, node);
                    AddToParent(node);
                    return true;

                case AnchorAlias alias:
                    if (_skippedDepth > 0)
                    {
                        return true;
                    }

                    if (!CountNode(current))
                    {
                        return false;
                    }

                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        AddToParent(target);
                    }
                    else
                    {
                        ReportSyntax((int)alias.Start.Index, (int)alias.End.Index, $"alias '*{alias.Value.Value}' refers to no earlier anchor");
                        AddToParent(ConfigNode.Scalar(string.Empty, true, Span(alias.Start.Index, alias.End.Index)));
                    }

                    return true;

                case SequenceStart sequenceStart:
                    return Open(current, ConfigNode.Sequence(Span(current.Start.Index, current.End.Index)), sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value);

                case MappingStart mappingStart:
                    return Open(current, ConfigNode.Mapping(Span(current.Start.Index, current.End.Index)), mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value);

                case SequenceEnd:
                case MappingEnd:
                    Close(current);
                    return true;

                default:
                    return true;
            }
        }

        private bool Open(ParsingEvent start, ConfigNode node, string? anchor)
        {
            if (_skippedDepth > 0 || _stack.Count >= MaxDepth)
            {
                if (_skippedDepth == 0)
                {
                    _errors.Add(new ConfigError(
                        DiagnosticDescriptors.RequirementsFileTooComplex,
                        Span(start.Start.Index, start.End.Index),
                        $"nesting deeper than {MaxDepth} levels; the nested content is not read"));
                }

                _skippedDepth++;
                return true;
            }

            if (!CountNode(start))
            {
                return false;
            }

            _stack.Add(new Frame(node, anchor));
            return true;
        }

        private void Close(ParsingEvent end)
        {
            if (_skippedDepth > 0)
            {
                _skippedDepth--;
                if (_skippedDepth == 0)
                {
                    // Keep mapping keys and values paired: the skipped collection still occupies a slot.
                    var placeholder = ConfigNode.Mapping(Span(end.Start.Index, end.End.Index));
                    placeholder.IsIncomplete = true;
                    AddToParent(placeholder);
                }

                return;
            }

            if (_stack.Count == 0)
            {
                return;
            }

            var frame = _stack[_stack.Count - 1];
            _stack.RemoveAt(_stack.Count - 1);
            frame.Node.Span = SourceSpan.Create(_text, frame.Node.Span.Span.Start, EndOf(end));
            RegisterAnchor(frame.Anchor, frame.Node);
            AddToParent(frame.Node);
        }

        private void CloseOpenFrames()
        {
            // A syntax error left collections open: keep what is complete, mark the rest so it is skipped.
            while (_stack.Count > 0)
            {
                var frame = _stack[_stack.Count - 1];
                _stack.RemoveAt(_stack.Count - 1);
                frame.Node.IsIncomplete = true;
                AddToParent(frame.Node);
            }
        }

        private void AddToParent(ConfigNode node)
        {
            if (_stack.Count == 0)
            {
                Root ??= node;
                return;
            }

            var parent = _stack[_stack.Count - 1];
            if (parent.Node.Kind == ConfigNodeKind.Sequence)
            {
                parent.Node.Items.Add(node);
            }
            else if (parent.PendingKey is null)
            {
                parent.PendingKey = node;
            }
            else
            {
                parent.Node.Pairs.Add(new KeyValuePair<ConfigNode, ConfigNode>(parent.PendingKey, node));
                parent.PendingKey = null;
            }
        }

        private void RegisterAnchor(string? anchor, ConfigNode node)
        {
            // Registered only once the node is complete, so a node can never contain an alias to itself.
            if (anchor is not null)
            {
                _anchors[anchor] = node;
            }
        }

        private bool CountNode(ParsingEvent current)
        {
            _nodeCount++;
            if (_nodeCount <= MaxNodes)
            {
                return true;
            }

            _errors.Add(new ConfigError(
                DiagnosticDescriptors.RequirementsFileTooComplex,
                Span(current.Start.Index, current.End.Index),
                $"more than {MaxNodes:N0} YAML nodes; the rest of the file is not read"));
            return false;
        }

        private void ReportSyntax(int start, int end, string message) =>
            _errors.Add(new ConfigError(DiagnosticDescriptors.YamlSyntaxError, SourceSpan.Create(_text, start, end), message));

        private int EndOf(ParsingEvent end)
        {
            // A flow collection's end event stops before its closing bracket; include the bracket.
            var index = (int)end.End.Index;
            var start = (int)end.Start.Index;
            return index <= start && start < _text.Length && _text[start] is ']' or '}' ? start + 1 : index;
        }

        private SourceSpan Span(long start, long end) => SourceSpan.Create(_text, (int)start, (int)end);

        private static string CleanMessage(string message)
        {
            // YamlDotNet prefixes "(Line: 1, Col: 7, Idx: 6) - (Line: ...): "; the diagnostic location already says that.
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                var index = message.IndexOf("): ", StringComparison.Ordinal);
                if (index >= 0)
                {
                    message = message.Substring(index + 3);
                }
            }

            message = message.Replace("\r", " ").Replace("\n", " ").Trim();
            return message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
        }
    }
}
