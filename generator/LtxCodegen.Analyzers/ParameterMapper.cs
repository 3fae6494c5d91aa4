using System;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>
    /// Maps a method or constructor parameter to the request property it sets: the method belongs to, or returns, a
    /// class marked [ScenarioModel], and the parameter is named like the property (camelCase of the C# name, any case)
    /// or like its wire name.
    /// </summary>
    internal static class ParameterMapper
    {
        public static ParameterRules? Map(IParameterSymbol parameter, RuleReader reader)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return null;
            }

            return Find(method.ContainingType, parameter.Name, reader)
                ?? (method.MethodKind == MethodKind.Constructor ? null : Find(method.ReturnType as INamedTypeSymbol, parameter.Name, reader));
        }

        /// <summary>The rules of the property of <paramref name="type"/> a parameter named <paramref name="name"/> sets.</summary>
        public static ParameterRules? Find(INamedTypeSymbol? type, string name, RuleReader reader)
        {
            if (type is null || reader.GetModelId(type) is null)
            {
                return null;
            }

            ParameterRules? byWireName = null;
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && reader.Get(property) is { } rules)
                    {
                        if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return rules;
                        }

                        if (byWireName is null && string.Equals(rules.WireName, name, StringComparison.Ordinal))
                        {
                            byWireName = rules;
                        }
                    }
                }
            }

            return byWireName;
        }

        /// <summary>The rules of the property of <paramref name="type"/> sent under <paramref name="wireName"/>.</summary>
        public static ParameterRules? FindByWireName(INamedTypeSymbol type, string wireName, RuleReader reader)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && reader.Get(property) is { } rules
                        && string.Equals(rules.WireName, wireName, StringComparison.Ordinal))
                    {
                        return rules;
                    }
                }
            }

            return null;
        }
    }
}
