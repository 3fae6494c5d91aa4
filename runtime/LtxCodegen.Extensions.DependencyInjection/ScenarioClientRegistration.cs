using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LtxCodegen.Extensions.DependencyInjection
{
    /// <summary>Names and the retry policy used by <c>AddScenarioClient</c>.</summary>
    public static class ScenarioClientRegistration
    {
        /// <summary>The configuration section the options are bound from.</summary>
        public const string SectionName = "Scenario";

        /// <summary>The name of the <see cref="HttpClient"/> (for <c>IHttpClientFactory.CreateClient</c>).</summary>
        public const string HttpClientName = "LtxCodegen.ScenarioClient";

        /// <summary>The name of the resilience pipeline.</summary>
        public const string ResiliencePipelineName = "scenario-safe-retry";

        internal static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
            };
            // Transient failures (network errors, 408, 429, 5xx) of GET/HEAD only: a job costs credits.
            retry.DisableForUnsafeHttpMethods();
            pipeline.AddRetry(retry);
        }
    }
}
