using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// The one rule engine: checks the values of one request against its model's descriptor, parameter by parameter
    /// (by position in <see cref="ScenarioModelDescriptor.Parameters"/>), then the rules between parameters (required,
    /// <c>ifDefined</c>/<c>ifNotDefined</c>, pairs). Generated <c>Validate()</c> methods and
    /// <see cref="ScenarioRequestValidator"/> (JSON bodies: CLI, emulator, batch files) both run it, so every host gives
    /// the same verdict and the same messages. Numbers are normalized first (<see cref="ScenarioRules.Normalize"/>), so
    /// the value checked is the value sent.
    /// </summary>
    /// <remarks>Call one method per parameter, in any order, then <see cref="Finish"/> once. Not thread-safe.</remarks>
    public sealed class ScenarioRuleCheck
    {
        private readonly ScenarioModelDescriptor _model;
        private readonly bool[] _set;
        private int _current;
        private readonly List<KeyValuePair<int, ValidationError>> _errors = new List<KeyValuePair<int, ValidationError>>();

        /// <summary>Starts a check of one request of <paramref name="model"/>.</summary>
        public ScenarioRuleCheck(ScenarioModelDescriptor model)
        {
            _model = model ?? throw new ArgumentNullException(nameof(model));
            _set = new bool[model.Parameters.Count];
        }

        /// <summary>A number parameter (or integer); null means not set.</summary>
        public void Number(int index, double? value)
        {
            var p = Parameter(index);
            if (value is not double v)
            {
                return;
            }

            _set[index] = true;
            CheckNumber(p, p.WireName, ScenarioRules.Normalize(p, v));
        }

        /// <summary>A string, asset or model id parameter, or an option struct's value; null means not set.</summary>
        public void Text(int index, string? value)
        {
            var p = Parameter(index);
            if (value is null)
            {
                return;
            }

            _set[index] = true;
            var name = p.WireName;
            if (p.IsRequired && value.Trim().Length == 0)
            {
                Add(p, ValidationRule.Required, ScenarioRuleMessages.Blank(name));
                return;
            }

            if (p.MaxLength is int max && value.Length > max)
            {
                Add(p, ValidationRule.MaxLength, ScenarioRuleMessages.TooManyCharacters(name, max, value.Length));
                return;
            }

            if (IsClosed(p) && !Contains(p.Options, value))
            {
                Add(p, ValidationRule.Options, ScenarioRuleMessages.TextOption(name, p.Options, value));
            }
        }

        /// <summary>A list of strings (asset ids, model ids, strings); null means not set.</summary>
        public void Texts(int index, IList<string>? values)
        {
            var p = Parameter(index);
            if (values is null)
            {
                return;
            }

            _set[index] = true;
            if (!CheckCount(p, values.Count) || !IsClosed(p))
            {
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is null || !Contains(p.Options, values[i]))
                {
                    Add(p, ValidationRule.Options, ScenarioRuleMessages.TextOption(Item(p, i), p.Options, values[i]));
                    return;
                }
            }
        }

        /// <summary>A list of numbers; null means not set.</summary>
        public void Numbers(int index, IList<double>? values)
        {
            var p = Parameter(index);
            if (values is null)
            {
                return;
            }

            _set[index] = true;
            if (!CheckCount(p, values.Count))
            {
                return;
            }

            // One problem, one error: the first offending item. Each item is judged as sent (normalized), like a number.
            for (var i = 0; i < values.Count; i++)
            {
                if (!CheckNumber(p, Item(p, i), ScenarioRules.Normalize(p, values[i])))
                {
                    return;
                }
            }
        }

        /// <summary>A list of JSON values; null means not set.</summary>
        public void Values(int index, int? count)
        {
            var p = Parameter(index);
            if (count is int n)
            {
                _set[index] = true;
                CheckCount(p, n);
            }
        }

        /// <summary>A JSON value; undefined, JSON null or null means not set.</summary>
        public void Json(int index, JsonElement? value) =>
            Flag(index, value is JsonElement e && e.ValueKind != JsonValueKind.Undefined && e.ValueKind != JsonValueKind.Null);

        /// <summary>A parameter with no value rules (booleans): only whether it is set.</summary>
        public void Flag(int index, bool isSet)
        {
            Parameter(index);
            _set[index] |= isSet;
        }

        /// <summary>A value of the wrong JSON type: reported, and the parameter counts as set.</summary>
        public void WrongType(int index, string message)
        {
            var p = Parameter(index);
            _set[index] = true;
            Add(p, ValidationRule.Type, message);
        }

        /// <summary>
        /// Checks the rules between parameters and returns every error, in parameter order (for one parameter: its value
        /// error, then its required, conditional or pair error).
        /// </summary>
        public List<ValidationError> Finish()
        {
            var parameters = _model.Parameters;
            HashSet<string>? reported = null;
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                _current = i;
                if (_set[i])
                {
                    if (p.PairedWith is string partner && IsKnownAndUnset(partner))
                    {
                        Add(p, ValidationRule.Pair, ScenarioRuleMessages.Pair(p.WireName, partner));
                    }

                    continue;
                }

                if (p.IsRequired)
                {
                    Add(p, ValidationRule.Required, ScenarioRuleMessages.Required(p.WireName));
                    continue;
                }

                foreach (var c in p.Conditions)
                {
                    var other = IndexOf(c.OtherWireName);
                    if (other < 0 || _set[other] != c.WhenOtherIsSet)
                    {
                        continue;
                    }

                    if (!c.WhenOtherIsSet)
                    {
                        // "A or B": one problem, reported once, on the first of the two names.
                        var key = string.CompareOrdinal(p.WireName, c.OtherWireName) < 0
                            ? p.WireName + "\n" + c.OtherWireName
                            : c.OtherWireName + "\n" + p.WireName;
                        reported ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!reported.Add(key))
                        {
                            continue;
                        }
                    }

                    var message = string.IsNullOrWhiteSpace(c.Message)
                        ? ScenarioRuleMessages.ConditionalRequired(p.WireName, c.OtherWireName, c.WhenOtherIsSet)
                        : c.Message!;
                    Add(p, ValidationRule.ConditionalRequired, message);
                    break;
                }
            }

            // Stable: for one parameter, its value error stays before its required, conditional or pair error.
            var ordered = new List<ValidationError>(_errors.Count);
            foreach (var e in _errors.OrderBy(e => e.Key))
            {
                ordered.Add(e.Value);
            }

            return ordered;
        }

        private bool CheckNumber(ScenarioParameterDescriptor p, string subject, double v)
        {
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                return Add(p, ValidationRule.Type, ScenarioRuleMessages.NotFinite(subject));
            }

            if (p.Type == ScenarioParameterType.Integer && Math.Floor(v) != v)
            {
                return Add(p, ValidationRule.Type, ScenarioRuleMessages.NotWhole(subject, v));
            }

            var min = p.Minimum ?? double.NaN;
            var max = p.Maximum ?? double.NaN;
            if (ScenarioRuleMath.IsOutOfRange(v, min, max))
            {
                return Add(p, ValidationRule.Range, ScenarioRuleMessages.Range(subject, min, max, v));
            }

            if (IsClosed(p) && !ContainsNumber(p.Options, v))
            {
                return Add(p, ValidationRule.Options, ScenarioRuleMessages.NumberOption(subject, p.Options, v));
            }

            if (p.MultipleOf is double step && p.MultipleOfIsError && !ScenarioRuleMath.IsMultiple(v, step))
            {
                return Add(p, ValidationRule.MultipleOf, ScenarioRuleMessages.Multiple(subject, step, v));
            }

            return true;
        }

        private bool CheckCount(ScenarioParameterDescriptor p, int count)
        {
            if (p.IsRequired && count == 0)
            {
                return Add(p, ValidationRule.Required, ScenarioRuleMessages.Empty(p.WireName));
            }

            if (p.MaxLength is int max && count > max)
            {
                return Add(p, ValidationRule.MaxLength, ScenarioRuleMessages.TooManyItems(p.WireName, max, count));
            }

            return true;
        }

        private bool Add(ScenarioParameterDescriptor p, ValidationRule rule, string message)
        {
            _errors.Add(new KeyValuePair<int, ValidationError>(_current, new ValidationError(p.WireName, rule, message)));
            return false;
        }

        private ScenarioParameterDescriptor Parameter(int index)
        {
            if ((uint)index >= (uint)_set.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "Not a parameter position of " + _model.Id + ".");
            }

            _current = index;
            return _model.Parameters[index];
        }

        private int IndexOf(string wireName)
        {
            var parameters = _model.Parameters;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (string.Equals(parameters[i].WireName, wireName, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private bool IsKnownAndUnset(string wireName)
        {
            var i = IndexOf(wireName);
            return i >= 0 && !_set[i];
        }

        private static bool IsClosed(ScenarioParameterDescriptor p) => p.OptionsAreClosed && p.Options.Count > 0;

        private static string Item(ScenarioParameterDescriptor p, int i) => ScenarioRuleMessages.Item(p.WireName, i);

        private static bool Contains(IReadOnlyList<string> options, string value)
        {
            foreach (var option in options)
            {
                if (string.Equals(option, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsNumber(IReadOnlyList<string> options, double value)
        {
            foreach (var option in options)
            {
                if (double.TryParse(option, NumberStyles.Float, CultureInfo.InvariantCulture, out var allowed) && allowed == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
