using System.Text.Json;
using Procurator.Diagnostics;

namespace Procurator.Cli.Commands;

/// <summary>
/// Where a command's diagnostics and messages go. Text: diagnostics to stderr as they come,
/// messages to stdout. JSON: nothing until the end, then one object on stdout:
/// <c>{"ok", "exitCode", "diagnostics": [{file, line, column, severity, code, message}], ...}</c>.
/// </summary>
internal sealed class CommandOutput(CliContext cli, ScriptRequest request)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<(string Name, Action<Utf8JsonWriter> Write)> _fields = [];

    public bool IsJson => request.Format is OutputFormat.Json or OutputFormat.Sarif;

    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    public async Task DiagnosticsAsync(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            _diagnostics.Add(diagnostic);
            if (!IsJson)
            {
                await cli.Error.WriteLineAsync(DiagnosticFormatter.Format(diagnostic, cli.CurrentDirectory));
                if (request.Verbose && diagnostic.Detail is { } detail)
                {
                    await cli.Error.WriteLineAsync(detail);
                }
            }
        }
    }

    /// <summary>A line for people: stdout in text mode, dropped in JSON mode.</summary>
    public Task MessageAsync(string line) => IsJson ? Task.CompletedTask : cli.Out.WriteLineAsync(line);

    /// <summary>A problem line for people: stderr in text mode, dropped in JSON mode.</summary>
    public Task ProblemAsync(string line) => IsJson ? Task.CompletedTask : cli.Error.WriteLineAsync(line);

    /// <summary>Detail for <c>--verbose</c>: stderr in text mode.</summary>
    public Task VerboseAsync(string line) => request.Verbose && !IsJson ? cli.Error.WriteLineAsync(line) : Task.CompletedTask;

    /// <summary>An extra field of the JSON object.</summary>
    public void Field(string name, Action<Utf8JsonWriter> write) => _fields.Add((name, write));

    public async Task<int> FinishAsync(int exitCode)
    {
        if (!IsJson)
        {
            return exitCode;
        }

        if (request.Format == OutputFormat.Sarif)
        {
            var version = typeof(CommandOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            await cli.Out.WriteAsync(SarifWriter.Write(_diagnostics, cli.CurrentDirectory, version));
            return exitCode;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Rendering.JsonText.Options()))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", exitCode == ExitCodes.Ok);
            json.WriteNumber("exitCode", exitCode);
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in _diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();
            foreach (var (name, write) in _fields)
            {
                json.WritePropertyName(name);
                write(json);
            }

            json.WriteEndObject();
        }

        await cli.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return exitCode;
    }

    private void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        if (diagnostic.Location is { } at)
        {
            json.WriteString("file", DiagnosticFormatter.DisplayPath(at.File, cli.CurrentDirectory));
            json.WriteNumber("line", at.Line);
            json.WriteNumber("column", at.Column);
        }
        else
        {
            json.WriteNull("file");
            json.WriteNull("line");
            json.WriteNull("column");
        }

        json.WriteString("severity", diagnostic.SeverityName);
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        json.WriteEndObject();
    }
}
