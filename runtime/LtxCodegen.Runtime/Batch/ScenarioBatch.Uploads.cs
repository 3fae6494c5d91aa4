using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    public sealed partial class ScenarioBatch
    {
        /// <summary>
        /// Uploads each distinct input file (by content hash) that a line still to be sent needs, once: the ledger records the
        /// upload before it starts and its asset id after. An upload cut off earlier (recorded, no asset id) may exist: it is
        /// only sent again with <see cref="ScenarioBatchOptions.ResubmitUnknown"/>.
        /// </summary>
        private async Task<Uploads> UploadAllAsync(Run run, CancellationToken cancellationToken)
        {
            var result = new Uploads();
            var needing = run.Plan.Lines
                .Where(l => l.LocalFiles.Count > 0 && Record(l.Id).State is ScenarioBatchLineState.Pending or ScenarioBatchLineState.Failed or ScenarioBatchLineState.Submitting)
                .ToList();
            if (needing.Count == 0)
            {
                return result;
            }

            var known = (await _ledger.ReadUploadsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.ContentHash, StringComparer.Ordinal);
            var firstUser = new Dictionary<string, ScenarioBatchLine>(StringComparer.Ordinal);
            foreach (var line in needing)
            {
                foreach (var path in line.LocalFiles.Values)
                {
                    if (!result.HashOfPath.ContainsKey(path))
                    {
                        result.HashOfPath[path] = await HashFileAsync(path, cancellationToken).ConfigureAwait(false);
                    }

                    if (!firstUser.ContainsKey(result.HashOfPath[path]))
                    {
                        firstUser[result.HashOfPath[path]] = line;
                    }
                }
            }

            var tasks = firstUser.Select(async pair =>
            {
                var hash = pair.Key;
                var line = pair.Value;
                var path = line.LocalFiles.Values.First(p => result.HashOfPath[p] == hash);
                if (known.TryGetValue(hash, out var record))
                {
                    if (record.AssetId is not null)
                    {
                        lock (result)
                        {
                            result.AssetOfHash[hash] = record.AssetId;
                        }

                        return;
                    }

                    if (!_options.ResubmitUnknown)
                    {
                        lock (result)
                        {
                            result.Unknown[hash] = "the upload of " + ScenarioBatchText.Safe(record.FileName) + " was cut off in an earlier run and may have reached the service";
                        }

                        return;
                    }
                }

                await run.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    run.Report(line, ScenarioBatchLinePhase.Uploading, message: Path.GetFileName(path));
                    var entry = new ScenarioBatchUploadRecord(hash, Path.GetFileName(path));
                    await _ledger.WriteUploadAsync(entry, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        entry.AssetId = await _client.UploadAssetAsync(path, null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is ScenarioApiException { JobMayExist: false } or ScenarioSpendRefusedException or IOException or UnauthorizedAccessException or ArgumentException)
                    {
                        // Provably not created (refused, or the file could not be read): forget it, the next run uploads it.
                        await _ledger.DeleteUploadAsync(hash, CancellationToken.None).ConfigureAwait(false);
                        lock (result)
                        {
                            result.Failed[hash] = "upload of " + ScenarioBatchText.Safe(Path.GetFileName(path)) + " failed: " + ScenarioBatchText.Safe(e.Message);
                            if (e is ScenarioSpendRefusedException)
                            {
                                result.Refused.Add(hash);
                            }
                        }

                        return;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        lock (result)
                        {
                            result.Unknown[hash] = "the upload of " + ScenarioBatchText.Safe(Path.GetFileName(path)) + " may have reached the service: " + ScenarioBatchText.Safe(e.Message);
                        }

                        return;
                    }

                    await _ledger.WriteUploadAsync(entry, CancellationToken.None).ConfigureAwait(false);
                    lock (result)
                    {
                        result.AssetOfHash[hash] = entry.AssetId;
                    }
                }
                finally
                {
                    run.Slots.Release();
                }
            }).ToArray();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Lines report the interruption; uploads cut off stay recorded without an asset id.
            }

            return result;
        }

        private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
        {
            using var sha = SHA256.Create();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
            }

            sha.TransformFinalBlock(buffer, 0, 0);
            return ScenarioBatchFile.ToHex(sha.Hash!);
        }

        /// <summary>What the upload step found: asset ids by content hash, and the files that could not be had.</summary>
        private sealed class Uploads
        {
            public Dictionary<string, string> HashOfPath { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public Dictionary<string, string> AssetOfHash { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public Dictionary<string, string> Unknown { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public Dictionary<string, string> Failed { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            /// <summary>Files the client refused to upload (no-spend mode): a policy, not a service error.</summary>
            public HashSet<string> Refused { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Value as written → asset id for a line; or why it cannot be sent (and whether that needs a decision).</summary>
            public IReadOnlyDictionary<string, string>? AssetsFor(ScenarioBatchLine line, out string? problem, out bool needsDecision, out bool refused)
            {
                problem = null;
                needsDecision = false;
                refused = false;
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                lock (this)
                {
                    foreach (var pair in line.LocalFiles)
                    {
                        if (!HashOfPath.TryGetValue(pair.Value, out var hash))
                        {
                            problem = "its input " + ScenarioBatchText.Safe(Path.GetFileName(pair.Value)) + " was not uploaded (interrupted)";
                            return null;
                        }

                        if (AssetOfHash.TryGetValue(hash, out var asset))
                        {
                            map[pair.Key] = asset;
                        }
                        else if (Unknown.TryGetValue(hash, out var unknown))
                        {
                            problem = unknown;
                            needsDecision = true;
                            return null;
                        }
                        else
                        {
                            refused = Refused.Contains(hash);
                            problem = Failed.TryGetValue(hash, out var failed) ? failed : "its input " + ScenarioBatchText.Safe(Path.GetFileName(pair.Value)) + " was not uploaded (interrupted)";
                            return null;
                        }
                    }
                }

                return map;
            }
        }
    }
}
