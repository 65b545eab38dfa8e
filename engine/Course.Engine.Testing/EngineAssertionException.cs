namespace Course.Engine.Testing;

/// <summary>A failed tensor or gradient assertion; xunit reports it as an assertion failure (not an error) with the message only.</summary>
public sealed class EngineAssertionException(string message) : Exception(message), IAssertionException;

/// <summary>
/// xunit classifies a failure as an assertion failure when the exception implements an interface named
/// <c>IAssertionException</c>, whatever its namespace (the convention FluentAssertions relies on too).
/// </summary>
internal interface IAssertionException;
