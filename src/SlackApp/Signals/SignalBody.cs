using System.Text.Json;
using System.Text.Unicode;

namespace SlackApp.Signals;

/// <summary>
/// A signal request body read against the contract: one signal object or <c>{"signals": [...]}</c>
/// with 1 to <see cref="MaxSignals"/> of them. Either every signal is valid, or nothing is accepted.
/// </summary>
public sealed record SignalBody
{
    public const int MaxSignals = 500;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public SignalBodyOutcome Outcome { get; private init; }

    /// <summary>The signals, in request order, when <see cref="Outcome"/> is <see cref="SignalBodyOutcome.Valid"/>.</summary>
    public IReadOnlyList<IncomingSignal> Signals { get; private init; } = [];

    /// <summary>Each invalid field by JSON path (<c>signals[3].person.full_name</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    /// <summary>What is wrong with the body as a whole, for a problem's <c>detail</c>.</summary>
    public string? Detail { get; private init; }

    public static SignalBody Read(ReadOnlyMemory<byte> utf8Json)
    {
        // The JSON reader checks structure, not the bytes inside strings; reading those later would throw.
        var json = WithoutByteOrderMark(utf8Json);
        if (!Utf8.IsValid(json.Span))
        {
            return new SignalBody { Outcome = SignalBodyOutcome.MalformedJson, Detail = "The body is not valid UTF-8." };
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            // The reader's message names the line and byte position, and nothing of the app.
            return new SignalBody { Outcome = SignalBodyOutcome.MalformedJson, Detail = $"The body is not valid JSON: {e.Message}" };
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static SignalBody Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new SignalBody { Outcome = SignalBodyOutcome.NotASignal, Detail = "The body must be one signal object or {\"signals\": [...]}." };
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!root.TryGetProperty("signals", out var batch))
        {
            var signal = SignalReader.Read(root, string.Empty, errors);
            return signal is null ? Invalid(errors) : Valid([new IncomingSignal(signal, root.GetRawText())]);
        }

        if (batch.ValueKind != JsonValueKind.Array || batch.GetArrayLength() == 0)
        {
            errors["signals"] = [$"Must be an array of 1 to {MaxSignals} signals."];
            return Invalid(errors);
        }

        if (batch.GetArrayLength() > MaxSignals)
        {
            return new SignalBody
            {
                Outcome = SignalBodyOutcome.TooManySignals,
                Detail = $"A request carries at most {MaxSignals} signals; this one has {batch.GetArrayLength()}. Split it into several requests.",
            };
        }

        var signals = new List<IncomingSignal>(batch.GetArrayLength());
        var index = 0;
        foreach (var element in batch.EnumerateArray())
        {
            if (SignalReader.Read(element, $"signals[{index}]", errors) is { } signal)
            {
                signals.Add(new IncomingSignal(signal, element.GetRawText()));
            }

            index++;
        }

        return errors.Count > 0 ? Invalid(errors) : Valid(signals);
    }

    private static SignalBody Valid(IReadOnlyList<IncomingSignal> signals) => new() { Outcome = SignalBodyOutcome.Valid, Signals = signals };

    private static SignalBody Invalid(Dictionary<string, string[]> errors) => new() { Outcome = SignalBodyOutcome.Invalid, Errors = errors };

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8Json) =>
        utf8Json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json;
}

/// <summary>Whether a signal request body can be accepted, and if not, which answer it gets.</summary>
public enum SignalBodyOutcome
{
    Valid,

    /// <summary>Not parseable as JSON (400).</summary>
    MalformedJson,

    /// <summary>JSON, but neither a signal object nor a batch (400).</summary>
    NotASignal,

    /// <summary>One or more fields break the contract (400, naming each).</summary>
    Invalid,

    /// <summary>More than <see cref="SignalBody.MaxSignals"/> signals (413).</summary>
    TooManySignals,
}
