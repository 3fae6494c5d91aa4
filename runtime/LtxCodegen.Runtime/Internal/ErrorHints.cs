using System;
using System.Net;

namespace LtxCodegen.Internal
{
    /// <summary>
    /// What a first-time user needs after a 401 or a 404: where the client took its credentials and address from
    /// (the environment variables, or code/configuration), and that the API lives under <c>/v1/</c>.
    /// </summary>
    internal sealed class ErrorHints
    {
        public const string KeyVariable = "SCENARIO_API_KEY";
        public const string SecretVariable = "SCENARIO_API_SECRET";
        public const string UrlVariable = "SCENARIO_API_URL";

        private readonly string _credentials;
        private readonly string _address;

        private ErrorHints(string credentials, string address)
        {
            _credentials = credentials;
            _address = address;
        }

        /// <summary>Notes, when the client is created, where each setting came from (never the secret itself).</summary>
        public static ErrorHints From(ScenarioClientOptions options, Uri baseAddress)
        {
            var key = Environment.GetEnvironmentVariable(KeyVariable);
            var secret = Environment.GetEnvironmentVariable(SecretVariable);
            var url = Environment.GetEnvironmentVariable(UrlVariable);
            var credentials = " The client used API key '" + options.ApiKey + "' " + Origin(options.ApiKey == key, KeyVariable, key, "ApiKey") +
                              " and the secret " + Origin(options.ApiSecret == secret, SecretVariable, secret, "ApiSecret") + ": check both.";
            var fromUrl = !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var envUri) && envUri == options.BaseAddress;
            var address = " ScenarioClientOptions.BaseAddress " + baseAddress +
                          (fromUrl ? " (from the " + UrlVariable + " environment variable)" : "") +
                          " does not end in /v1/: Scenario's API (and the emulator's) is under /v1/, e.g. " +
                          baseAddress.GetLeftPart(UriPartial.Authority) + "/v1/.";
            return new ErrorHints(credentials, address);
        }

        /// <summary>The hint to append to the message of a failed call, or an empty string.</summary>
        public string For(HttpStatusCode? status, Uri baseAddress) => status switch
        {
            HttpStatusCode.Unauthorized => _credentials,
            HttpStatusCode.NotFound when !baseAddress.AbsolutePath.EndsWith("/v1/", StringComparison.Ordinal) => _address,
            _ => "",
        };

        private static string Origin(bool fromVariable, string variable, string? value, string property) =>
            fromVariable
                ? "from the " + variable + " environment variable"
                : "set in ScenarioClientOptions." + property + " (not from the " + variable + " environment variable, which is " + (string.IsNullOrEmpty(value) ? "unset" : "different") + ")";
    }
}
