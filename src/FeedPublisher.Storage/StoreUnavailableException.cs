namespace FeedPublisher.Storage;

/// <summary>
/// The store's server could not be reached or refused us. The message says which server and why,
/// and is meant for the operator as it is: it never holds a password, and a stack trace adds nothing.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
