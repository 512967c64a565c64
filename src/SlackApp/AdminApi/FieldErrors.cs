namespace SlackApp.AdminApi;

/// <summary>The problems of a request body, each under the field it is about (<c>recipients.channels[1]</c>), as problem+json's <c>errors</c>.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public bool Has(string field) => _errors.ContainsKey(field);

    public bool HasUnder(string prefix) => _errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    public void Add(string field, string problem)
    {
        if (!_errors.TryGetValue(field, out var problems))
        {
            _errors[field] = problems = [];
        }

        problems.Add(problem);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
