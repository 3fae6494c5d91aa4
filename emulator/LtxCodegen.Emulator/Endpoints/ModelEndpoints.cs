using System.Threading.Tasks;
using LtxCodegen.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary><c>GET /v1/models/{modelId}</c>: the model JSON format (<c>{"model": {"id", "name", "inputs": [...]}}</c>) written from the descriptor.</summary>
    internal static class ModelEndpoints
    {
        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapGet("/v1/models/{modelId}", context => GetAsync(state, context));
        }

        private static Task GetAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "modelId");
            var model = state.FindModel(id);
            return model is null
                ? HttpResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Model not found", "No model '" + id + "' exists.")
                : HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, ModelJsonWriter.Write(model));
        }
    }
}
