using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using LtxCodegen.Internal;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// The values given for asset parameters (<c>--video</c>, <c>--image</c>...): a local file to upload, or an asset id.
    /// A value that looks like a path (a folder separator, a leading '.' or '~', or a file extension) but is not an
    /// existing file is bad input, as is a file whose type the service does not take: both are found before anything is
    /// uploaded or sent (and by <c>--dry-run</c>).
    /// </summary>
    internal static class AssetInputs
    {
        private static readonly string[] s_kinds = { "image", "video", "audio", "3d" };

        /// <summary>The local files to upload, in order, without repeats; throws nothing (see <see cref="Check"/>).</summary>
        public static IReadOnlyList<string> FilesToUpload(ScenarioModelDescriptor model, JsonObject body) =>
            Values(model, body).Where(v => File.Exists(v.Value)).Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>One error per asset value that is a missing file, a folder or a file of a type the service does not take.</summary>
        public static IReadOnlyList<ValidationError> Check(ScenarioModelDescriptor model, JsonObject body)
        {
            var errors = new List<ValidationError>();
            foreach (var (parameter, value) in Values(model, body))
            {
                var shown = "'" + TerminalText.StripControls(value) + "'";
                if (File.Exists(value))
                {
                    var contentType = MediaTypes.FromFileName(value);
                    if (contentType is null)
                    {
                        var extension = Path.GetExtension(value);
                        errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type,
                            shown + " is not a media file the service takes (" + (extension.Length == 0 ? "no extension" : TerminalText.StripControls(extension))
                            + "; expected e.g. .mp4, .webm, .mov, .png, .jpg, .webp)."));
                    }
                    else if (ExpectedKind(parameter) is string expected && MediaTypes.KindOf(contentType) is string kind
                        && !string.Equals(kind, expected, StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type,
                            shown + " is " + (kind == "image" || kind == "audio" ? "an " : "a ") + kind + " file; this parameter takes " + (expected == "image" || expected == "audio" ? "an " : "a ") + expected + "."));
                    }
                }
                else if (Directory.Exists(value))
                {
                    errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type, shown + " is a folder; give a file or an asset id."));
                }
                else if (LooksLikePath(value))
                {
                    errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type,
                        "no such file: " + shown + FullPathNote(value) + ". A value with a folder separator or a file extension is read as a local file; an asset id looks like asset_..."));
                }
            }

            return errors;
        }

        /// <summary>True for a value that can only be meant as a local path, never as an asset id.</summary>
        public static bool LooksLikePath(string value)
        {
            if (value.IndexOf('/') >= 0 || value.IndexOf('\\') >= 0 || value.StartsWith('.') || value.StartsWith('~'))
            {
                return true;
            }

            var dot = value.LastIndexOf('.');
            if (dot <= 0 || dot == value.Length - 1)
            {
                return false;
            }

            var extension = value.AsSpan(dot + 1);
            return extension.Length <= 5 && IsAlphanumeric(extension) && ContainsLetter(extension);
        }

        private static IEnumerable<(ScenarioParameterDescriptor Parameter, string Value)> Values(ScenarioModelDescriptor model, JsonObject body)
        {
            foreach (var parameter in model.Parameters.Where(ParameterOptions.IsAsset))
            {
                var node = body[parameter.WireName];
                var values = node is JsonArray array ? array.Select(n => n as JsonValue) : new[] { node as JsonValue };
                foreach (var value in values)
                {
                    if (value is not null && value.TryGetValue<string>(out var text) && text.Length > 0)
                    {
                        yield return (parameter, text);
                    }
                }
            }
        }

        private static string FullPathNote(string value)
        {
            try
            {
                return " (" + TerminalText.StripControls(Path.GetFullPath(value)) + ")";
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return "";
            }
        }

        private static string? ExpectedKind(ScenarioParameterDescriptor parameter) =>
            parameter.AssetKind is string kind && s_kinds.Contains(kind, StringComparer.OrdinalIgnoreCase) ? kind.ToLowerInvariant() : null;

        private static bool IsAlphanumeric(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsLetter(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsAsciiLetter(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
