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
            command.SetAction(_ =>
            {
                var console = host.CreateConsole();
                foreach (var model in host.Models)
                {
                    console.WriteLine();
                    console.MarkupLine("[bold]" + Markup.Escape(model.Id) + "[/]  " + Markup.Escape(model.Name));
                    if (!string.IsNullOrEmpty(model.Description))
                    {
                        console.MarkupLine(Markup.Escape(model.Description!));
                    }

                    var table = new Table().Border(TableBorder.Rounded)
                        .AddColumns("Option", "Type", "Required", "Default", "Range", "Options");
                    foreach (var p in model.Parameters)
                    {
                        table.AddRow(
                            Markup.Escape("--" + ParameterOptions.Kebab(p.WireName)),
                            Markup.Escape(ParameterOptions.TypeText(p)),
                            p.IsRequired ? "yes" : "",
                            Markup.Escape(p.DefaultJson ?? ""),
                            Markup.Escape(ParameterOptions.RangeText(p)),
                            Markup.Escape(string.Join(", ", p.Options)));
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
