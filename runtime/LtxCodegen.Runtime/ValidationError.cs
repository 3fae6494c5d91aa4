using System;

namespace LtxCodegen
{
    /// <summary>One broken rule of a request: the wire parameter it concerns and what is wrong.</summary>
    public sealed class ValidationError : IEquatable<ValidationError>
    {
        /// <summary>Creates an error.</summary>
        /// <param name="parameter">The wire name of the parameter, e.g. <c>fps</c>.</param>
        /// <param name="rule">The kind of rule that is broken.</param>
        /// <param name="message">A sentence for a person, naming the parameter, the value and the rule.</param>
        public ValidationError(string parameter, ValidationRule rule, string message)
        {
            Parameter = parameter ?? throw new ArgumentNullException(nameof(parameter));
            Rule = rule;
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>The wire name of the parameter, e.g. <c>fps</c>.</summary>
        public string Parameter { get; }

        /// <summary>The kind of rule that is broken.</summary>
        public ValidationRule Rule { get; }

        /// <summary>A sentence for a person, naming the parameter, the value and the rule.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public bool Equals(ValidationError? other) =>
            other is not null && Parameter == other.Parameter && Rule == other.Rule && Message == other.Message;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as ValidationError);

        /// <inheritdoc />
        public override int GetHashCode() =>
            (StringComparer.Ordinal.GetHashCode(Parameter) * 397) ^ ((int)Rule * 31) ^ StringComparer.Ordinal.GetHashCode(Message);

        /// <summary>
        /// The message; prefixed with <c>parameter: </c> only when the message does not already name the parameter
        /// (so <c>startImage is required.</c>, never <c>startImage: startImage is required.</c>).
        /// </summary>
        public override string ToString() => NamesParameter(Message, Parameter) ? Message : Parameter + ": " + Message;

        private static bool NamesParameter(string message, string parameter)
        {
            if (parameter.Length == 0)
            {
                return true;
            }

            for (var at = message.IndexOf(parameter, StringComparison.Ordinal); at >= 0; at = message.IndexOf(parameter, at + 1, StringComparison.Ordinal))
            {
                var end = at + parameter.Length;
                if ((at == 0 || !IsNamePart(message[at - 1])) && (end == message.Length || !IsNamePart(message[end])))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
