using System.Text;

namespace Procurator.Cli.Commands.Up;

/// <summary>A writer that hands on whole lines (without their <c>\n</c>); a partial line waits for its end.</summary>
internal sealed class LineWriter(Action<string> line) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                line(_pending.ToString().TrimEnd('\r'));
                _pending.Clear();
            }
            else
            {
                _pending.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
}
