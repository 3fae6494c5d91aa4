using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LtxCodegen.Internal;

namespace LtxCodegen.Batch
{
    /// <summary>
    /// Reads a JSON Lines batch file — one <c>{"id", "model", "params"}</c> object a line — and checks every line before
    /// anything is sent: JSON, fields, known model, parameters against the model's rules, local files, clashing ids.
    /// </summary>
    public static class ScenarioBatchFile
    {
        /// <summary>The longest line read (characters); longer lines are an error and are not held in memory.</summary>
        public const int MaxLineLength = 1_000_000;

        /// <summary>The most lines a batch file may have.</summary>
        public const int MaxLines = 100_000;

        private static readonly JsonDocumentOptions s_json = new JsonDocumentOptions { MaxDepth = 64 };

        /// <summary>
        /// Reads and checks a batch file. Relative file paths in <c>params</c> are resolved against the batch file's folder.
        /// Never throws for bad content: every problem is in <see cref="ScenarioBatchPlan.Errors"/> with its line number.
        /// </summary>
        public static ScenarioBatchPlan Read(string path, IEnumerable<ScenarioModelDescriptor> models)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                return new ScenarioBatchPlan(full, Array.Empty<ScenarioBatchLine>(), new[] { new ScenarioBatchError(0, null, "The batch file " + ScenarioBatchText.Safe(full) + " does not exist.") });
            }

            using var reader = new StreamReader(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            return Read(reader, full, Path.GetDirectoryName(full)!, models);
        }

        /// <summary>Reads and checks batch lines from <paramref name="reader"/>; relative file paths resolve against <paramref name="baseDirectory"/>.</summary>
        public static ScenarioBatchPlan Read(TextReader reader, string source, string baseDirectory, IEnumerable<ScenarioModelDescriptor> models)
        {
            if (reader is null)
            {
                throw new ArgumentNullException(nameof(reader));
            }

            var byId = new Dictionary<string, ScenarioModelDescriptor>(StringComparer.Ordinal);
            foreach (var model in models ?? throw new ArgumentNullException(nameof(models)))
            {
                byId[model.Id] = model;
            }

            var lines = new List<ScenarioBatchLine>();
            var errors = new List<ScenarioBatchError>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var stems = new Dictionary<string, (int Line, string Id)>(StringComparer.OrdinalIgnoreCase);
            var number = 0;
            try
            {
                while (BatchLineReader.ReadLine(reader, MaxLineLength, out var text, out var tooLong))
                {
                    number++;
                    if (number > MaxLines)
                    {
                        errors.Add(new ScenarioBatchError(number, null, "The batch file has more than " + MaxLines + " lines; split it."));
                        break;
                    }

                    if (tooLong)
                    {
                        errors.Add(new ScenarioBatchError(number, null, "The line is longer than " + MaxLineLength + " characters."));
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(text))
                    {
                        continue;
                    }

                    var line = ReadOne(number, text!, baseDirectory, byId, errors, out var id);
                    if (id is not null)
                    {
                        if (ids.TryGetValue(id, out var first))
                        {
                            errors.Add(new ScenarioBatchError(number, id, "The id is already used on line " + first + "; every line needs its own id."));
                            continue;
                        }

                        ids[id] = number;
                    }

                    if (line is null)
                    {
                        continue;
                    }

                    if (stems.TryGetValue(line.FileStem, out var other))
                    {
                        errors.Add(new ScenarioBatchError(number, line.Id, "The output file name '" + line.FileStem + "' clashes with line " + other.Line
                            + " ('" + ScenarioBatchText.Safe(other.Id) + "'): ids differing only in case or in characters other than letters, digits, '-' and '_' name the same file."));
                        continue;
                    }

                    stems[line.FileStem] = (number, line.Id);
                    lines.Add(line);
                }
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new ScenarioBatchError(number + 1, null, "The batch file is not valid UTF-8."));
            }

            if (lines.Count == 0 && errors.Count == 0)
            {
                errors.Add(new ScenarioBatchError(0, null, "The batch file has no lines."));
            }

            return new ScenarioBatchPlan(source, lines, errors);
        }

        private static ScenarioBatchLine? ReadOne(int number, string text, string baseDirectory, Dictionary<string, ScenarioModelDescriptor> models, List<ScenarioBatchError> errors, out string? id)
        {
            id = null;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, s_json);
            }
            catch (JsonException e)
            {
                var column = e.BytePositionInLine is long p ? " (column " + (p + 1).ToString(CultureInfo.InvariantCulture) + ")" : "";
                errors.Add(new ScenarioBatchError(number, null, "Not valid JSON" + column + ": " + ScenarioBatchText.Safe(FirstSentence(e.Message))));
                return null;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ScenarioBatchError(number, null, "Each line must be a JSON object {\"id\", \"model\", \"params\"}."));
                    return null;
                }

                string? modelId = null;
                JsonElement? parameters = null;
                var count = errors.Count;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in root.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        errors.Add(new ScenarioBatchError(number, id, "The field '" + ScenarioBatchText.Safe(property.Name) + "' appears twice."));
                        continue;
                    }

                    switch (property.Name)
                    {
                        case "id":
                            id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                            break;
                        case "model":
                            modelId = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                            if (modelId is null)
                            {
                                errors.Add(new ScenarioBatchError(number, null, "'model' must be a string (a model id such as model_ltx-2-19b-extend-video)."));
                            }

                            break;
                        case "params":
                            if (property.Value.ValueKind == JsonValueKind.Object)
                            {
                                parameters = property.Value;
                            }
                            else
                            {
                                errors.Add(new ScenarioBatchError(number, null, "'params' must be a JSON object."));
                            }

                            break;
                        default:
                            errors.Add(new ScenarioBatchError(number, null, "Unknown field '" + ScenarioBatchText.Safe(property.Name) + "' (a line has \"id\", \"model\" and \"params\")."));
                            break;
                    }
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    errors.Insert(count, new ScenarioBatchError(number, null, "'id' is missing or not a non-empty string."));
                    return null;
                }

                var stem = ScenarioBatchFileName.Stem(id!);
                if (stem is null)
                {
                    errors.Add(new ScenarioBatchError(number, id, "The id is longer than " + ScenarioBatchFileName.MaxLength + " characters."));
                }

                ScenarioModelDescriptor? model = null;
                if (modelId is null && !seen.Contains("model"))
                {
                    errors.Add(new ScenarioBatchError(number, id, "'model' is missing."));
                }
                else if (modelId is not null && !models.TryGetValue(modelId, out model) && !models.TryGetValue("model_" + modelId, out model))
                {
                    errors.Add(new ScenarioBatchError(number, id, "Unknown model '" + ScenarioBatchText.Safe(modelId) + "' (known: " + string.Join(", ", models.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ")."));
                }

                if (parameters is null && !seen.Contains("params"))
                {
                    errors.Add(new ScenarioBatchError(number, id, "'params' is missing."));
                }

                var blocked = model is null || parameters is null || stem is null;
                if (blocked || errors.Count > count)
                {
                    for (var i = count; i < errors.Count; i++)
                    {
                        if (errors[i].Id is null && id is not null)
                        {
                            errors[i] = new ScenarioBatchError(number, id, errors[i].Message);
                        }
                    }
                }

                if (blocked)
                {
                    return null;
                }

                var before = errors.Count;
                var problems = ScenarioRequestValidator.Validate(model!, parameters!.Value);
                foreach (var problem in problems)
                {
                    errors.Add(new ScenarioBatchError(number, id, "params." + ScenarioBatchText.Safe(problem.Parameter) + ": " + ScenarioBatchText.Safe(problem.Message)));
                }

                var files = ResolveFiles(number, id!, model!, parameters.Value, baseDirectory, errors);
                if (problems.Count > 0 || files is null || before > count)
                {
                    return null;
                }

                return new ScenarioBatchLine(number, id!, stem!, model!, parameters.Value, files, Hash(model!.Id, parameters.Value));
            }
        }

        /// <summary>
        /// Every asset value is a local file (which must exist and have a known media type) or an asset id
        /// (<c>asset_…</c>, used as is). Returns value → full path, or null after adding errors.
        /// </summary>
        private static Dictionary<string, string>? ResolveFiles(int number, string id, ScenarioModelDescriptor model, JsonElement parameters, string baseDirectory, List<ScenarioBatchError> errors)
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var ok = true;
            foreach (var parameter in model.Parameters)
            {
                if (parameter.Type is not (ScenarioParameterType.Asset or ScenarioParameterType.AssetArray)
                    || !parameters.TryGetProperty(parameter.WireName, out var value))
                {
                    continue;
                }

                var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : new[] { value };
                foreach (var item in values)
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var text = item.GetString()!;
                    var where = "params." + ScenarioBatchText.Safe(parameter.WireName) + ": ";
                    string full;
                    try
                    {
                        full = Path.GetFullPath(Path.Combine(baseDirectory, text));
                    }
                    catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
                    {
                        full = "";
                    }

                    if (full.Length > 0 && File.Exists(full))
                    {
                        if (MediaTypes.FromFileName(full) is null)
                        {
                            errors.Add(new ScenarioBatchError(number, id, where + "cannot tell the media type of " + ScenarioBatchText.Safe(full) + " from its extension (expected e.g. .mp4, .webm, .png, .jpg)."));
                            ok = false;
                        }

                        files[text] = full;
                    }
                    else if (!LooksLikeAssetId(text))
                    {
                        errors.Add(new ScenarioBatchError(number, id, where + "no such file: " + ScenarioBatchText.Safe(full.Length > 0 ? full : text)
                            + " (relative paths start at the batch file's folder; an uploaded asset is given by its id, asset_…)."));
                        ok = false;
                    }
                }
            }

            return ok ? files : null;
        }

        internal static bool LooksLikeAssetId(string text) =>
            text.StartsWith("asset_", StringComparison.Ordinal) && text.Length > "asset_".Length && text.Length <= 200
            && text.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-');

        private static string Hash(string modelId, JsonElement parameters)
        {
            using var sha = SHA256.Create();
            var bytes = Encoding.UTF8.GetBytes(modelId + "\n" + parameters.GetRawText());
            return ToHex(sha.ComputeHash(bytes));
        }

        internal static string ToHex(byte[] hash)
        {
            var builder = new StringBuilder(hash.Length * 2);
            foreach (var b in hash)
            {
                builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        private static string FirstSentence(string message)
        {
            foreach (var marker in new[] { " Path:", " LineNumber:" })
            {
                var cut = message.IndexOf(marker, StringComparison.Ordinal);
                if (cut > 0)
                {
                    message = message.Substring(0, cut);
                }
            }

            return message;
        }
    }
}
