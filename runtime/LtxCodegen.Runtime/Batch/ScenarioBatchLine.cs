using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen.Batch
{
    /// <summary>One valid line of a batch file: which model to run with which parameters, and where its outputs go.</summary>
    public sealed class ScenarioBatchLine
    {
        /// <summary>Creates a line.</summary>
        public ScenarioBatchLine(int lineNumber, string id, string fileStem, ScenarioModelDescriptor model, JsonElement parameters,
            IReadOnlyDictionary<string, string> localFiles, string requestHash)
        {
            LineNumber = lineNumber;
            Id = id ?? throw new ArgumentNullException(nameof(id));
            FileStem = fileStem ?? throw new ArgumentNullException(nameof(fileStem));
            Model = model ?? throw new ArgumentNullException(nameof(model));
            Parameters = parameters.Clone();
            LocalFiles = localFiles ?? throw new ArgumentNullException(nameof(localFiles));
            RequestHash = requestHash ?? throw new ArgumentNullException(nameof(requestHash));
        }

        /// <summary>The 1-based line number in the batch file.</summary>
        public int LineNumber { get; }

        /// <summary>The line's <c>id</c> as written (the ledger key).</summary>
        public string Id { get; }

        /// <summary>The sanitized id the output files are named after: <c>&lt;stem&gt;.&lt;ext&gt;</c>.</summary>
        public string FileStem { get; }

        /// <summary>The model.</summary>
        public ScenarioModelDescriptor Model { get; }

        /// <summary>The <c>params</c> object as written (local file paths not yet replaced by asset ids).</summary>
        public JsonElement Parameters { get; }

        /// <summary>The local files the line names: the value as written → the full path of the file to upload.</summary>
        public IReadOnlyDictionary<string, string> LocalFiles { get; }

        /// <summary>SHA-256 of the model id and the parameters as written: tells whether a line changed between two runs.</summary>
        public string RequestHash { get; }

        /// <inheritdoc />
        public override string ToString() => "line " + LineNumber + " " + Id + " (" + Model.Id + ")";
    }
}
