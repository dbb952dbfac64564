using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>The character step of jq's parser: literals, structure tokens, strings.</summary>
public sealed partial class JqTextParser
{
    private Step Scan(byte ch, ref JqValue value)
    {
        _column++;
        if (ch == '\n')
        {
            _line++;
            _column = 0;
        }

        if (ch == RecordSeparator && _seq)
        {
            return ScanRecordSeparator(ref value);
        }

        Step answer = Step.Continue;
        _lastChWasWs = false;
        if (_st == State.Normal)
        {
            Class cls = Classify(ch);
            if (cls == Class.Whitespace)
            {
                _lastChWasWs = true;
            }

            if (cls != Class.Literal)
            {
                if (Failed(CheckLiteral()))
                {
                    return Step.Failed;
                }

                if (CheckDone(ref value))
                {
                    answer = Step.Output;
                }
            }

            switch (cls)
            {
                case Class.Literal:
                    AddToken([ch]);
                    break;
                case Class.Quote:
                    _st = State.String;
                    break;
                case Class.Structure:
                    if (Failed(Token(ch)))
                    {
                        return Step.Failed;
                    }

                    break;
            }

            if (CheckDone(ref value))
            {
                answer = Step.Output;
            }
        }
        else if (ch == '"' && _st == State.String)
        {
            if (Failed(FoundString()))
            {
                return Step.Failed;
            }

            _st = State.Normal;
            if (CheckDone(ref value))
            {
                answer = Step.Output;
            }
        }
        else
        {
            AddToken([ch]);
            _st = ch == '\\' && _st == State.String ? State.StringEscape : State.String;
        }

        return answer;
    }

    private Step ScanRecordSeparator(ref JqValue value)
    {
        if (!_lastChWasWs && (_stack.Count > 0 || _tokenPos > 0 || _next is JqNumber))
        {
            _message = CheckLiteral() is null && _stack.Count == 0 && _next is JqNumber ? "Potentially truncated top-level numeric value" : "Truncated value";
            return Step.Failed;
        }

        if (Failed(CheckLiteral()))
        {
            return Step.Failed;
        }

        if (_st == State.Normal && CheckDone(ref value))
        {
            return Step.Output;
        }

        Reset();
        return Step.Dropped;
    }

    private bool Failed(string? message)
    {
        if (message is null)
        {
            return false;
        }

        _message = message;
        return true;
    }

    private bool CheckDone(ref JqValue value)
    {
        if (_stack.Count == 0 && _next is not null)
        {
            value = _next;
            _next = null;
            return true;
        }

        return false;
    }

    private string? SetValue(JqValue v)
    {
        if (_next is not null)
        {
            return "Expected separator between values";
        }

        _next = v;
        return null;
    }

    private string? Token(byte ch)
    {
        switch (ch)
        {
            case (byte)'[':
            case (byte)'{':
                if (_stack.Count >= MaxDepth)
                {
                    return "Exceeds depth limit for parsing";
                }

                if (_next is not null)
                {
                    return "Expected separator between values";
                }

                _stack.Add(ch == '[' ? new List<JqValue>() : new JqObjectBuilder());
                return null;
            case (byte)':':
                if (_next is null)
                {
                    return "Expected string key before ':'";
                }

                if (_stack.Count == 0 || _stack[^1] is not JqObjectBuilder)
                {
                    return "':' not as part of an object";
                }

                if (_next is not JqString key)
                {
                    return "Object keys must be strings";
                }

                _stack.Add(key.Value);
                _next = null;
                return null;
            case (byte)',':
                if (_next is null)
                {
                    return "Expected value before ','";
                }

                if (_stack.Count == 0)
                {
                    return "',' not as part of an object or array";
                }

                if (_stack[^1] is List<JqValue> items)
                {
                    items.Add(_next);
                }
                else if (_stack[^1] is string k)
                {
                    ((JqObjectBuilder)_stack[^2]).Set(k, _next);
                    _stack.RemoveAt(_stack.Count - 1);
                }
                else
                {
                    return "Objects must consist of key:value pairs";
                }

                _next = null;
                return null;
            case (byte)']':
                if (_stack.Count == 0 || _stack[^1] is not List<JqValue> array)
                {
                    return "Unmatched ']'";
                }

                if (_next is not null)
                {
                    array.Add(_next);
                }
                else if (array.Count != 0)
                {
                    return "Expected another array element";
                }

                _stack.RemoveAt(_stack.Count - 1);
                _next = array.Count == 0 ? JqArray.Empty : new JqArray(array);
                return null;
            default: // '}'
                if (_stack.Count == 0)
                {
                    return "Unmatched '}'";
                }

                if (_next is not null)
                {
                    if (_stack[^1] is not string key2)
                    {
                        return "Objects must consist of key:value pairs";
                    }

                    ((JqObjectBuilder)_stack[^2]).Set(key2, _next);
                    _stack.RemoveAt(_stack.Count - 1);
                }
                else
                {
                    if (_stack[^1] is not JqObjectBuilder open)
                    {
                        return "Unmatched '}'";
                    }

                    if (open.Count != 0)
                    {
                        return "Expected another key-value pair";
                    }
                }

                _next = ((JqObjectBuilder)_stack[^1]).ToObject();
                _stack.RemoveAt(_stack.Count - 1);
                return null;
        }
    }

    private string? CheckLiteral()
    {
        if (_tokenPos == 0)
        {
            return null;
        }

        ReadOnlySpan<byte> token = _token.AsSpan(0, _tokenPos);
        ReadOnlySpan<byte> pattern = token[0] switch
        {
            (byte)'t' => "true"u8,
            (byte)'f' => "false"u8,
            (byte)'n' when token.Length > 1 && token[1] == 'u' => "null"u8,
            _ => default,
        };
        JqValue v;
        if (!pattern.IsEmpty)
        {
            if (!token.SequenceEqual(pattern))
            {
                return "Invalid literal";
            }

            v = token[0] == 't' ? JqValue.True : token[0] == 'f' ? JqValue.False : JqValue.Null;
        }
        else if (JqNumberLiteral.Parse(token) is { } number)
        {
            v = number;
        }
        else
        {
            return "Invalid numeric literal";
        }

        if (SetValue(v) is { } error)
        {
            return error;
        }

        _tokenPos = 0;
        return null;
    }

    private string? FoundString()
    {
        ReadOnlySpan<byte> raw = _token.AsSpan(0, _tokenPos);
        string? text = JqStringLiteral.Decode(raw, out string? error);
        if (text is null)
        {
            return error;
        }

        if (SetValue(new JqString(text)) is { } e)
        {
            return e;
        }

        _tokenPos = 0;
        return null;
    }

    private static Class Classify(byte c) => c switch
    {
        (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' => Class.Whitespace,
        (byte)'"' => Class.Quote,
        (byte)'[' or (byte)',' or (byte)']' or (byte)'{' or (byte)':' or (byte)'}' => Class.Structure,
        _ => Class.Literal,
    };

    private enum Class
    {
        Literal,
        Whitespace,
        Quote,
        Structure,
    }
}
