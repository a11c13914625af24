using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Procurator.Supervisor.Machine;

namespace Procurator.Supervisor.Control;

/// <summary>Newline-delimited JSON of the control channel: camelCase, nulls left out, one object per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;

/// <summary>What people and tools read: camelCase with nulls written out (<c>"lastExit": null</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(EventReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>Reading and writing protocol lines and reports.</summary>
internal static class ControlJson
{
    // Quotes and non-ASCII text stay readable ("exit 1 \"boom\"" rather than \u0022).
    private static readonly ControlJsonContext Protocol = new(new JsonSerializerOptions(ControlJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private static readonly ReportJsonContext Indented = new(new JsonSerializerOptions(ReportJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private static readonly ReportJsonContext Compact = new(new JsonSerializerOptions(ReportJsonContext.Default.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Line(ControlRequest request) => JsonSerializer.Serialize(request, Protocol.ControlRequest);

    public static string Line(ControlResponse response) => JsonSerializer.Serialize(response, Protocol.ControlResponse);

    /// <summary>A request line; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ControlRequest ParseRequest(string line) =>
        JsonSerializer.Deserialize(line, Protocol.ControlRequest) ?? throw new JsonException("null request");

    /// <summary>A response line; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ControlResponse ParseResponse(string line) =>
        JsonSerializer.Deserialize(line, Protocol.ControlResponse) ?? throw new JsonException("null response");

    /// <summary>The status report, indented, nulls included.</summary>
    public static string Report(StatusReport status) => JsonSerializer.Serialize(status, Indented.StatusReport);

    /// <summary>One event on one line, nulls included.</summary>
    public static string Report(EventReport change) => JsonSerializer.Serialize(change, Compact.EventReport);

    /// <summary><c>GaveUp</c> → <c>gave-up</c>.</summary>
    public static string StateName(UnitState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());
}
