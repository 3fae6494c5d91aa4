using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Internal
{
    /// <summary>
    /// The jobs one client has in flight (submitted, not yet seen finished) and the submits under way, against an optional
    /// limit. Thread-safe. A job leaves when the client reads it in a terminal status (any read: wait, get, the slot poller).
    /// </summary>
    internal sealed class JobSlots
    {
        /// <summary>Without a limit, at most this many job ids are remembered (enough to tell "ours" from "another process's").</summary>
        internal const int UntrackedAbove = 1024;

        private readonly object _gate = new object();
        private readonly HashSet<string> _inFlight = new HashSet<string>(StringComparer.Ordinal);
        private readonly int? _limit;
        private int _reserved;
        private TaskCompletionSource<bool> _changed = NewSignal();
        private TaskCompletionSource<bool> _finished = NewSignal();

        public JobSlots(int? limit)
        {
            _limit = limit;
        }

        /// <summary>Jobs in flight plus submits under way.</summary>
        public int InUse
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight.Count + _reserved;
                }
            }
        }

        /// <summary>The ids of this client's jobs in flight.</summary>
        public string[] InFlight()
        {
            lock (_gate)
            {
                var ids = new string[_inFlight.Count];
                _inFlight.CopyTo(ids);
                return ids;
            }
        }

        /// <summary>Takes a slot for a submit when one is free; otherwise returns the task that completes on the next change.</summary>
        public bool TryReserve(out Task changed)
        {
            lock (_gate)
            {
                if (_limit is not int limit || _inFlight.Count + _reserved < limit)
                {
                    _reserved++;
                    changed = Task.CompletedTask;
                    return true;
                }

                changed = _changed.Task;
                return false;
            }
        }

        /// <summary>The task that completes on the next change (a job finished, a submit ended).</summary>
        public Task Changed
        {
            get
            {
                lock (_gate)
                {
                    return _changed.Task;
                }
            }
        }

        /// <summary>The task that completes when one of this client's jobs is next seen finished (not on mere submits).</summary>
        public Task Finished
        {
            get
            {
                lock (_gate)
                {
                    return _finished.Task;
                }
            }
        }

        /// <summary>A reserved submit created <paramref name="job"/>: it now holds the slot until it is seen finished.</summary>
        public void Commit(ScenarioJob job)
        {
            lock (_gate)
            {
                _reserved--;
                if (!job.IsTerminal && (_limit is not null || _inFlight.Count < UntrackedAbove))
                {
                    _inFlight.Add(job.JobId);
                }
            }

            Signal(finished: false);
        }

        /// <summary>A reserved submit ended without a known job (refused, failed, or its outcome unknown): its slot is free.</summary>
        public void Release()
        {
            lock (_gate)
            {
                _reserved--;
            }

            Signal(finished: false);
        }

        /// <summary>The client saw <paramref name="job"/>; a terminal job frees its slot.</summary>
        public void Observe(ScenarioJob job)
        {
            if (job.IsTerminal)
            {
                Forget(job.JobId);
            }
        }

        /// <summary>Stops counting a job (it ended, or the service no longer knows it).</summary>
        public void Forget(string jobId)
        {
            bool removed;
            lock (_gate)
            {
                removed = _inFlight.Remove(jobId);
            }

            if (removed)
            {
                Signal(finished: true);
            }
        }

        private void Signal(bool finished)
        {
            TaskCompletionSource<bool> changed;
            TaskCompletionSource<bool>? done = null;
            lock (_gate)
            {
                changed = _changed;
                _changed = NewSignal();
                if (finished)
                {
                    done = _finished;
                    _finished = NewSignal();
                }
            }

            changed.TrySetResult(true);
            done?.TrySetResult(true);
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
