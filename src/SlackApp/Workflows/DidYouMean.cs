namespace SlackApp.Workflows;

/// <summary>Suggests the known word closest to a mistyped one (Levenshtein distance), for "did you mean" hints.</summary>
public static class DidYouMean
{
    /// <summary>The candidate within two edits (one for short words) of <paramref name="typed"/>, or null.</summary>
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var word = typed.Trim().ToLowerInvariant();
        if (word.Length == 0)
        {
            return null;
        }

        var allowed = word.Length <= 3 ? 1 : 2;
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(word, c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed && c.Distance < c.Candidate.Length)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>Insertions, deletions, substitutions and swaps of adjacent letters needed to turn one word into the other.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
