using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// Says what was wrong with the command line in words: an unknown model, command or option with the closest known
    /// one suggested and the command that lists them; value errors come worded from <see cref="ParameterOptions"/>.
    /// </summary>
    internal static class ParseErrorReport
    {
        public static void Write(ParseResult parse, IReadOnlyList<string> args, CliHost host)
        {
            var command = parse.CommandResult.Command;
            var path = CommandPath(parse.CommandResult);
            var unmatched = parse.UnmatchedTokens;
            var unmatchedSet = new HashSet<string>(unmatched, StringComparer.Ordinal);
            var lines = new List<string>();

            if (command.Name == "run" && command.Subcommands.Count > 0 && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
            {
                // ltx run <mistyped model> ...: the rest of the line is about that model, so one message says it all.
                var typed = unmatched[0];
                var closest = Suggestions.Closest(typed, host.Models.Select(m => m.Id).Concat(host.Models.Select(m => Commands.RunCommand.ShortId(m.Id))));
                lines.Add("Unknown model '" + TerminalText.StripControls(typed) + "'."
                    + (closest is null ? "" : " Did you mean '" + Commands.RunCommand.ShortId(closest) + "'?")
                    + " 'ltx models' lists every model with its options.");
                Print(host, lines);
                return;
            }

            var skipNext = false;
            foreach (var token in args)
            {
                if (skipNext)
                {
                    skipNext = false;
                    if (unmatchedSet.Contains(token) && !token.StartsWith('-'))
                    {
                        continue; // the value of the unknown option before it
                    }
                }

                if (!unmatchedSet.Contains(token))
                {
                    continue;
                }

                if (token.StartsWith('-'))
                {
                    var closest = Suggestions.Closest(token, command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
                    lines.Add("Unknown option '" + TerminalText.StripControls(token) + "' for '" + path + "'."
                        + (closest is null ? "" : " Did you mean '" + closest + "'?")
                        + " '" + path + " --help' lists its options.");
                    skipNext = true;
                }
                else if (command.Subcommands.Count > 0)
                {
                    var closest = Suggestions.Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                    lines.Add("Unknown command '" + TerminalText.StripControls(token) + "' for '" + path + "'."
                        + (closest is null ? "" : " Did you mean '" + closest + "'?")
                        + " '" + path + " --help' lists the commands.");
                }
                else
                {
                    lines.Add("Unexpected argument '" + TerminalText.StripControls(token) + "' for '" + path + "' (options start with --). '" + path + " --help' shows its usage.");
                }
            }

            var tokenHints = lines.Count;
            var tokenErrors = new HashSet<string>(unmatched.Select(t => "Unrecognized command or argument '" + t + "'."), StringComparer.Ordinal);
            foreach (var error in parse.Errors.Where(e => !tokenErrors.Contains(e.Message)))
            {
                if (tokenHints > 0 && error.SymbolResult is CommandResult)
                {
                    continue; // "Required command was not provided" after an unknown command: already said
                }

                lines.Add(command.Name == "run" && command.Subcommands.Count > 0
                    ? "Which model? Usage: ltx run <model> --prompt ... ('ltx models' lists the models)."
                    : TerminalText.StripControls(error.Message));
            }

            if (lines.Count == 0)
            {
                lines.Add("The command line could not be read.");
            }

            if (lines.Count > tokenHints)
            {
                lines.Add("Run '" + path + " --help' for usage.");
            }

            Print(host, lines.Distinct(StringComparer.Ordinal));
        }

        private static void Print(CliHost host, IEnumerable<string> lines)
        {
            foreach (var line in lines)
            {
                host.Error.WriteLine(line);
            }
        }

        // "ltx run model_x": the names from the root to the command that was recognized.
        private static string CommandPath(CommandResult result)
        {
            var names = new List<string>();
            for (SymbolResult? current = result; current is not null; current = current.Parent)
            {
                if (current is CommandResult c && c.Command is not RootCommand)
                {
                    names.Add(c.Command.Name);
                }
            }

            names.Add("ltx");
            names.Reverse();
            return string.Join(" ", names);
        }
    }
}
