using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>The API secret never shows: not in logs, exception texts, ToString() or debugger displays.</summary>
    public sealed class SecretTests
    {
        [Fact]
        public async Task A_failing_run_never_shows_the_secret_in_logs_or_errors()
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(Emu.Key + ":" + Emu.Secret));
            var logs = new CapturingLoggerFactory();
            var texts = new List<string>();
            await using var emulator = await Emu.StartAsync();
            var options = Emu.Options(emulator, o => o.MaxRetries = 1);
            using var client = new ScenarioClient(options, logs);
            texts.Add(client.ToString());
            texts.Add(options.ToString());

            async Task Capture(Func<Task> action)
            {
                var ex = await Record.ExceptionAsync(action);
                Assert.NotNull(ex);
                texts.Add(ex!.ToString());
                texts.Add(ex.Message);
            }

            var request = await Requests.ExtendAsync(client);
            emulator.Faults.FailNextJob("boom", "try again");
            await Capture(() => client.RunAsync(request));
            await Capture(() => client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "v", Fps = 0 }));
            emulator.Faults.FailNext("GET", "/v1/jobs/", HttpStatusCode.ServiceUnavailable, count: 5);
            await Capture(() => client.RunAsync(request));
            emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.BadGateway, afterHandling: true);
            await Capture(() => client.SubmitAsync(request));
            emulator.Faults.ExpireNextAssetUrl(count: 2);
            await Capture(() => client.DownloadAssetAsync(request.Video, Emu.TempFile(".mp4")));
            using (var wrong = new ScenarioClient(Emu.Options(emulator, o => o.ApiSecret = Emu.Secret + "x"), logs))
            {
                texts.Add(wrong.ToString());
                await Capture(() => wrong.GetJobAsync("job_1"));
            }

            Assert.Contains(logs.Lines, l => l.Id == ScenarioLogEvents.JobFailed);
            Assert.Contains(logs.Lines, l => l.Id == ScenarioLogEvents.Retrying);
            Assert.Contains(logs.Lines, l => l.Id == ScenarioLogEvents.SubmitOutcomeUnknown || l.Id == ScenarioLogEvents.RequestFailed);
            var all = texts.Concat(logs.Lines.Select(l => l.Text)).ToList();
            Assert.True(all.Count > 10);
            Assert.All(all, t => Assert.DoesNotContain(Emu.Secret, t));
            Assert.All(all, t => Assert.DoesNotContain(token, t));
        }

        [Fact]
        public void Debugger_displays_hide_the_secret()
        {
            var options = new ScenarioClientOptions { ApiKey = "k", ApiSecret = Emu.Secret, BaseAddress = new Uri("https://api.example.com/v1/") };
            using var client = new ScenarioClient(options);
            foreach (var type in new[] { typeof(ScenarioClient), typeof(ScenarioClientOptions) })
            {
                var display = (System.Diagnostics.DebuggerDisplayAttribute?)Attribute.GetCustomAttribute(type, typeof(System.Diagnostics.DebuggerDisplayAttribute));
                Assert.NotNull(display);
                Assert.Equal("{ToString(),nq}", display!.Value);
            }

            Assert.DoesNotContain(Emu.Secret, client.ToString());
            Assert.DoesNotContain(Emu.Secret, options.ToString());
            var hidden = typeof(ScenarioClientOptions).GetProperty(nameof(ScenarioClientOptions.ApiSecret))!
                .GetCustomAttributes(typeof(System.Diagnostics.DebuggerBrowsableAttribute), false);
            Assert.Single(hidden);
        }
    }
}
