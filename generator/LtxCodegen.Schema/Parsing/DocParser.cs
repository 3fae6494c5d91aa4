using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Parses one doc file in whichever format it is; never throws.</summary>
    internal static class DocParser
    {
        public static ParsedDoc Parse(DocInput input)
        {
            var diagnostics = new List<DiagnosticInfo>();
            if (input.Text.Length > DocLimits.MaxDocLength)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SchemaDiagnostics.LimitExceeded, DocLocation.FileStart(input.Path), "This doc",
                    Count(DocLimits.MaxDocLength), "characters", "it is not read"));
                return new ParsedDoc(input.Path, EquatableArray<ModelSpec>.Empty, diagnostics.ToEquatableArray());
            }

            var doc = new DocText(input.Path, NormalizeLoneCarriageReturns(input.Text));
            List<ModelSpec> models;
            var isJson = false;
            DateTime? statedDate = null;
            try
            {
                if (UnityInputs.IsJson(input.Path, input.Text))
                {
                    isJson = true;
                    models = ModelJsonParser.Parse(doc, diagnostics);
                }
                else
                {
                    var page = MarkdownPage.Load(doc);
                    statedDate = StatedDate.Read(page);
                    models = ProviderPageParser.IsProviderPage(page)
                        ? ProviderPageParser.Parse(page, diagnostics)
                        : ApiReferencePageParser.Parse(page, diagnostics);
                }

                models = CheckNames(models, diagnostics);
            }
            catch (MarkdownTooDeepException)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SchemaDiagnostics.LimitExceeded, doc.Locate(0, 0), "The nesting of this doc's markdown (emphasis, links, quotes)",
                    "the markdown reader's", "levels", "the doc is not read"));
                models = new List<ModelSpec>();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InternalError, doc.Locate(0, 0), e.GetType().Name + ": " + e.Message));
                models = new List<ModelSpec>();
            }

            return new ParsedDoc(input.Path, models.ToEquatableArray(), diagnostics.ToEquatableArray())
            {
                StatedDate = statedDate,
                IsModelJson = isJson,
            };
        }

        /// <summary>
        /// A lone CR (old Mac line ends) becomes LF, one character for one, so every offset and line still matches
        /// the file; CRLF stays (the markdown reader takes it).
        /// </summary>
        internal static string NormalizeLoneCarriageReturns(string text)
        {
            var at = text.IndexOf('\r');
            if (at < 0)
            {
                return text;
            }

            var chars = text.ToCharArray();
            for (var i = at; i < chars.Length; i++)
            {
                if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                {
                    chars[i] = '\n';
                }
            }

            return new string(chars);
        }

        // Reports wire names that cannot be C# identifiers as they are (the property gets a cleaned name), names that
        // mix scripts, and names, descriptions and parameter counts beyond the limits.
        private static List<ModelSpec> CheckNames(List<ModelSpec> models, List<DiagnosticInfo> diagnostics)
        {
            var result = new List<ModelSpec>(Math.Min(models.Count, DocLimits.MaxModelsPerDoc));
            var parametersInDoc = 0;
            var parametersCapped = false;
            foreach (var model in models)
            {
                if (result.Count == DocLimits.MaxModelsPerDoc)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, model.Location, "This doc",
                        Count(DocLimits.MaxModelsPerDoc), "models", "'" + model.Id + "' and the models after it are ignored"));
                    break;
                }

                if (model.Id.Length > DocLimits.MaxNameLength)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, model.Location, "The model id '" + model.Id + "'",
                        Count(DocLimits.MaxNameLength), "characters", "the model is not generated"));
                    continue;
                }

                if (Confusables.IsMixedScript(model.Id, out var mixedId))
                {
                    diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.ConfusableName, model.Location, "Model id '" + model.Id + "' " + mixedId));
                }

                var parameters = new List<ParameterSpec>(Math.Min(model.Parameters.Count, DocLimits.MaxParameters));
                foreach (var p in model.Parameters)
                {
                    if (parameters.Count == DocLimits.MaxParameters)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.LimitExceeded, p.Location, "Model '" + model.Id + "' in this doc",
                            Count(DocLimits.MaxParameters), "parameters", "'" + p.WireName + "' and the parameters after it are ignored"));
                        break;
                    }

                    if (parametersInDoc == DocLimits.MaxParametersPerDoc)
                    {
                        if (parametersCapped)
                        {
                            break;
                        }

                        parametersCapped = true;
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.LimitExceeded, p.Location, "This doc",
                            Count(DocLimits.MaxParametersPerDoc), "parameters in all", "'" + p.WireName + "' and the parameters after it are ignored"));
                        break;
                    }

                    if (p.WireName.Length > DocLimits.MaxNameLength)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.LimitExceeded, p.Location, "The parameter name '" + p.WireName + "'",
                            Count(DocLimits.MaxNameLength), "characters", "the parameter is ignored"));
                        continue;
                    }

                    var property = Naming.PropertyName(p.WireName);
                    if (Naming.IsKeyword(p.WireName))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.KeywordName, p.Location, p.WireName, property));
                    }
                    else if (!Naming.IsPlainWireName(p.WireName))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidIdentifier, p.Location, p.WireName, property));
                    }

                    if (Confusables.IsMixedScript(p.WireName, out var mixed))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.ConfusableName, p.Location, "Parameter name '" + p.WireName + "' " + mixed));
                    }

                    parameters.Add(p);
                    parametersInDoc++;
                }

                result.Add(model with
                {
                    Name = Cut(model.Name, DocLimits.MaxNameLength, "The model name", model.Location, diagnostics),
                    Description = Cut(model.Description, DocLimits.MaxDescriptionLength, "The description of model '" + model.Id + "'", model.Location, diagnostics),
                    Parameters = parameters.ToEquatableArray(),
                });
            }

            return result;
        }

        /// <summary>Cuts text longer than <paramref name="limit"/> (never inside a surrogate pair) and reports it.</summary>
        internal static string? Cut(string? text, int limit, string what, DocLocation location, List<DiagnosticInfo> diagnostics)
        {
            if (text is null || text.Length <= limit)
            {
                return text;
            }

            diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.LimitExceeded, location, what, Count(limit), "characters", "it is cut there"));
            var keep = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
            return text.Substring(0, keep) + "…";
        }

        private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
