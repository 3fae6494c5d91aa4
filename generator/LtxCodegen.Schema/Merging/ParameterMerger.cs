using System;
using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Parsing;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>
    /// Merges what a later doc (<c>b</c>) says of one parameter into what the docs before it said (<c>a</c>). A value
    /// only one side states is taken; a structured value refines a prose one; an integer refines a number. Two
    /// stated values that disagree are judged by <see cref="ConflictRules"/>: settled, the kept value is reported
    /// as a warning (LTXG0022) at both places; not settled, the first value stays and LTXG0008 is an error.
    /// </summary>
    internal sealed class ParameterMerger
    {
        private readonly string modelId;
        private readonly ParameterSpec a;
        private readonly ParameterSpec b;
        private readonly ValueSource bSource;
        private readonly ValueSources sources;
        private readonly List<DiagnosticInfo> diagnostics;

        private ParameterMerger(string modelId, ParameterSpec a, ParameterSpec b, DocStanding bDoc, ValueSources sources, List<DiagnosticInfo> diagnostics)
        {
            this.modelId = modelId;
            this.a = a;
            this.b = b;
            bSource = new ValueSource(bDoc, b.Location);
            this.sources = sources;
            this.diagnostics = diagnostics;
        }

        public static ParameterSpec Merge(
            string modelId, ParameterSpec a, ParameterSpec b, DocStanding bDoc, ValueSources sources, List<DiagnosticInfo> diagnostics) =>
            new ParameterMerger(modelId, a, b, bDoc, sources, diagnostics).Merge();

        private ParameterSpec Merge()
        {
            var merged = a;
            var kind = MergeKind(a.Kind, b.Kind);
            if (kind is not null)
            {
                merged = merged with { Kind = kind.Value };
            }
            else if (SecondWins("the type", a.RawType, b.RawType))
            {
                merged = merged with { Kind = b.Kind, RawType = b.RawType };
            }

            merged = merged with { Description = a.Description ?? b.Description };

            if (a.Required is bool ra && b.Required is bool rb && ra != rb)
            {
                if (SecondWins("'required'", ra ? "required" : "optional", rb ? "required" : "optional"))
                {
                    merged = merged with { Required = rb };
                }
            }
            else if (a.Required is null && b.Required is not null)
            {
                merged = merged with { Required = b.Required };
                Take("'required'");
            }

            if (a.Default is not null && b.Default is not null && !a.Default.SameValue(b.Default))
            {
                if (SecondWins("the default", a.Default.Json, b.Default.Json))
                {
                    merged = merged with { Default = b.Default };
                }
            }
            else if (a.Default is null && b.Default is not null)
            {
                merged = merged with { Default = b.Default };
                Take("the default");
            }

            var (min, _) = MergeRule(a.Minimum, b.Minimum, "the minimum", Escaping.Number);
            var (max, _) = MergeRule(a.Maximum, b.Maximum, "the maximum", Escaping.Number);
            merged = merged with { Minimum = min, Maximum = max };

            var (step, stepFromB) = MergeRule(a.MultipleOf, b.MultipleOf, "the step (multiple of)", Escaping.Number);
            var stepIsError = step is not null && (stepFromB ? b.MultipleOfIsError : a.MultipleOfIsError);
            merged = merged with { MultipleOf = step, MultipleOfIsError = stepIsError };

            var (maxLength, _) = MergeRule(a.MaxLength, b.MaxLength, "the maximum length", n => Escaping.Number(n));
            merged = merged with { MaxLength = maxLength };

            merged = MergeOptions(merged);

            if (a.PairedWith is null || (a.PairedWith.Origin == RuleOrigin.Prose && b.PairedWith is { Origin: RuleOrigin.Structured }))
            {
                merged = merged with { PairedWith = b.PairedWith ?? a.PairedWith };
            }

            if (a.AssetKind is not null && b.AssetKind is not null && !string.Equals(a.AssetKind, b.AssetKind, StringComparison.OrdinalIgnoreCase))
            {
                if (SecondWins("the asset kind", a.AssetKind, b.AssetKind))
                {
                    merged = merged with { AssetKind = b.AssetKind };
                }
            }
            else if (a.AssetKind is null && b.AssetKind is not null)
            {
                merged = merged with { AssetKind = b.AssetKind };
                Take("the asset kind");
            }

            var conditions = a.Conditions.ToList();
            var known = new HashSet<(string, bool)>(a.Conditions.Select(c => (c.OtherWireName, c.WhenOtherIsSet)));
            foreach (var c in b.Conditions)
            {
                if (known.Add((c.OtherWireName, c.WhenOtherIsSet)))
                {
                    conditions.Add(c);
                }
            }

            return merged with { Conditions = conditions.ToEquatableArray() };
        }

        /// <summary>
        /// Judges two stated values that disagree; true when <c>b</c>'s is kept (and noted as the field's source).
        /// Settled: a warning at both places names both docs, the kept value and the rule. Not settled: an error
        /// at <c>b</c>, and <c>a</c>'s value stays.
        /// </summary>
        private bool SecondWins(string field, string aText, string bText)
        {
            var aSource = sources.Of(a, field);
            var settlement = ConflictRules.Settle(aSource.Doc, bSource.Doc);
            if (settlement is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SchemaDiagnostics.Conflict, b.Location, modelId, a.WireName, field, bText, aText, aSource.Location.Describe()));
                return false;
            }

            var kept = settlement.SecondWins ? bText : aText;
            foreach (var place in new[] { aSource.Location, b.Location })
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SchemaDiagnostics.SettledConflict, place, modelId, a.WireName, field,
                    aText, aSource.Location.Describe(), bText, b.Location.Describe(), kept, settlement.Reason));
            }

            if (settlement.SecondWins)
            {
                Take(field);
            }

            return settlement.SecondWins;
        }

        private void Take(string field) => sources.Take(a.WireName, field, bSource);

        private static ParameterKind? MergeKind(ParameterKind a, ParameterKind b)
        {
            if (a == b)
            {
                return a;
            }

            if (ParameterTypes.IsNumeric(a) && ParameterTypes.IsNumeric(b))
            {
                return ParameterKind.Integer;
            }

            // A raw JSON value is refined by anything more precise.
            if (a == ParameterKind.Json)
            {
                return b;
            }

            if (b == ParameterKind.Json)
            {
                return a;
            }

            return null;
        }

        // A value only one side states is taken; a structured value refines a prose one; two structured values that
        // differ are judged (SecondWins); of two prose values the first stays.
        private (Sourced<T>? Rule, bool FromB) MergeRule<T>(Sourced<T>? av, Sourced<T>? bv, string field, Func<T, string> format)
        {
            if (av is null)
            {
                if (bv is not null)
                {
                    Take(field);
                }

                return (bv, bv is not null);
            }

            if (bv is null)
            {
                return (av, false);
            }

            if (av.Origin == RuleOrigin.Structured && bv.Origin == RuleOrigin.Structured)
            {
                return !EqualityComparer<T>.Default.Equals(av.Value, bv.Value) && SecondWins(field, format(av.Value), format(bv.Value))
                    ? (bv, true)
                    : (av, false);
            }

            if (av.Origin == RuleOrigin.Prose && bv.Origin == RuleOrigin.Structured)
            {
                Take(field);
                return (bv, true);
            }

            return (av, false);
        }

        private ParameterSpec MergeOptions(ParameterSpec merged)
        {
            const string Field = "the allowed values";
            if (b.Options is not { } bOptions)
            {
                return merged;
            }

            var takeB = merged with { Options = bOptions };
            if (a.Options is not { } aOptions)
            {
                Take(Field);
                return takeB;
            }

            var aStructured = aOptions.Origin == RuleOrigin.Structured;
            var bStructured = bOptions.Origin == RuleOrigin.Structured;
            if (aStructured && bStructured)
            {
                var (av, bv) = (aOptions.Value, bOptions.Value);
                var differ = av.IsClosed && bv.IsClosed && !new HashSet<string>(av.Values).SetEquals(bv.Values);
                return differ && SecondWins(Field, string.Join(", ", av.Values), string.Join(", ", bv.Values)) ? takeB : merged;
            }

            if (bStructured)
            {
                Take(Field);
                return takeB;
            }

            return merged;
        }
    }
}
