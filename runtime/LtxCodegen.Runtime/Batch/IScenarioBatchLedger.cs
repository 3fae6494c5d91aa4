using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    /// <summary>
    /// The durable memory of a batch: what was uploaded, submitted, finished and downloaded, so that a run cut off at any
    /// point (Ctrl+C, crash, <c>kill -9</c>) resumes without paying twice. Each write must be durable when its task ends:
    /// <see cref="ScenarioBatch"/> sends nothing paid before the write that announces it has completed.
    /// <c>LtxCodegen.Batch.Sqlite</c> offers the default one (a SQLite file in the output folder); a shared database or a
    /// workflow engine can host another.
    /// </summary>
    public interface IScenarioBatchLedger
    {
        /// <summary>Every line record (any order).</summary>
        Task<IReadOnlyList<ScenarioBatchLineRecord>> ReadLinesAsync(CancellationToken cancellationToken = default);

        /// <summary>Every upload record (any order).</summary>
        Task<IReadOnlyList<ScenarioBatchUploadRecord>> ReadUploadsAsync(CancellationToken cancellationToken = default);

        /// <summary>Inserts or replaces the record of a line (by <see cref="ScenarioBatchLineRecord.Id"/>), durably.</summary>
        Task WriteLineAsync(ScenarioBatchLineRecord record, CancellationToken cancellationToken = default);

        /// <summary>Inserts or replaces the record of an upload (by <see cref="ScenarioBatchUploadRecord.ContentHash"/>), durably.</summary>
        Task WriteUploadAsync(ScenarioBatchUploadRecord record, CancellationToken cancellationToken = default);

        /// <summary>Removes the record of an upload that provably never reached the service.</summary>
        Task DeleteUploadAsync(string contentHash, CancellationToken cancellationToken = default);
    }
}
