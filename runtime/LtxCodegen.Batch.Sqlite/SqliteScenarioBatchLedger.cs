using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace LtxCodegen.Batch.Sqlite
{
    /// <summary>
    /// The default <see cref="IScenarioBatchLedger"/>: one SQLite file (WAL, synchronous=FULL, so each write is on disk when
    /// its task ends). One process at a time: opening takes an exclusive lock next to the file, released when the process
    /// ends in any way (including <c>kill -9</c>). Thread-safe.
    /// </summary>
    public sealed class SqliteScenarioBatchLedger : IScenarioBatchLedger, IDisposable
    {
        /// <summary>The ledger's file name in a batch's output folder.</summary>
        public const string DefaultFileName = "ltx-batch.db";

        private const int SchemaVersion = 1;

        private readonly SqliteConnection _connection;
        private readonly FileStream _lock;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

        private SqliteScenarioBatchLedger(string path, SqliteConnection connection, FileStream fileLock)
        {
            Path = path;
            _connection = connection;
            _lock = fileLock;
        }

        /// <summary>The database file.</summary>
        public string Path { get; }

        /// <summary>
        /// Opens (or creates) the ledger at <paramref name="path"/>. Throws <see cref="IOException"/> when another process
        /// holds it, <see cref="InvalidDataException"/> when the file is not a batch ledger.
        /// </summary>
        public static SqliteScenarioBatchLedger Open(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("The ledger path is empty.", nameof(path));
            }

            var full = System.IO.Path.GetFullPath(path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            FileStream fileLock;
            try
            {
                fileLock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                throw new IOException("Another batch is running on " + System.IO.Path.GetDirectoryName(full) + " (" + System.IO.Path.GetFileName(full) + " is locked). Wait for it, or stop it first.", e);
            }

            SqliteConnection? connection = null;
            try
            {
                connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
                connection.Open();
                Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
                var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
                if (version == 0)
                {
                    Execute(connection,
                        "CREATE TABLE IF NOT EXISTS lines (id TEXT PRIMARY KEY, request_hash TEXT NOT NULL, state TEXT NOT NULL, job_id TEXT, submitting_at TEXT, " +
                        "attempts INTEGER NOT NULL, estimate REAL, cost REAL, asset_ids TEXT NOT NULL, outputs TEXT NOT NULL, error TEXT, updated_at TEXT NOT NULL);" +
                        "CREATE TABLE IF NOT EXISTS uploads (content_hash TEXT PRIMARY KEY, file_name TEXT NOT NULL, asset_id TEXT, updated_at TEXT NOT NULL);" +
                        "PRAGMA user_version=" + SchemaVersion + ";");
                }
                else if (version != SchemaVersion)
                {
                    throw new InvalidDataException(full + " is a batch ledger of another version (" + version + "); use another output folder.");
                }

                return new SqliteScenarioBatchLedger(full, connection, fileLock);
            }
            catch (SqliteException e)
            {
                connection?.Dispose();
                fileLock.Dispose();
                throw new InvalidDataException(full + " is not a batch ledger that can be read (" + e.Message + "). Use another output folder.", e);
            }
            catch
            {
                connection?.Dispose();
                fileLock.Dispose();
                throw;
            }
        }

        /// <inheritdoc />
        public async Task<IReadOnlyList<ScenarioBatchLineRecord>> ReadLinesAsync(CancellationToken cancellationToken = default)
        {
            return await SerializedAsync(() =>
            {
                var list = new List<ScenarioBatchLineRecord>();
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT id, request_hash, state, job_id, submitting_at, attempts, estimate, cost, asset_ids, outputs, error FROM lines;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (!Enum.TryParse<ScenarioBatchLineState>(reader.GetString(2), out var state))
                    {
                        throw new InvalidDataException(Path + " holds an unknown line state '" + reader.GetString(2) + "'.");
                    }

                    list.Add(new ScenarioBatchLineRecord(reader.GetString(0), reader.GetString(1))
                    {
                        State = state,
                        JobId = reader.IsDBNull(3) ? null : reader.GetString(3),
                        SubmittingAt = reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                        Attempts = reader.GetInt32(5),
                        Estimate = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                        Cost = reader.IsDBNull(7) ? null : reader.GetDouble(7),
                        AssetIds = LedgerJson.ReadStrings(reader.GetString(8)),
                        Outputs = LedgerJson.ReadOutputs(reader.GetString(9)),
                        Error = reader.IsDBNull(10) ? null : reader.GetString(10),
                    });
                }

                return list;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async Task<IReadOnlyList<ScenarioBatchUploadRecord>> ReadUploadsAsync(CancellationToken cancellationToken = default)
        {
            return await SerializedAsync(() =>
            {
                var list = new List<ScenarioBatchUploadRecord>();
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT content_hash, file_name, asset_id FROM uploads;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(new ScenarioBatchUploadRecord(reader.GetString(0), reader.GetString(1)) { AssetId = reader.IsDBNull(2) ? null : reader.GetString(2) });
                }

                return list;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async Task WriteLineAsync(ScenarioBatchLineRecord record, CancellationToken cancellationToken = default)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            await SerializedAsync(() =>
            {
                using var command = _connection.CreateCommand();
                command.CommandText =
                    "INSERT INTO lines (id, request_hash, state, job_id, submitting_at, attempts, estimate, cost, asset_ids, outputs, error, updated_at) " +
                    "VALUES ($id, $hash, $state, $job, $at, $attempts, $estimate, $cost, $assets, $outputs, $error, $now) " +
                    "ON CONFLICT(id) DO UPDATE SET request_hash=$hash, state=$state, job_id=$job, submitting_at=$at, attempts=$attempts, estimate=$estimate, " +
                    "cost=$cost, asset_ids=$assets, outputs=$outputs, error=$error, updated_at=$now;";
                command.Parameters.AddWithValue("$id", record.Id);
                command.Parameters.AddWithValue("$hash", record.RequestHash);
                command.Parameters.AddWithValue("$state", record.State.ToString());
                command.Parameters.AddWithValue("$job", (object?)record.JobId ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", record.SubmittingAt is DateTimeOffset at ? at.ToString("o", CultureInfo.InvariantCulture) : DBNull.Value);
                command.Parameters.AddWithValue("$attempts", record.Attempts);
                command.Parameters.AddWithValue("$estimate", (object?)record.Estimate ?? DBNull.Value);
                command.Parameters.AddWithValue("$cost", (object?)record.Cost ?? DBNull.Value);
                command.Parameters.AddWithValue("$assets", LedgerJson.WriteStrings(record.AssetIds));
                command.Parameters.AddWithValue("$outputs", LedgerJson.WriteOutputs(record.Outputs));
                command.Parameters.AddWithValue("$error", (object?)record.Error ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                command.ExecuteNonQuery();
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async Task WriteUploadAsync(ScenarioBatchUploadRecord record, CancellationToken cancellationToken = default)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            await SerializedAsync(() =>
            {
                using var command = _connection.CreateCommand();
                command.CommandText =
                    "INSERT INTO uploads (content_hash, file_name, asset_id, updated_at) VALUES ($hash, $name, $asset, $now) " +
                    "ON CONFLICT(content_hash) DO UPDATE SET file_name=$name, asset_id=$asset, updated_at=$now;";
                command.Parameters.AddWithValue("$hash", record.ContentHash);
                command.Parameters.AddWithValue("$name", record.FileName);
                command.Parameters.AddWithValue("$asset", (object?)record.AssetId ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                command.ExecuteNonQuery();
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async Task DeleteUploadAsync(string contentHash, CancellationToken cancellationToken = default)
        {
            await SerializedAsync(() =>
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "DELETE FROM uploads WHERE content_hash=$hash;";
                command.Parameters.AddWithValue("$hash", contentHash ?? throw new ArgumentNullException(nameof(contentHash)));
                command.ExecuteNonQuery();
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs one piece of ledger work at a time: the connection is not safe for concurrent use.</summary>
        private async Task<T> SerializedAsync<T>(Func<T> work, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return work();
            }
            finally
            {
                _gate.Release();
            }
        }

        private Task SerializedAsync(Action work, CancellationToken cancellationToken) =>
            SerializedAsync(() =>
            {
                work();
                return true;
            }, cancellationToken);

        /// <summary>Closes the database and releases the lock.</summary>
        public void Dispose()
        {
            _connection.Dispose();
            _lock.Dispose();
            _gate.Dispose();
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static object? Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }
}
