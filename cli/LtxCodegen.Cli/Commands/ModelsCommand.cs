using System.CommandLine;
using System.Linq;
using Spectre.Console;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx models</c>: the models the CLI knows, with their parameters.</summary>
    internal static class ModelsCommand
    {
        public static Command Create(CliHost host)
        {
            var command = new Command("models", "List the models this CLI knows (from the docs in schemas/) with their parameters.");
            command.Options.Add(RunTimeDocs.CreateOption());
            command.SetAction(_ =>
            {
                var console = host.CreateTableConsole();
                foreach (var model in host.Models)
                {
                    console.WriteLine();
                    console.MarkupLine("[bold]" + Markup.Escape(TerminalText.StripControls(model.Id)) + "[/]  " + Markup.Escape(TerminalText.StripControls(model.Name)));
                    if (!string.IsNullOrEmpty(model.Description))
                    {
                        console.MarkupLine(Markup.Escape(TerminalText.StripControls(model.Description)));
                    }

                    // Option names never wrap (they are what users copy); the other cells wrap to fit the width.
                    var table = new Table().Border(TableBorder.Rounded)
                        .AddColumn(new TableColumn("Option").NoWrap())
                        .AddColumns("Type", "Default", "Range / options");
                    foreach (var p in model.Parameters)
                    {
                        var range = ParameterOptions.RangeText(p);
                        var options = p.Options.Count == 0 ? "" : "one of: " + string.Join(", ", p.Options);
                        table.AddRow(
                            Markup.Escape("--" + ParameterOptions.Kebab(p.WireName)),
                            Markup.Escape(ParameterOptions.TypeText(p) + (p.IsRequired ? ", required" : "")),
                            Markup.Escape(p.DefaultJson ?? ""),
                            Markup.Escape(TerminalText.StripControls(range.Length > 0 && options.Length > 0 ? range + "; " + options : range + options)));
                    }

                    console.Write(table);
                    console.WriteLine("Run: ltx run " + model.Id + " --help");
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
