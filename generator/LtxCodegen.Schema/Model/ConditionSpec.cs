using System;

namespace LtxCodegen.Schema.Model
{
    /// <summary>Required when <see cref="OtherWireName"/> is set (ifDefined) or not set (ifNotDefined).</summary>
    public sealed record ConditionSpec(string OtherWireName, bool WhenOtherIsSet, string? Message);
}
