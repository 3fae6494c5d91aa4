using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LtxCodegen.Json
{
    /// <summary>
    /// What an error body says beyond its reason: the other messages, the error name or code, the per-parameter
    /// errors (<c>errors</c>) and the <c>details</c> (e.g. <c>currentPlan</c>/<c>requiredPlan</c>). Bounded in count and length.
    /// </summary>
    internal sealed class ErrorDetails
    {
        public const int MaxItems = 50;
        public const int MaxTextLength = 1000;

        private static readonly string[] s_messageFields = { "reason", "message", "error", "detail", "errorMessage", "description", "title" };
        private static readonly string[] s_parameterFields = { "parameter", "param", "field", "path", "property", "name", "key" };
        private static readonly string[] s_textFields = { "message", "reason", "error", "detail", "msg" };

        private ErrorDetails(IReadOnlyList<string> messages, string? name, IReadOnlyList<string> errors, IReadOnlyList<KeyValuePair<string, string>> details)
        {
            Messages = messages;
            Name = name;
            Errors = errors;
            Details = details;
        }

        /// <summary>The body's texts other than the reason, in field order, without repeats.</summary>
        public IReadOnlyList<string> Messages { get; }

        /// <summary>The error's <c>name</c> or <c>code</c> (e.g. <c>ModelAccessRestrictedError</c>).</summary>
        public string? Name { get; }

        /// <summary>The per-parameter errors, as <c>parameter: message</c>.</summary>
        public IReadOnlyList<string> Errors { get; }

        /// <summary>The <c>details</c> object's members (scalars as text, others as JSON).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

        /// <summary>Reads the extra texts of an error body; null when it has none besides <paramref name="reason"/>.</summary>
        public static ErrorDetails? Read(JsonElement root, string? reason)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (reason is not null)
            {
                seen.Add(reason);
            }

            var messages = new List<string>();
            foreach (var field in s_messageFields)
            {
                if (ScenarioJson.Text(root, field) is string text && seen.Add(text))
                {
                    messages.Add(Cap(text));
                }
            }

            var name = Scalar(root, "name") ?? Scalar(root, "code");
            var errors = new List<string>();
            if (root.TryGetProperty("errors", out var list))
            {
                ReadErrors(list, errors);
            }

            var details = new List<KeyValuePair<string, string>>();
            if (root.TryGetProperty("details", out var d))
            {
                if (d.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in d.EnumerateObject())
                    {
                        if (details.Count >= MaxItems)
                        {
                            break;
                        }

                        details.Add(new KeyValuePair<string, string>(Cap(property.Name), Cap(ValueText(property.Value))));
                    }
                }
                else if (d.ValueKind == JsonValueKind.Array)
                {
                    ReadErrors(d, errors);
                }
                else if (d.ValueKind == JsonValueKind.String && d.GetString() is string text && text.Trim().Length > 0 && seen.Add(text))
                {
                    messages.Add(Cap(text));
                }
            }

            return messages.Count == 0 && name is null && errors.Count == 0 && details.Count == 0
                ? null
                : new ErrorDetails(messages, name, errors, details);
        }

        /// <summary>One line for an exception message: "Message. Errors: a; b. Details: k=v, k2=v2. Error name: N."</summary>
        public string Describe()
        {
            var text = new StringBuilder();
            foreach (var message in Messages)
            {
                Sentence(text, message);
            }

            if (Errors.Count > 0)
            {
                Sentence(text, "Errors: " + string.Join("; ", Errors));
            }

            if (Details.Count > 0)
            {
                var pairs = new List<string>(Details.Count);
                foreach (var pair in Details)
                {
                    pairs.Add(pair.Key + "=" + pair.Value);
                }

                Sentence(text, "Details: " + string.Join(", ", pairs));
            }

            if (Name is not null)
            {
                Sentence(text, "Error name: " + Name);
            }

            return text.ToString();
        }

        private static void Sentence(StringBuilder text, string sentence)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(sentence);
            if (!sentence.EndsWith(".", StringComparison.Ordinal))
            {
                text.Append('.');
            }
        }

        private static void ReadErrors(JsonElement list, List<string> errors)
        {
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (errors.Count >= MaxItems)
                    {
                        return;
                    }

                    if (ErrorText(item) is string text)
                    {
                        errors.Add(Cap(text));
                    }
                }
            }
            else if (list.ValueKind == JsonValueKind.Object)
            {
                // {"video": "must be set", "duration": ["too long"]}
                foreach (var property in list.EnumerateObject())
                {
                    if (errors.Count >= MaxItems)
                    {
                        return;
                    }

                    errors.Add(Cap(property.Name + ": " + (ErrorText(property.Value) ?? ValueText(property.Value))));
                }
            }
            else if (list.ValueKind == JsonValueKind.String && list.GetString() is string s && s.Trim().Length > 0)
            {
                errors.Add(Cap(s));
            }
        }

        private static string? ErrorText(JsonElement item)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    var s = item.GetString();
                    return string.IsNullOrWhiteSpace(s) ? null : s;
                case JsonValueKind.Array:
                    var parts = new List<string>();
                    foreach (var inner in item.EnumerateArray())
                    {
                        if (parts.Count < MaxItems && ErrorText(inner) is string t)
                        {
                            parts.Add(t);
                        }
                    }

                    return parts.Count == 0 ? null : string.Join(", ", parts);
                case JsonValueKind.Object:
                    string? parameter = null;
                    foreach (var field in s_parameterFields)
                    {
                        parameter ??= ParameterName(item, field);
                    }

                    string? message = null;
                    foreach (var field in s_textFields)
                    {
                        message ??= ScenarioJson.Text(item, field);
                    }

                    message ??= ValueText(item);
                    return parameter is null ? message : parameter + ": " + message;
                default:
                    return ValueText(item);
            }
        }

        private static string? ParameterName(JsonElement item, string field)
        {
            if (!item.TryGetProperty(field, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString();
            }

            // {"path": ["video"]} (JSON-schema style validators)
            if (value.ValueKind == JsonValueKind.Array)
            {
                var parts = new List<string>();
                foreach (var p in value.EnumerateArray())
                {
                    parts.Add(ValueText(p));
                }

                return parts.Count == 0 ? null : string.Join(".", parts);
            }

            return null;
        }

        private static string? Scalar(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.String || value.ValueKind == JsonValueKind.Number)
                ? (value.ValueKind == JsonValueKind.String ? (string.IsNullOrWhiteSpace(value.GetString()) ? null : Cap(value.GetString()!)) : value.GetRawText())
                : null;

        private static string ValueText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => Cap(value.GetRawText()),
        };

        private static string Cap(string text) =>
            text.Length <= MaxTextLength ? text : text.Substring(0, MaxTextLength) + "… (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
