using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace LtxCodegen.Cli
{
    /// <summary>Turns the runtime's exceptions into one clear message and an exit code.</summary>
    internal static class ErrorHandling
    {
        public static async Task<int> RunAsync(CliHost host, Func<Task<int>> body, string? outDir = null)
        {
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (ScenarioValidationException e)
            {
                host.Error.WriteLine("Invalid request for " + e.ModelId + " (nothing was sent):");
                foreach (var error in e.Errors)
                {
                    host.Error.WriteLine("  --" + ParameterOptions.Kebab(error.Parameter) + ": " + error.Message);
                }

                return ExitCodes.BadInput;
            }
            catch (ScenarioSpendRefusedException e)
            {
                host.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
            catch (ScenarioJobFailedException e)
            {
                host.Error.WriteLine("Job " + e.Job.JobId + " " + e.Status + ": " + (e.Reason ?? "no reason given"));
                return ExitCodes.JobFailed;
            }
            catch (ScenarioWaitCanceledException e)
            {
                host.Error.WriteLine("Interrupted. The job keeps running; resume with: ltx jobs wait " + e.JobId + ResumeOut(outDir));
                return ExitCodes.Interrupted;
            }
            catch (OperationCanceledException)
            {
                host.Error.WriteLine("Interrupted.");
                return ExitCodes.Interrupted;
            }
            catch (ScenarioApiException e)
            {
                host.Error.WriteLine("Service error: " + e.Message);
                if (e.JobId is not null)
                {
                    host.Error.WriteLine("Resume with: ltx jobs wait " + e.JobId + ResumeOut(outDir));
                }

                return e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity
                    ? ExitCodes.BadInput
                    : ExitCodes.ServiceError;
            }
            catch (ScenarioException e)
            {
                host.Error.WriteLine("Error: " + e.Message);
                if (e.JobId is not null)
                {
                    host.Error.WriteLine("Resume with: ltx jobs wait " + e.JobId + ResumeOut(outDir));
                }

                return ExitCodes.ServiceError;
            }
            catch (HttpRequestException e)
            {
                host.Error.WriteLine("Network error: " + e.Message);
                return ExitCodes.ServiceError;
            }
            catch (IOException e)
            {
                host.Error.WriteLine("File error: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (UnauthorizedAccessException e)
            {
                host.Error.WriteLine("File error: " + e.Message);
                return ExitCodes.BadInput;
            }
        }

        private static string ResumeOut(string? outDir) => outDir is null ? "" : " --out \"" + outDir + "\"";
    }
}
