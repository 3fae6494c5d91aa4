using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Every text a server sends goes through the redactor, on every path; the redactor never mangles other text.</summary>
    public sealed class RedactionTests
    {
        private static readonly string s_token = Convert.ToBase64String(Encoding.UTF8.GetBytes(Emu.Key + ":" + Emu.Secret));

        [Fact]
        public async Task A_submit_answer_that_already_failed_with_the_credentials_in_its_reason_shows_neither()
        {
            var echo = "invalid credentials " + Emu.Secret + " (Authorization: Basic " + s_token + ")";
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"job\":{\"jobId\":\"job_1\",\"status\":\"failure\",\"metadata\":{\"error\":\"" + echo + "\"}}}"));
            var logs = new CapturingLoggerFactory();
            using var client = new ScenarioClient(StubOptions(stub), logs);

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" }));

            Assert.Equal("invalid credentials *** (Authorization: Basic ***)", ex.Reason);
            Assert.Contains(logs.Lines, l => l.Id == ScenarioLogEvents.JobFailed);
            foreach (var text in logs.Lines.Select(l => l.Text).Append(ex.ToString()).Append(ex.Job.Error ?? ""))
            {
                Assert.DoesNotContain(Emu.Secret, text);
                Assert.DoesNotContain(s_token, text);
            }
        }

        [Fact]
        public async Task A_failed_upload_whose_error_message_echoes_the_secret_shows_it_masked()
        {
            await using var stub = await StubServer.StartAsync(context =>
            {
                var key = context.Request.Method + " " + context.Request.Path;
                return key switch
                {
                    "POST /v1/uploads" => StubServer.WriteJsonAsync(context,
                        "{\"upload\":{\"id\":\"up_1\",\"status\":\"pending\",\"parts\":[{\"number\":1,\"url\":\"http://127.0.0.1:" + context.Connection.LocalPort + "/s3/part1\"}]}}"),
                    "PUT /s3/part1" => StubServer.WriteJsonAsync(context, "", 200),
                    "POST /v1/uploads/up_1/action" => StubServer.WriteJsonAsync(context, "{\"upload\":{\"id\":\"up_1\",\"status\":\"validating\"}}"),
                    // JSON-escaped on purpose: the secret must be found behind escapes too.
                    "GET /v1/uploads/up_1" => StubServer.WriteJsonAsync(context,
                        "{\"upload\":{\"id\":\"up_1\",\"status\":\"failed\",\"errorMessage\":\"rejected for key " + Emu.Key + ":" + Escape(Emu.Secret) + "\"}}"),
                    _ => StubServer.WriteJsonAsync(context, "{}", 404),
                };
            });
            var logs = new CapturingLoggerFactory();
            using var client = new ScenarioClient(StubOptions(stub), logs);

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.UploadAssetAsync(new System.IO.MemoryStream(new byte[] { 1 }), "x.mp4"));

            Assert.Equal("rejected for key ***", ex.Reason);
            Assert.DoesNotContain(Emu.Secret, ex.ToString());
            Assert.All(logs.Lines, l => Assert.DoesNotContain(Emu.Secret, l.Text));
        }

        [Fact]
        public async Task Error_bodies_are_masked_in_every_field_they_reach_the_exception_with()
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"reason\":\"Forbidden\",\"message\":\"token " + s_token + " refused\",\"errors\":[\"" + Emu.Secret + " is wrong\"]," +
                "\"details\":{\"secret\":\"" + Emu.Secret + "\"},\"traceId\":\"t-" + Emu.Secret + "\"}", 403));
            using var client = new ScenarioClient(StubOptions(stub));

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_1"));

            Assert.Equal("token *** refused", Assert.Single(ex.ServiceMessages));
            Assert.Equal("*** is wrong", Assert.Single(ex.Errors));
            Assert.Equal("***", ex.Details["secret"]);
            Assert.Equal("t-***", ex.TraceId);
            Assert.DoesNotContain(Emu.Secret, ex.ToString());
            Assert.DoesNotContain(s_token, ex.ToString());
        }

        [Theory]
        [InlineData("s", "use the 'seed' parameter; see docs", "use the 'seed' parameter; see docs")]
        [InlineData("s", "the key's secret is s.", "the key's secret is ***.")]
        [InlineData("s", "it's s's", "it's s's")]
        [InlineData("ab", "a tab, a crab and ab", "a tab, a crab and ***")]
        [InlineData("x9", "x99 and x9-1 stay, (x9) goes", "x99 and x9-1 stay, (***) goes")]
        public async Task A_short_secret_is_masked_only_where_it_stands_alone(string secret, string reason, string expected)
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"job\":{\"jobId\":\"job_1\",\"status\":\"failure\",\"metadata\":{\"error\":\"" + Escape(reason) + "\"}}}"));
            using var client = new ScenarioClient(StubOptions(stub, secret));

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.WaitForJobAsync("job_1"));

            Assert.Equal(expected, ex.Reason);
            Assert.Equal("job_1", ex.JobId);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_long_secret_spelled_only_with_json_escapes_is_masked(bool escapedName)
        {
            // Not one raw byte of the secret is in the body: only decoding the escaped strings finds it. The asset's
            // fields are masked nowhere else than in the body, so this is the body redaction alone.
            var hidden = AllEscaped(Emu.Secret);
            var asset = "{\"id\":\"asset_1\",\"note\":\"a \\\"quoted\\\" word\",\"" + (escapedName ? "\\u006dimeType" : "mimeType") + "\":\"video/" + hidden + "\"}";
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, "{\"asset\":" + asset + "}"));
            using var client = new ScenarioClient(StubOptions(stub));

            var read = await client.GetAssetAsync("asset_1");

            Assert.Equal("video/***", read.MimeType);
        }

        [Theory]
        [InlineData("https://key:secret-of-mine@api.example.com/v1/")]
        [InlineData("https://secret-of-mine@api.example.com/v1/")]
        [InlineData("http://key:secret-of-mine@127.0.0.1:5000/v1/")]
        public void Credentials_in_the_base_address_are_refused_and_never_shown(string address)
        {
            var options = new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s3cr3t-Zq9", BaseAddress = new Uri(address) };

            var ex = Assert.Throws<ArgumentException>(() => new ScenarioClient(options));

            Assert.Contains("must not carry credentials", ex.Message);
            Assert.DoesNotContain("secret-of-mine", ex.ToString());
            Assert.DoesNotContain("secret-of-mine", options.ToString());
            Assert.Contains("(credentials removed)", ex.Message);
        }

        private static ScenarioClientOptions StubOptions(StubServer stub, string? secret = null) => new ScenarioClientOptions
        {
            BaseAddress = stub.BaseAddress,
            ApiKey = Emu.Key,
            ApiSecret = secret ?? Emu.Secret,
            PollInterval = TimeSpan.FromMilliseconds(5),
            MaxPollInterval = TimeSpan.FromMilliseconds(20),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 1,
            JobTimeout = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };

        private static string AllEscaped(string text) =>
            string.Concat(text.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>Quotes and the letters after 'm' as JSON <c>\uXXXX</c> escapes (the redactor must see through them).</summary>
        private static string Escape(string text) =>
            string.Concat(text.Select(c => c == '\'' || char.IsLetterOrDigit(c) && c > 'm' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
    }
}
