using System.Collections.Generic;
using System.Globalization;

namespace LtxCodegen
{
    /// <summary>
    /// The words of every rule verdict, shared as source by the runtime's rule engine (<c>ScenarioRuleCheck</c>)
    /// and the analyzer (linked into it, like <see cref="ScenarioRuleMath"/>): a value the analyzer flags at compile time
    /// is described in the same sentence <c>Validate()</c>, the CLI and the emulator give at run time.
    /// </summary>
    /// <remarks>
    /// A subject is a wire name (<c>fps</c>) or a list item (<c>sizes[2]</c>). Numbers are written
    /// round-trip and invariant (<see cref="ScenarioRuleMath.Format"/>); text values are quoted with single quotes.
    /// netstandard2.0 and no runtime type, so the analyzer compiles it as it is.
    /// </remarks>
    internal static class ScenarioRuleMessages
    {
        /// <summary><c>fps must be between 1 and 60 (got 120).</c></summary>
        public static string Range(string subject, double minimum, double maximum, double value) =>
            subject + " must be " + ScenarioRuleMath.Bounds(minimum, maximum) + " (got " + ScenarioRuleMath.Format(value) + ").";

        /// <summary><c>steps must be a multiple of 8 (got 10).</c></summary>
        public static string Multiple(string subject, double step, double value) =>
            subject + " must be a multiple of " + ScenarioRuleMath.Format(step) + " (got " + ScenarioRuleMath.Format(value) + ").";

        /// <summary><c>width is rounded to a multiple of 64: 1000 is sent as 1024.</c> (normalization, not an error)</summary>
        public static string Rounded(string subject, double step, double value, double rounded) =>
            subject + " is rounded to a multiple of " + ScenarioRuleMath.Format(step) + ": " + ScenarioRuleMath.Format(value)
            + " is sent as " + ScenarioRuleMath.Format(rounded) + ".";

        /// <summary><c>steps must be one of 20, 40 (got 30).</c></summary>
        public static string NumberOption(string subject, IEnumerable<string> options, double value) =>
            subject + " must be one of " + string.Join(", ", options) + " (got " + ScenarioRuleMath.Format(value) + ").";

        /// <summary><c>modality must be one of none, canny (got 'cany').</c></summary>
        public static string TextOption(string subject, IEnumerable<string> options, string value) =>
            subject + " must be one of " + string.Join(", ", options) + " (got '" + value + "').";

        /// <summary>
        /// <c>cameraMotion is not one of the documented options none, dolly_in (got 'dolly_out').</c> An open option set
        /// is not a rule the engine enforces; the analyzer mentions it (as information) in these words.
        /// </summary>
        public static string UndocumentedOption(string subject, IEnumerable<string> options, string shownValue) =>
            subject + " is not one of the documented options " + string.Join(", ", options) + " (got " + shownValue + ").";

        /// <summary>An undocumented option's value as <see cref="UndocumentedOption"/> shows it: <c>'text'</c> or <c>30</c>.</summary>
        public static string Shown(string value) => "'" + value + "'";

        /// <summary><c>fps must be a finite number.</c></summary>
        public static string NotFinite(string subject) => subject + " must be a finite number.";

        /// <summary><c>seed must be a whole number (got 1.5).</c></summary>
        public static string NotWhole(string subject, double value) =>
            subject + " must be a whole number (got " + ScenarioRuleMath.Format(value) + ").";

        /// <summary><c>style must have at most 8 characters (got 12).</c></summary>
        public static string TooManyCharacters(string name, int maximum, int length) =>
            name + " must have at most " + Int(maximum) + " characters (got " + Int(length) + ").";

        /// <summary><c>images must have at most 4 items (got 5).</c></summary>
        public static string TooManyItems(string name, int maximum, int count) =>
            name + " must have at most " + Int(maximum) + " items (got " + Int(count) + ").";

        /// <summary><c>prompt is required.</c></summary>
        public static string Required(string name) => name + " is required.";

        /// <summary><c>prompt is required and must not be blank.</c></summary>
        public static string Blank(string name) => name + " is required and must not be blank.";

        /// <summary><c>images is required and must not be empty.</c></summary>
        public static string Empty(string name) => name + " is required and must not be empty.";

        /// <summary><c>width must be used with height.</c></summary>
        public static string Pair(string name, string partner) => name + " must be used with " + partner + ".";

        /// <summary><c>mask is required when image is set.</c> (when the doc gives no sentence of its own)</summary>
        public static string ConditionalRequired(string name, string other, bool whenOtherIsSet) =>
            name + " is required when " + other + " is " + (whenOtherIsSet ? "set." : "not set.");

        /// <summary>A list item as a subject: <c>sizes[2]</c>.</summary>
        public static string Item(string name, int index) => name + "[" + Int(index) + "]";

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
