namespace FeedPublisher.IntegrationTests.Support;

/// <summary>Paths in the repository and in the test output, found from where the tests run.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample articles that ship in articles/.</summary>
    public static string SampleArticles => Path.Combine(Root, "articles");

    /// <summary>The built executable, copied beside the tests by the project reference.</summary>
    public static string FeedPublisherDll => Path.Combine(AppContext.BaseDirectory, "feedpublisher.dll");

    public static void CopySampleArticles(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(SampleArticles))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedPublisher.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FeedPublisher.sln not found above {AppContext.BaseDirectory}");
    }
}
