namespace SlackApp.Workflows;

/// <summary>What happened: the four signal types of the contract.</summary>
public enum SignalType
{
    JobChange,
    NewHire,
    Promotion,
    ContactLeft,
}

/// <summary>Ordered: a filter "Director+" means Director, VP or C-level.</summary>
public enum Seniority
{
    IndividualContributor,
    Manager,
    Director,
    Vp,
    CLevel,
}

/// <summary>Where the account stands with the vendor.</summary>
public enum AccountStatus
{
    Customer,
    OpenOpportunity,
    ClosedLost,
    Target,
    Other,
}

/// <summary>How the person was known before (mostly for job changes).</summary>
public enum PersonRelationship
{
    Champion,
    Buyer,
    User,
    Prospect,
    Other,
}

/// <summary>A vendor-side role on an account, resolved to a Slack user by email.</summary>
public enum AccountRole
{
    /// <summary>The account owner: its Account Executive.</summary>
    Owner,
    Csm,
    Sdr,
}
