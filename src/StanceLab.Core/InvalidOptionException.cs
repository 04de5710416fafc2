using System.Globalization;

namespace StanceLab;

/// <summary>
/// An option record's <c>Validate()</c> refusing a value: which record and property, the value and
/// the rule it breaks, as data, so a front end can name its own flag ("--c must be a positive
/// number, got -1") without parsing the message.
/// </summary>
public sealed class InvalidOptionException(string owner, string property, object value, string rule)
    : ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{owner}.{property} = {value}: {rule}."), property)
{
    public string Owner { get; } = owner;
    public string Property { get; } = property;
    public object Value { get; } = value;

    /// <summary>What the value must be, e.g. "must be a positive number".</summary>
    public string Rule { get; } = rule;
}
