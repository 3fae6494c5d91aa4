using System;

namespace LtxCodegen.Batch
{
    /// <summary>One problem found in a batch file before anything is sent: where it is and what is wrong.</summary>
    public sealed class ScenarioBatchError
    {
        /// <summary>Creates an error.</summary>
        public ScenarioBatchError(int lineNumber, string? id, string message)
        {
            LineNumber = lineNumber;
            Id = id;
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>The 1-based line of the batch file (0 for the file as a whole).</summary>
        public int LineNumber { get; }

        /// <summary>The line's <c>id</c>, when it could be read.</summary>
        public string? Id { get; }

        /// <summary>What is wrong (the id and any text from the file are escaped for a terminal).</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() =>
            (LineNumber > 0 ? "line " + LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " : "")
            + (Id is null ? "" : "'" + ScenarioBatchText.Safe(Id) + "': ") + Message;
    }
}
