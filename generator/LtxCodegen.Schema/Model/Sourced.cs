namespace LtxCodegen.Schema.Model
{
    /// <summary>Where a rule came from: a dedicated field/column, or the description's prose.</summary>
    public enum RuleOrigin
    {
        Structured = 0,
        Prose = 1,
    }

    /// <summary>A rule's value together with where it came from (value-equal, for the incremental pipeline).</summary>
    public sealed record Sourced<T>(T Value, RuleOrigin Origin);

    /// <summary>Builds <see cref="Sourced{T}"/> values from optional ones (null stays null).</summary>
    public static class Sourced
    {
        public static Sourced<double>? Of(double? value, RuleOrigin origin) => value is double v ? new Sourced<double>(v, origin) : null;

        public static Sourced<int>? Of(int? value, RuleOrigin origin) => value is int v ? new Sourced<int>(v, origin) : null;

        public static Sourced<string>? Of(string? value, RuleOrigin origin) => value is null ? null : new Sourced<string>(value, origin);

        public static bool IsProse<T>(this Sourced<T>? rule) => rule is not null && rule.Origin == RuleOrigin.Prose;
    }
}
