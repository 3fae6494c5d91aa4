using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>Reads (and caches, per compilation) the rule attributes of request properties and classes.</summary>
    internal sealed class RuleReader
    {
        private static readonly ParameterRules NoRules = new ParameterRules(null!, string.Empty, string.Empty);

        private readonly MetadataTypes _types;
        private readonly ConcurrentDictionary<IPropertySymbol, ParameterRules> _properties =
            new ConcurrentDictionary<IPropertySymbol, ParameterRules>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, string> _models =
            new ConcurrentDictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);

        public RuleReader(MetadataTypes types) => _types = types;

        public MetadataTypes Types => _types;

        /// <summary>The rules of a property marked [ScenarioParameter], or null for any other property.</summary>
        public ParameterRules? Get(IPropertySymbol property)
        {
            var rules = _properties.GetOrAdd(property.OriginalDefinition, Read);
            return ReferenceEquals(rules, NoRules) ? null : rules;
        }

        /// <summary>The model id of a class marked [ScenarioModel] (or one of its bases), else null.</summary>
        public string? GetModelId(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            var id = _models.GetOrAdd(named.OriginalDefinition, ReadModelId);
            return id.Length == 0 ? null : id;
        }

        private string ReadModelId(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.Model)
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string id)
                    {
                        return id;
                    }
                }
            }

            return string.Empty;
        }

        private ParameterRules Read(IPropertySymbol property)
        {
            string? wireName = null;
            var attributes = property.GetAttributes();
            foreach (var attribute in attributes)
            {
                if (Is(attribute, _types.Parameter) && attribute.ConstructorArguments.Length == 1)
                {
                    wireName = attribute.ConstructorArguments[0].Value as string;
                }
            }

            if (wireName is null)
            {
                return NoRules;
            }

            var rules = new ParameterRules(property, wireName, GetModelId(property.ContainingType) ?? property.ContainingType.Name);
            foreach (var attribute in attributes)
            {
                if (Is(attribute, _types.Range))
                {
                    rules.Minimum = NamedDouble(attribute, "Minimum");
                    rules.Maximum = NamedDouble(attribute, "Maximum");
                }
                else if (Is(attribute, _types.Options) && attribute.ConstructorArguments.Length == 1)
                {
                    var builder = ImmutableArray.CreateBuilder<string>();
                    var argument = attribute.ConstructorArguments[0];
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        foreach (var value in argument.Values)
                        {
                            if (value.Value is string text)
                            {
                                builder.Add(text);
                            }
                        }
                    }

                    rules.Options = builder.ToImmutable();
                    rules.OptionsAreClosed = NamedBool(attribute, "IsClosed");
                }
                else if (Is(attribute, _types.Pair) && attribute.ConstructorArguments.Length == 1)
                {
                    rules.PairWireName = attribute.ConstructorArguments[0].Value as string;
                }
                else if (Is(attribute, _types.MultipleOf) && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is double step && step > 0 && !double.IsInfinity(step))
                {
                    rules.MultipleOf = step;
                    rules.MultipleOfIsError = NamedBool(attribute, "IsError");
                }
                else if (Is(attribute, _types.Required))
                {
                    rules.IsRequired = true;
                }
                else if (Is(attribute, _types.MaxLength) && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int max && max >= 0)
                {
                    rules.MaxLength = max;
                }
            }

            return rules;
        }

        private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

        private static double NamedDouble(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is double value)
                {
                    return value;
                }
            }

            return double.NaN;
        }

        private static bool NamedBool(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is bool value)
                {
                    return value;
                }
            }

            return false;
        }
    }
}
