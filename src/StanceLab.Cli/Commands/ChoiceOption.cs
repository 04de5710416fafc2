using System.CommandLine;

namespace StanceLab.Cli.Commands;

/// <summary>
/// An option that takes one of a few named values of an enum, spelled in lower case as the README
/// spells them (<c>--format table|json</c>), in the help as well as on the command line: only the
/// values this command accepts are listed, and any other is a usage error naming the choices.
/// </summary>
internal sealed class ChoiceOption<T> where T : struct, Enum
{
    private readonly T _default;

    public ChoiceOption(string name, string description, T defaultValue, IReadOnlyList<T> allowed, params string[] aliases)
    {
        if (!allowed.Contains(defaultValue)) throw new ArgumentException($"The default {NameOf(defaultValue)} is not among the allowed values.", nameof(defaultValue));
        _default = defaultValue;
        var names = allowed.Select(NameOf).ToArray();
        Option = new Option<T?>(name, aliases)
        {
            // The default goes into the description: the help would otherwise print the enum's own spelling.
            Description = $"{description} [default: {NameOf(defaultValue)}]",
            HelpName = string.Join("|", names),
            CustomParser = result =>
            {
                string given = result.Tokens[^1].Value;
                int match = Array.IndexOf(names, given.ToLowerInvariant());
                if (match >= 0) return allowed[match];
                result.AddError($"{name} must be one of {string.Join(", ", names)}; got '{given}'.");
                return null;
            },
        };
        Option.CompletionSources.Add(names);
    }

    public Option<T?> Option { get; }

    public T Value(ParseResult parse) => parse.GetValue(Option) ?? _default;

    /// <summary>A value as typed on the command line: the enum name in lower case (MiniLm → minilm).</summary>
    public static string NameOf(T value) => value.ToString().ToLowerInvariant();

    public static implicit operator Option(ChoiceOption<T> choice) => choice.Option;
}
