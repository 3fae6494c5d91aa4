using System;

namespace LtxCodegen.Internal
{
    /// <summary>
    /// Job, asset and upload ids become one path segment of a request URI: they are checked (not empty, not <c>.</c> or
    /// <c>..</c>, no control characters, bounded length) and escaped (<c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, spaces, ...).
    /// </summary>
    internal static class PathSegment
    {
        /// <summary>The longest id accepted.</summary>
        public const int MaxLength = 1024;

        /// <summary>Why <paramref name="id"/> cannot be a path segment, or null when it can.</summary>
        public static string? Problem(string? id)
        {
            if (id is null || id.Length == 0 || string.IsNullOrWhiteSpace(id))
            {
                return "it is empty";
            }

            if (id == "." || id == "..")
            {
                return "'" + id + "' is a relative path segment, not an id";
            }

            if (id.Length > MaxLength)
            {
                return "it is " + id.Length + " characters long (at most " + MaxLength + ")";
            }

            foreach (var c in id)
            {
                if (char.IsControl(c))
                {
                    return "it contains the control character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        /// <summary>The id escaped as one path segment; <see cref="ArgumentException"/> when it cannot be one.</summary>
        public static string Escape(string id, string parameterName)
        {
            if (Problem(id) is string problem)
            {
                throw new ArgumentException("The id is not valid: " + problem + ".", parameterName);
            }

            return Uri.EscapeDataString(id);
        }
    }
}
