using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LtxCodegen.Analyzers
{
    /// <summary>
    /// Checks the values written to generated Scenario request classes against the rules the generator attached to
    /// their properties (LtxCodegen.Metadata attributes): ranges, option sets, pairs, multiples, required, lengths.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ScenarioRequestAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.OutOfRange,
            Descriptors.UnknownOption,
            Descriptors.UndocumentedOption,
            Descriptors.PairBroken,
            Descriptors.RoundedToMultiple,
            Descriptors.NotAMultiple,
            Descriptors.RequiredMissing,
            Descriptors.TooLong);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = MetadataTypes.TryCreate(context.Compilation);
            if (types is null)
            {
                return;
            }

            var reader = new RuleReader(types);
            context.RegisterOperationAction(c => AnalyzeAssignment(c, reader), OperationKind.SimpleAssignment);
            context.RegisterOperationAction(c => AnalyzeArgument(c, reader), OperationKind.Argument);
            context.RegisterOperationAction(c => CreationChecks.Analyze(c, reader), OperationKind.ObjectCreation);
        }

        /// <summary>Initializers (<c>new R { Fps = 120 }</c>), <c>with</c> expressions and plain assignments.</summary>
        private static void AnalyzeAssignment(OperationAnalysisContext context, RuleReader reader)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation target && reader.Get(target.Property) is { } rules)
            {
                ValueChecks.Check(context, rules, assignment.Value, target.Property.Type);
            }
        }

        /// <summary>Arguments of constructors and methods of request classes whose parameter maps to a property.</summary>
        private static void AnalyzeArgument(OperationAnalysisContext context, RuleReader reader)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Parameter is { } parameter
                && ParameterMapper.Map(parameter, reader) is { } rules)
            {
                ValueChecks.Check(context, rules, argument.Value, parameter.Type);
            }
        }
    }
}
