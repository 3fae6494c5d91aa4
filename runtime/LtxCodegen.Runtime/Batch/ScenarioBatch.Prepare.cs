using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    public sealed partial class ScenarioBatch
    {
        /// <summary>
        /// The stand-in sent in dry runs for a local file not uploaded yet: uploading is a paid call, and nothing paid is
        /// sent before the whole batch is checked and priced.
        /// </summary>
        public const string EstimateStandInAssetId = "asset_ltx-batch-not-uploaded-yet";

        /// <summary>
        /// Checks a valid plan against the ledger (lines changed since they were sent, files in the way) and prices every line
        /// still to be sent with a dry run (estimates are kept in the ledger, so a rerun prices only new lines; a line whose local files the service will not
        /// price before they are uploaded is priced after its upload, before its generate call), then checks
        /// <see cref="ScenarioBatchOptions.MaxCost"/>. Sends nothing paid and writes nothing. A dry run the service refuses
        /// (4xx) is an error of its line; a network or server error throws <see cref="ScenarioApiException"/>.
        /// </summary>
        public async Task<ScenarioBatchPreparation> PrepareAsync(ScenarioBatchPlan plan, CancellationToken cancellationToken = default)
        {
            if (plan is null)
            {
                throw new ArgumentNullException(nameof(plan));
            }

            if (!plan.IsValid)
            {
                throw new ArgumentException("The plan has errors or no lines.", nameof(plan));
            }

            var stored = (await _ledger.ReadLinesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var records = new Dictionary<string, ScenarioBatchLineRecord>(StringComparer.Ordinal);
            var changed = new List<string>();
            var errors = new List<ScenarioBatchError>();
            foreach (var line in plan.Lines)
            {
                if (!stored.TryGetValue(line.Id, out var record))
                {
                    record = new ScenarioBatchLineRecord(line.Id, line.RequestHash);
                    changed.Add(line.Id);
                }
                else if (record.RequestHash != line.RequestHash)
                {
                    if (record.State is ScenarioBatchLineState.Pending or ScenarioBatchLineState.Failed)
                    {
                        record = record.Copy();
                        record.RequestHash = line.RequestHash;
                        record.Estimate = null;
                        changed.Add(line.Id);
                    }
                    else
                    {
                        errors.Add(new ScenarioBatchError(line.LineNumber, line.Id, "The line changed since an earlier run sent it"
                            + (record.JobId is null ? "" : " as job " + ScenarioBatchText.Safe(record.JobId)) + " (" + record.State.ToString().ToLowerInvariant()
                            + "). Restore it, give it a new id, or use another output folder."));
                    }
                }

                if (record.State is not (ScenarioBatchLineState.Finished or ScenarioBatchLineState.Downloaded))
                {
                    var inTheWay = ExistingOutputs(line).FirstOrDefault();
                    if (inTheWay is not null)
                    {
                        errors.Add(new ScenarioBatchError(line.LineNumber, line.Id, "The output folder already has " + ScenarioBatchText.Safe(System.IO.Path.GetFileName(inTheWay))
                            + ", which this batch did not write; move it away or use another output folder (nothing is overwritten)."));
                    }
                }

                records[line.Id] = record;
            }

            var uploaded = (await _ledger.ReadUploadsAsync(cancellationToken).ConfigureAwait(false))
                .Where(u => u.AssetId is not null).ToDictionary(u => u.ContentHash, u => u.AssetId!, StringComparer.Ordinal);
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            var unpriced = 0;
            foreach (var line in plan.Lines)
            {
                var record = records[line.Id];
                if (record.State is ScenarioBatchLineState.Pending or ScenarioBatchLineState.Failed && record.Estimate is null)
                {
                    // Files uploaded by an earlier run are priced with their asset id; the others with a stand-in.
                    var assets = new Dictionary<string, string>(StringComparer.Ordinal);
                    var standIn = false;
                    foreach (var pair in line.LocalFiles)
                    {
                        if (!hashes.TryGetValue(pair.Value, out var hash))
                        {
                            hash = hashes[pair.Value] = await HashFileAsync(pair.Value, cancellationToken).ConfigureAwait(false);
                        }

                        standIn |= !uploaded.TryGetValue(hash, out var asset);
                        assets[pair.Key] = asset ?? EstimateStandInAssetId;
                    }

                    try
                    {
                        var estimate = await EstimateAsync(new ScenarioBatchRequest(line, assets), cancellationToken).ConfigureAwait(false);
                        record = record.Copy();
                        record.Estimate = estimate;
                        records[line.Id] = record;
                        if (!changed.Contains(line.Id))
                        {
                            changed.Add(line.Id);
                        }
                    }
                    catch (ScenarioApiException e) when (IsRefusal(e))
                    {
                        if (standIn)
                        {
                            // The service would not price it without its inputs: it is priced after they are uploaded, before its
                            // generate call, and the cap is checked then.
                            unpriced++;
                        }
                        else
                        {
                            errors.Add(new ScenarioBatchError(line.LineNumber, line.Id, "The service refused to price it (" + (int)e.StatusCode!.Value + "): " + ScenarioBatchText.Safe(e.Reason ?? e.Message)));
                        }
                    }
                }
            }

            double total = 0, spent = 0;
            int done = 0, toSubmit = 0;
            foreach (var record in records.Values)
            {
                spent += record.Cost ?? 0;
                total += (record.Cost ?? 0) + (record.State switch
                {
                    ScenarioBatchLineState.Finished or ScenarioBatchLineState.Downloaded => record.Cost is null ? record.Estimate ?? 0 : 0,
                    _ => record.Estimate ?? 0,
                });
                done += record.State == ScenarioBatchLineState.Downloaded ? 1 : 0;
                toSubmit += record.State is ScenarioBatchLineState.Pending or ScenarioBatchLineState.Failed ? 1 : 0;
            }

            if (_options.MaxCost is double cap && total > cap)
            {
                errors.Add(new ScenarioBatchError(0, null, "The batch would cost about " + Units(total) + " creative units"
                    + (spent > 0 ? " (" + Units(spent) + " already spent)" : "") + ", over the cap of " + Units(cap) + ". Nothing was sent."));
            }

            return new ScenarioBatchPreparation(plan, records, changed, errors, total, spent, done, toSubmit, unpriced);
        }

        /// <summary>A 4xx answer that says the request itself is refused (not a rate limit, timeout or credentials problem).</summary>
        private static bool IsRefusal(ScenarioApiException e) =>
            e.StatusCode is HttpStatusCode s && (int)s >= 400 && (int)s < 500 && s != (HttpStatusCode)429 && s != HttpStatusCode.RequestTimeout
            && s != HttpStatusCode.Unauthorized;

        /// <summary>Creative units as text (invariant, up to 2 decimals).</summary>
        public static string Units(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
