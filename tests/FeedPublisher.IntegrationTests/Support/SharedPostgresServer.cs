namespace FeedPublisher.IntegrationTests.Support;

/// <summary>The test classes that share the one PostgreSQL cluster the assembly starts: <c>[Collection(SharedPostgresServer.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresServer : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
