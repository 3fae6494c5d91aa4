using LtxCodegen.Schema.Names;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>{Stem}ClientExtensions</c>: typed Submit/Run methods on IScenarioClient (so ScenarioClient and any fake
    /// have them), one line each into the runtime's <c>ScenarioTypedCalls</c> (argument checks live there, once).
    /// </summary>
    internal static class ClientExtensionsEmitter
    {
        private const string Ns = Qualifiers.Runtime;

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            var q = options.Q;
            w.Doc("Typed calls of the Scenario model <c>" + Escaping.Xml(plan.Model.Id) + "</c> on <see cref=\"" + Ns + "IScenarioClient\"/> (the client or a test double).");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public static partial class " + plan.ExtensionsName);
            w.Doc("Validates, then submits a request; returns the queued job (poll it with <c>WaitForJobAsync</c>).");
            w.Line("public static " + Qualifiers.System + "Threading.Tasks.Task<" + Ns + "ScenarioJob> Submit" + plan.Stem + "Async(this " + Ns + "IScenarioClient client, " + plan.RequestName + " request, " + Qualifiers.System + "Threading.CancellationToken cancellationToken = default) => " + Ns + "ScenarioTypedCalls.SubmitAsync(client, request, cancellationToken);");
            w.Doc("Validates, submits a request and waits for its job to finish, reporting progress.");
            w.Line("public static " + Qualifiers.System + "Threading.Tasks.Task<" + Ns + "ScenarioJob> Run" + plan.Stem + "Async(this " + Ns + "IScenarioClient client, " + plan.RequestName + " request, " + Qualifiers.System + "IProgress<" + Ns + "ScenarioJob>" + q + " progress = null, " + Qualifiers.System + "Threading.CancellationToken cancellationToken = default) => " + Ns + "ScenarioTypedCalls.RunAsync(client, request, progress, cancellationToken);");
            w.Close();
            w.Line();
        }
    }
}
