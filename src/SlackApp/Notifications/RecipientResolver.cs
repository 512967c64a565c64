using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.Signals;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// Turns a signal's matching workflows into one delivery per recipient: channels as they are, specific users
/// as DMs, account roles looked up by email. A role whose person is missing goes to the workflow's fallback
/// channel, else the workspace's, with a line saying whose DM could not be delivered; with neither, it is
/// undeliverable with that reason. Recipients shared by several workflows get one delivery naming them all.
/// The people found are kept with the plan, and the account owner is looked up even when nobody DMs them, so every
/// copy can mention the owner rather than show an email. An owner mapping is read before Slack is asked; an email
/// Slack did not know is kept in the plan (counted as unmatched) and on the fallback copy (which offers to map it).
/// </summary>
public sealed class RecipientResolver(SlackUserDirectory directory, OwnerMappingRepository mappings)
{
    public async Task<RecipientPlan> ResolveAsync(
        Workspace workspace,
        ISlackApiClient client,
        Signal signal,
        IReadOnlyList<WorkflowMatch> matches,
        string? workspaceFallbackChannelId,
        CancellationToken cancellationToken)
    {
        var plan = new Plan();
        var people = AccountPeople.None;
        var unmatched = new List<(string Email, string Role)>();
        foreach (var match in matches)
        {
            var recipients = match.Workflow.Recipients;
            foreach (var channel in recipients.ChannelIds)
            {
                plan.Add(RecipientKind.Channel, channel, match);
            }

            foreach (var user in recipients.UserIds)
            {
                plan.Add(RecipientKind.User, user, match);
            }

            foreach (var role in recipients.Roles)
            {
                var email = signal.Account.EmailOf(role);
                var lookup = string.IsNullOrWhiteSpace(email)
                    ? UserLookup.Missing($"the signal names no {SignalNames.Label(role)} email.")
                    : await FindAsync(workspace, client, email, cancellationToken);
                if (lookup.UserId is { } userId)
                {
                    people = people.With(role, userId);
                    plan.Add(RecipientKind.User, userId, match);
                    continue;
                }

                AccountRole? unmatchedRole = lookup.EmailNotFound ? role : null;
                if (unmatchedRole is not null && !unmatched.Exists(u => u.Role == SignalNames.Wire(role)))
                {
                    unmatched.Add((email!, SignalNames.Wire(role)));
                }

                var note = $"Could not DM the {RoleWords(role)}: {lookup.Problem}";
                var fallback = NullIfBlank(match.Workflow.FallbackChannelId) ?? NullIfBlank(workspaceFallbackChannelId);
                if (fallback is not null)
                {
                    plan.Add(RecipientKind.Channel, fallback, match, note, unmatchedRole: unmatchedRole);
                }
                else
                {
                    plan.Add(RecipientKind.Role, SignalNames.Wire(role), match, note: null, reason: $"{note} No fallback channel is set.");
                }
            }
        }

        if (people.OwnerUserId is null && await FindOwnerAsync(workspace, client, signal, cancellationToken) is { } owner)
        {
            people = people with { OwnerUserId = owner };
        }

        return new RecipientPlan(plan.Deliveries(), people) { Unmatched = unmatched };
    }

    // The mapping first: an admin said who this email is. A mapped person who left is missing, and says so, rather
    // than falling back to an email Slack already did not know.
    private async Task<UserLookup> FindAsync(Workspace workspace, ISlackApiClient client, string email, CancellationToken cancellationToken)
    {
        if (await mappings.FindAsync(workspace, email, cancellationToken) is not { } mapping)
        {
            return await directory.FindByEmailAsync(workspace, client, email, cancellationToken);
        }

        var mapped = await directory.FindByIdAsync(workspace, client, mapping.SlackUserId, cancellationToken);
        return mapped.UserId is not null
            ? mapped
            : UserLookup.NotFound($"{UntrustedText.Mrkdwn(email)} is mapped to <@{mapping.SlackUserId}>, who is deactivated or no longer in this Slack workspace; map it again.");
    }

    // Only to show who owns the account: a failure here must not hold the notification back.
    private async Task<string?> FindOwnerAsync(Workspace workspace, ISlackApiClient client, Signal signal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(signal.Account.OwnerEmail))
        {
            return null;
        }

        try
        {
            return (await FindAsync(workspace, client, signal.Account.OwnerEmail, cancellationToken)).UserId;
        }
        catch (SlackApiException)
        {
            return null;
        }
    }

    // "account owner (AE)", "CSM", "SDR": reads naturally after "Could not DM the".
    private static string RoleWords(AccountRole role) => role == AccountRole.Owner ? "account owner (AE)" : SignalNames.Label(role);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Plan
    {
        private readonly Dictionary<(RecipientKind, string), Builder> _byRecipient = [];
        private readonly List<Builder> _order = [];

        public void Add(RecipientKind kind, string id, WorkflowMatch match, string? note = null, string? reason = null, AccountRole? unmatchedRole = null)
        {
            if (!_byRecipient.TryGetValue((kind, id), out var builder))
            {
                builder = new Builder(kind, id);
                _byRecipient[(kind, id)] = builder;
                _order.Add(builder);
            }

            // A workflow with several roles missing reaches the same fallback channel once.
            if (!builder.Matches.Exists(m => ReferenceEquals(m, match) || (m.Workflow.Id != 0 && m.Workflow.Id == match.Workflow.Id)))
            {
                builder.Matches.Add(match);
            }

            if (note is not null && !builder.Notes.Contains(note))
            {
                builder.Notes.Add(note);
            }

            if (reason is not null && !builder.Reasons.Contains(reason))
            {
                builder.Reasons.Add(reason);
            }

            if (unmatchedRole is { } role && !builder.UnmatchedRoles.Contains(role))
            {
                builder.UnmatchedRoles.Add(role);
            }
        }

        public IReadOnlyList<PlannedDelivery> Deliveries() =>
            _order.Select(b => new PlannedDelivery(b.Kind, b.Id, b.Matches, b.Notes, b.Reasons.Count == 0 ? null : string.Join(" ", b.Reasons))
            {
                UnmatchedRoles = b.UnmatchedRoles,
            }).ToList();

        private sealed record Builder(RecipientKind Kind, string Id)
        {
            public List<WorkflowMatch> Matches { get; } = [];
            public List<string> Notes { get; } = [];
            public List<string> Reasons { get; } = [];
            public List<AccountRole> UnmatchedRoles { get; } = [];
        }
    }
}

/// <summary>A signal's deliveries, and the account's people found in Slack on the way.</summary>
public sealed record RecipientPlan(IReadOnlyList<PlannedDelivery> Deliveries, AccountPeople People)
{
    /// <summary>The role emails Slack knew no one by (email, role wire name), counted once for this signal when stored.</summary>
    public IReadOnlyList<(string Email, string Role)> Unmatched { get; init; } = [];
}
