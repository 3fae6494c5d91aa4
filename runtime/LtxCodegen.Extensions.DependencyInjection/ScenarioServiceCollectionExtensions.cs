using System;
using System.Net.Http;
using LtxCodegen;
using LtxCodegen.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers <see cref="ScenarioClient"/> (and <see cref="IScenarioClient"/>) with <see cref="IHttpClientFactory"/>.</summary>
    public static class ScenarioServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <see cref="ScenarioClient"/> as a typed HTTP client, and <see cref="IScenarioClient"/> as that client. Options come, in this order, from the defaults
        /// (environment variables <c>SCENARIO_API_KEY</c>, <c>SCENARIO_API_SECRET</c>, <c>SCENARIO_API_URL</c>), the
        /// <c>Scenario</c> section of <paramref name="configuration"/> (when given) and <paramref name="configure"/>.
        /// Safe calls (GET, HEAD) are retried by a resilience handler; <c>POST</c> (generate, uploads) never is.
        /// </summary>
        /// <returns>The client builder, to add handlers or change the resilience pipeline.</returns>
        public static IHttpClientBuilder AddScenarioClient(this IServiceCollection services, IConfiguration? configuration, Action<ScenarioClientOptions>? configure = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            var options = services.AddOptions<ScenarioClientOptions>();
            // The resilience handler retries safe calls: the client's own retry loop is off unless configured.
            options.Configure(o => o.MaxRetries = 0);
            if (configuration is not null)
            {
                options.Bind(configuration.GetSection(ScenarioClientRegistration.SectionName));
            }

            if (configure is not null)
            {
                options.Configure(configure);
            }

            var builder = services.AddHttpClient(ScenarioClientRegistration.HttpClientName)
                .AddTypedClient((http, provider) => new ScenarioClient(
                    http,
                    provider.GetRequiredService<IOptions<ScenarioClientOptions>>().Value,
                    provider.GetService<ILoggerFactory>()));
            builder.AddResilienceHandler(ScenarioClientRegistration.ResiliencePipelineName, ScenarioClientRegistration.ConfigureRetry);
            // The interface resolves to the same typed client, so services can take IScenarioClient and tests replace it.
            services.AddTransient<IScenarioClient>(static provider => provider.GetRequiredService<ScenarioClient>());
            return builder;
        }

        /// <summary>Registers <see cref="ScenarioClient"/> with options set by <paramref name="configure"/> (after the environment defaults).</summary>
        public static IHttpClientBuilder AddScenarioClient(this IServiceCollection services, Action<ScenarioClientOptions>? configure = null) =>
            services.AddScenarioClient(configuration: null, configure);
    }
}
