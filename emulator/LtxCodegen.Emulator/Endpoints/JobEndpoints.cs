using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary><c>GET /v1/jobs/{jobId}</c>, <c>GET /v1/jobs</c> and <c>POST /v1/jobs/{jobId}/action</c> (cancel).</summary>
    internal static class JobEndpoints
    {
        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapGet("/v1/jobs/{jobId}", context => GetAsync(state, context));
            app.MapGet("/v1/jobs", context => ListAsync(state, context));
            app.MapPost("/v1/jobs/{jobId}/action", context => ActionAsync(state, context));
        }

        private static Task GetAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "jobId");
            var job = state.Store.FindJob(id, HttpResults.User(context));
            return job is null
                ? HttpResults.NotFoundAsync(context, "Job", id)
                : HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["job"] = state.JobJson(job) });
        }

        /// <summary>
        /// The caller's jobs, newest first, paged (<see cref="Paging"/>); <c>status</c> keeps the jobs whose current status is
        /// exactly that value.
        /// </summary>
        private static Task ListAsync(EmulatorState state, HttpContext context)
        {
            var query = context.Request.Query;
            if (Paging.Read(query, out var error) is not var (offset, pageSize))
            {
                return HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid query parameters", error!);
            }

            var status = query["status"].ToString();
            var jobs = state.Store.JobsOf(HttpResults.User(context))
                .Select(state.JobJson)
                .Where(j => status.Length == 0 || string.Equals((string?)j["status"], status, StringComparison.Ordinal))
                .ToList();
            var page = new JsonArray();
            foreach (var job in jobs.Skip(offset).Take(pageSize))
            {
                page.Add(job);
            }

            var body = new JsonObject { ["jobs"] = page };
            if (offset + pageSize < jobs.Count)
            {
                body["nextPaginationToken"] = Paging.Encode(offset + pageSize, pageSize);
            }

            return HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, body);
        }

        private static async Task ActionAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "jobId");
            var job = state.Store.FindJob(id, HttpResults.User(context));
            if (job is null)
            {
                await HttpResults.NotFoundAsync(context, "Job", id).ConfigureAwait(false);
                return;
            }

            using var document = await HttpResults.ReadJsonAsync(context).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var action = HttpResults.GetString(document.RootElement, "action");
            if (action != "cancel")
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid action",
                    "'action' must be \"cancel\", not " + (action is null ? "missing" : "\"" + action + "\"") + ".").ConfigureAwait(false);
                return;
            }

            if (!job.TryCancel(state.Now, state.Timings))
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Job already finished",
                    "Job '" + id + "' has already finished and cannot be canceled.").ConfigureAwait(false);
                return;
            }

            await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["job"] = state.JobJson(job) }).ConfigureAwait(false);
        }
    }
}
