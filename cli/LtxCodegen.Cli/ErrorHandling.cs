using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// Turns every exception into one clear message (server text redacted and stripped of escape codes, no stack trace)
    /// and an exit code; once a job exists, any failure also prints its id and the command to resume with.
    /// </summary>
    internal static class ErrorHandling
    {
        // The runtime's hints name its C# API ("resume with WaitForJobAsync(...)"); the CLI prints its own command instead.
        private static readonly Regex s_apiHint = new(@"\s*\(?\s*resume with WaitForJobAsync(?:\(""[^""]{0,200}""\))?\s*\)?\.?", RegexOptions.CultureInvariant);

        public static Task<int> RunAsync(CliHost host, Func<Task<int>> body, string? outDir = null) =>
            RunAsync(host, body, new SubmittedJob(outDir));

        public static async Task<int> RunAsync(CliHost host, Func<Task<int>> body, SubmittedJob job)
        {
            int code;
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                code = Report(host, e, job);
            }

            if (code != ExitCodes.JobFailed && job.JobId is string jobId)
            {
                var shown = host.Text.Clean(jobId);
                host.Error.WriteLine(job.OnEmbeddedEmulator
                    ? "Job " + shown + " ran on the embedded emulator, which stops with this command: it cannot be resumed."
                    : JobIds.Problem(jobId) is null
                        ? "Job " + jobId + " was submitted; resume with: " + ResumeCommand(jobId, job.OutDir)
                        : "The service named the job '" + shown + "', which is not a usable job id: it cannot be resumed with ltx jobs wait.");
            }

            return code;
        }

        /// <summary>The command that resumes <paramref name="jobId"/> (a valid job id), e.g. <c>ltx jobs wait job_1 --out out</c>.</summary>
        public static string ResumeCommand(string jobId, string? outDir) =>
            "ltx jobs wait " + jobId + (outDir is null ? "" : " --out " + ShellQuote(TerminalText.StripControls(outDir)));

        /// <summary>A folder as a shell word: as is when plain, else quoted (single quotes on Unix, so nothing expands).</summary>
        internal static string ShellQuote(string value)
        {
            if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '+' or ',' || (c == '\\' && OperatingSystem.IsWindows())))
            {
                return value;
            }

            return OperatingSystem.IsWindows()
                ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        }

        private static int Report(CliHost host, Exception exception, SubmittedJob job)
        {
            var text = host.Text;
            var submitted = job.JobId is not null;
            switch (exception)
            {
                case ScenarioValidationException e:
                    host.Error.WriteLine("Invalid request for " + TerminalText.StripControls(e.ModelId) + " (nothing was sent):");
                    foreach (var error in e.Errors)
                    {
                        host.Error.WriteLine("  --" + ParameterOptions.Kebab(TerminalText.StripControls(error.Parameter)) + ": " + text.Clean(error.Message));
                    }

                    return ExitCodes.BadInput;

                case CliInputException e:
                    host.Error.WriteLine(e.Message);
                    return submitted ? ExitCodes.ServiceError : ExitCodes.BadInput;

                case ScenarioSpendRefusedException e:
                    host.Error.WriteLine(text.Clean(e.Message));
                    return ExitCodes.BadInput;

                case ScenarioJobFailedException e:
                    host.Error.WriteLine("Job " + text.Clean(e.Job.JobId) + " " + text.Clean(e.Status) + ": "
                        + (string.IsNullOrWhiteSpace(e.Reason) ? "no reason given" : text.Clean(e.Reason)));
                    return ExitCodes.JobFailed;

                case ScenarioWaitCanceledException e:
                    host.Error.WriteLine("Interrupted: stopped waiting (the job keeps running on the service).");
                    job.JobId ??= e.JobId;
                    return ExitCodes.Interrupted;

                case OperationCanceledException:
                    host.Error.WriteLine("Interrupted.");
                    return ExitCodes.Interrupted;

                case ScenarioApiException e:
                    host.Error.WriteLine(DescribeApiError(text, e));
                    if (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        host.Error.WriteLine("Check SCENARIO_API_KEY and SCENARIO_API_SECRET (and SCENARIO_API_URL, e.g. " + ScenarioClientOptions.DefaultBaseAddress + ").");
                    }

                    if (e.JobMayExist && e.JobId is not null)
                    {
                        job.JobId ??= e.JobId;
                    }
                    else if (e.JobMayExist && job.JobId is null)
                    {
                        host.Error.WriteLine("The request may have reached the service and created a job: check your jobs on Scenario before running it again (it would be charged twice).");
                    }

                    return !submitted && e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity
                        ? ExitCodes.BadInput
                        : ExitCodes.ServiceError;

                case ScenarioJobTimeoutException e:
                    host.Error.WriteLine("Stopped waiting for job " + text.Clean(e.LastSeen.JobId) + " after " + e.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)
                        + " s (last status: " + text.Clean(e.LastSeen.Status) + ").");
                    job.JobId ??= e.JobId;
                    return ExitCodes.ServiceError;

                case ScenarioException e:
                    host.Error.WriteLine("Error: " + text.Clean(WithoutApiHints(e.Message)));
                    job.JobId ??= e.JobId;
                    return ExitCodes.ServiceError;

                case HttpRequestException e:
                    host.Error.WriteLine("Network error: " + text.Clean(e.Message));
                    return ExitCodes.ServiceError;

                case ArgumentException e:
                    host.Error.WriteLine("Bad input: " + text.Clean(WithoutParameterName(e)));
                    return submitted ? ExitCodes.ServiceError : ExitCodes.BadInput;

                case IOException or UnauthorizedAccessException:
                    host.Error.WriteLine("File error: " + text.Clean(exception.Message));
                    return submitted ? ExitCodes.ServiceError : ExitCodes.BadInput;

                default:
                    host.Error.WriteLine("Unexpected error (" + exception.GetType().Name + "): " + text.Clean(exception.Message)
                        + " This is a bug in ltx; please report it with this message.");
                    return ExitCodes.Unexpected;
            }
        }

        private static string DescribeApiError(TerminalText text, ScenarioApiException e)
        {
            if (e.StatusCode is null && e.InnerException is null)
            {
                return "Service error: " + text.Clean(WithoutApiHints(e.Message));
            }

            if (e.StatusCode is not HttpStatusCode status)
            {
                return "Network error on " + text.Clean(e.RequestPath) + ": " + text.Clean(WithoutApiHints(e.InnerException?.Message ?? e.Message));
            }

            var message = "Service error: " + text.Clean(e.RequestPath) + " answered " + ((int)status).ToString(CultureInfo.InvariantCulture) + " " + status;
            var reason = text.Clean(e.Reason);
            message += reason.Length > 0 ? ": " + reason : ".";
            foreach (var extra in e.ServiceMessages.Concat(e.Errors))
            {
                var shown = text.Clean(extra);
                if (shown.Length > 0 && shown != reason)
                {
                    message += " " + shown + (shown.EndsWith(".", StringComparison.Ordinal) ? "" : ".");
                }
            }

            if (!string.IsNullOrEmpty(e.TraceId))
            {
                message += " (trace id " + text.Clean(e.TraceId) + ")";
            }

            return message;
        }

        private static string WithoutApiHints(string message) => s_apiHint.Replace(message, "");

        private static string WithoutParameterName(ArgumentException e) =>
            e.ParamName is null ? e.Message : e.Message.Replace(" (Parameter '" + e.ParamName + "')", "", StringComparison.Ordinal);
    }
}
