namespace SlackApp.Signals;

/// <summary>The <c>202</c> answer: signals newly stored, and repeated ids that were ignored.</summary>
public sealed record SignalIntakeResult(int Accepted, int Duplicates);
