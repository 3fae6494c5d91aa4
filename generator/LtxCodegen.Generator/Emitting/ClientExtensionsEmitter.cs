using LtxCodegen.Schema.Names;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits <c>{Stem}ClientExtensions</c>: typed Submit/Run methods on IScenarioClient (so ScenarioClient and any fake have them).</summary>
    internal static class ClientExtensionsEmitter
    {
        private const string Ns = "global::LtxCodegen.";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            var q = options.Q;
            w.Doc("Typed calls of the Scenario model <c>" + Escaping.Xml(plan.Model.Id) + "</c> on <see cref=\"" + Ns + "IScenarioClient\"/> (<see cref=\"" + Ns + "ScenarioClient\"/> or a test double).");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public static partial class " + plan.ExtensionsName);
            w.Doc("Validates, then submits a request; returns the queued job (poll it with <c>WaitForJobAsync</c>).");
            w.Open("public static global::System.Threading.Tasks.Task<" + Ns + "ScenarioJob> Submit" + plan.Stem + "Async(this " + Ns + "IScenarioClient client, " + plan.RequestName + " request, global::System.Threading.CancellationToken cancellationToken = default)");
            EmitGuards(w);
            w.Line("return client.SubmitAsync(request, cancellationToken);");
            w.Close();
            w.Line();
            w.Doc("Validates, submits a request and waits for its job to finish, reporting progress.");
            w.Open("public static global::System.Threading.Tasks.Task<" + Ns + "ScenarioJob> Run" + plan.Stem + "Async(this " + Ns + "IScenarioClient client, " + plan.RequestName + " request, global::System.IProgress<" + Ns + "ScenarioJob>" + q + " progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
            EmitGuards(w);
            w.Line("return client.RunAsync(request, progress, cancellationToken);");
            w.Close();
            w.Close();
            w.Line();
        }

        private static void EmitGuards(CodeWriter w)
        {
            w.Line("if (client == null) throw new global::System.ArgumentNullException(nameof(client));");
            w.Line("if (request == null) throw new global::System.ArgumentNullException(nameof(request));");
        }
    }
}
