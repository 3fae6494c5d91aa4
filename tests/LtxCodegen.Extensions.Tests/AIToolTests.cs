using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using LtxCodegen.Extensions.AI;
using LtxCodegen.Extensions.Tests.Models;
using Microsoft.Extensions.AI;

namespace LtxCodegen.Extensions.Tests
{
    /// <summary>
    /// <c>client.AsAITools(descriptors)</c> called the way a chat client calls tools: MEAI's function-invoking client
    /// receives a tool call whose arguments are JSON text from the model, invokes the function and sends the result back.
    /// </summary>
    public sealed class AIToolTests
    {
        [Fact]
        public void Each_model_is_a_tool_whose_schema_comes_from_its_descriptor()
        {
            using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("http://127.0.0.1:1/v1/") });

            var tools = client.AsAITools(ScenarioModels.All);

            Assert.Equal(new[] { "model_longcat-image-editing", "model_minimax-image-01" }, tools.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
            var edit = tools.Single(t => t.Name == "model_longcat-image-editing").JsonSchema;
            Assert.Equal("object", edit.GetProperty("type").GetString());
            Assert.False(edit.GetProperty("additionalProperties").GetBoolean());
            Assert.Equal(new[] { "referenceImage", "prompt" }, edit.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
            var steps = edit.GetProperty("properties").GetProperty("numInferenceSteps");
            Assert.Equal("number", steps.GetProperty("type").GetString());
            Assert.Equal(1, steps.GetProperty("minimum").GetDouble());
            Assert.Equal(50, steps.GetProperty("maximum").GetDouble());
            Assert.Equal(28, steps.GetProperty("default").GetDouble());
            Assert.Equal("Number of inference steps.", steps.GetProperty("description").GetString());
            Assert.Contains("asset id", edit.GetProperty("properties").GetProperty("referenceImage").GetProperty("description").GetString());
            var ratio = tools.Single(t => t.Name == "model_minimax-image-01").JsonSchema.GetProperty("properties").GetProperty("aspectRatio");
            Assert.Equal(new[] { "9:16", "2:3", "3:4", "1:1", "3:2", "4:3", "16:9", "21:9" }, ratio.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("boolean", tools.Single(t => t.Name == "model_minimax-image-01").JsonSchema.GetProperty("properties").GetProperty("promptOptimizer").GetProperty("type").GetString());
            Assert.Throws<ArgumentException>(() => client.AsAITools(new[] { MinimaxImage01Model.Descriptor, MinimaxImage01Model.Descriptor }));
        }

        [Fact]
        public async Task A_chat_client_calls_a_tool_with_JSON_arguments_and_gets_the_job_assets_and_cost()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);

            var result = await CallThroughChatAsync(client, "model_minimax-image-01", "{\"prompt\":\"A lighthouse at dusk\",\"aspectRatio\":\"16:9\",\"numOutputs\":2,\"promptOptimizer\":false}");

            Assert.False(result.TryGetProperty("error", out _), result.ToString());
            Assert.StartsWith("job_", result.GetProperty("jobId").GetString());
            Assert.Equal("success", result.GetProperty("status").GetString());
            Assert.True(result.GetProperty("cost").GetDouble() > 0);
            var asset = Assert.Single(result.GetProperty("assets").EnumerateArray());
            Assert.StartsWith("asset_", asset.GetProperty("assetId").GetString());
            Assert.Equal("image/png", asset.GetProperty("mimeType").GetString());
            Assert.Equal("127.0.0.1", new Uri(asset.GetProperty("url").GetString()!).Host);
            using var body = JsonDocument.Parse(Assert.Single(emulator.Requests.Find("POST", "/v1/generate/custom/model_minimax-image-01")).Body!);
            Assert.Equal("16:9", body.RootElement.GetProperty("aspectRatio").GetString());
            Assert.Equal(2, body.RootElement.GetProperty("numOutputs").GetInt32());
            Assert.False(body.RootElement.GetProperty("promptOptimizer").GetBoolean());
        }

        [Fact]
        public async Task Invalid_arguments_go_back_to_the_model_as_clear_errors_and_nothing_is_sent()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);

            var result = await CallThroughChatAsync(client, "model_minimax-image-01", "{\"aspectRatio\":\"5:4\",\"numOutputs\":12,\"style\":\"noir\"}");

            Assert.Contains("nothing was sent", result.GetProperty("error").GetString());
            var errors = result.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("parameter").GetString()!, e => e.GetProperty("message").GetString()!);
            Assert.Equal(new[] { "aspectRatio", "numOutputs", "prompt", "style" }, errors.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Contains("5:4", errors["aspectRatio"]);
            Assert.Contains("12", errors["numOutputs"]);
            Assert.DoesNotContain("prompt: prompt", errors["prompt"]);
            Assert.Equal(0, emulator.Requests.Count("POST", "/v1/"));
        }

        [Fact]
        public async Task The_spend_cap_refuses_the_job_and_the_model_is_told_why()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = new ScenarioClient(new ScenarioClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                ApiKey = TestEmulator.Key,
                ApiSecret = TestEmulator.Secret,
                MaxCostPerJob = 0.5, // the emulator prices an image job at 1 creative unit
            });

            var result = await CallThroughChatAsync(client, "model_minimax-image-01", "{\"prompt\":\"A lighthouse\"}");

            Assert.Contains("0.5", result.GetProperty("error").GetString());
            Assert.False(result.TryGetProperty("jobId", out _));
            // Only the free estimate was asked for; no job was created.
            Assert.All(emulator.Requests.Find("POST", "/v1/generate/"), r => Assert.Contains("dryRun=true", r.Query));
            Assert.Equal(0, emulator.JobCount);
        }

        [Fact]
        public async Task A_failed_job_and_a_lost_submit_answer_are_told_to_the_model_with_the_job_id()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            emulator.Faults.FailNextJob("GPU out of memory");

            var failed = await CallThroughChatAsync(client, "model_minimax-image-01", "{\"prompt\":\"A lighthouse\"}");

            Assert.Contains("GPU out of memory", failed.GetProperty("error").GetString());
            Assert.StartsWith("job_", failed.GetProperty("jobId").GetString());

            // The job is created but the answer is lost: the model is told not to call again (a second call would pay twice).
            emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.BadGateway, afterHandling: true);
            var lost = await CallThroughChatAsync(client, "model_minimax-image-01", "{\"prompt\":\"A lighthouse\"}");

            Assert.True(lost.GetProperty("jobMayExist").GetBoolean(), lost.ToString());
            Assert.Contains("Do not call again", lost.GetProperty("advice").GetString());
            Assert.Equal(2, TestEmulator.Generates(emulator)); // one per call, never resent
        }

        /// <summary>
        /// Runs one tool call through <see cref="FunctionInvokingChatClient"/>: the scripted model asks for
        /// <paramref name="tool"/> with <paramref name="argumentsJson"/> (parsed as a chat client parses a model's
        /// arguments), then the result the function invocation sent back to the model is returned.
        /// </summary>
        private static async Task<JsonElement> CallThroughChatAsync(IScenarioClient client, string tool, string argumentsJson)
        {
            var model = new ScriptedModel(tool, argumentsJson);
            using var chat = new ChatClientBuilder(model).UseFunctionInvocation().Build();

            var answer = await chat.GetResponseAsync("Make me an image", new ChatOptions { Tools = client.AsAITools(ScenarioModels.All).ToList<AITool>() });

            Assert.Equal("done", answer.Text);
            var result = Assert.Single(model.Results);
            return result.Result switch
            {
                JsonElement e => e,
                var other => JsonSerializer.SerializeToElement(other, AIJsonUtilities.DefaultOptions),
            };
        }

        /// <summary>A model that asks for one tool call, then answers "done" once it has the result.</summary>
        private sealed class ScriptedModel : IChatClient
        {
            private readonly string _tool;
            private readonly string _argumentsJson;

            public ScriptedModel(string tool, string argumentsJson)
            {
                _tool = tool;
                _argumentsJson = argumentsJson;
            }

            public List<FunctionResultContent> Results { get; } = new();

            public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            {
                var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
                if (results.Count > 0)
                {
                    Results.AddRange(results);
                    return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "done")));
                }

                Assert.Contains(options!.Tools!, t => t.Name == _tool);
                var call = FunctionCallContent.CreateFromParsedArguments(_argumentsJson, "call_1", _tool,
                    static json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, new List<AIContent> { call })));
            }

            public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
                {
                    yield return update;
                }
            }

            public object? GetService(Type serviceType, object? serviceKey = null) => null;

            public void Dispose()
            {
            }
        }
    }
}
