using System;
using System.Collections.Generic;
using LtxCodegen.Generator.Diagnostics;
using LtxCodegen.Generator.Model;

namespace LtxCodegen.Generator.Parsing
{
    /// <summary>Parses one doc file in whichever format it is; never throws.</summary>
    internal static class DocParser
    {
        public static ParsedDoc Parse(DocInput input)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var doc = new DocText(input.Path, input.Text);
            List<ModelSpec> models;
            try
            {
                if (UnityInputs.IsJson(input.Path, input.Text))
                {
                    models = ModelJsonParser.Parse(doc, diagnostics);
                }
                else
                {
                    var page = MarkdownPage.Load(doc);
                    models = ProviderPageParser.IsProviderPage(page)
                        ? ProviderPageParser.Parse(page, diagnostics)
                        : ApiReferencePageParser.Parse(page, diagnostics);
                }

                models = CheckNames(models, diagnostics);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InternalError, doc.Locate(0, 0), e.GetType().Name + ": " + e.Message));
                models = new List<ModelSpec>();
            }

            return new ParsedDoc(input.Path, models.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        // Reports wire names that cannot be C# identifiers as they are (the property gets a cleaned name).
        private static List<ModelSpec> CheckNames(List<ModelSpec> models, List<DiagnosticInfo> diagnostics)
        {
            foreach (var model in models)
            {
                foreach (var p in model.Parameters)
                {
                    var property = Emitting.Naming.PropertyName(p.WireName);
                    if (Emitting.Naming.IsKeyword(p.WireName))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.KeywordName, p.Location, p.WireName, property));
                    }
                    else if (!Emitting.Naming.IsPlainWireName(p.WireName))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidIdentifier, p.Location, p.WireName, property));
                    }
                }
            }

            return models;
        }
    }
}
