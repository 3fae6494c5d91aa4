namespace LtxCodegen.Schema.Model
{
    /// <summary>Where a rule came from: a dedicated field/column, or the description's prose.</summary>
    public enum RuleOrigin
    {
        Structured = 0,
        Prose = 1,
    }
}
