using System.Runtime.CompilerServices;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>
/// Golden files in TestData/. A test compares its output with the file; with UPDATE_GOLDEN=1 it
/// rewrites the file instead (review the diff before committing it).
/// </summary>
public static class Golden
{
    public static string TestData { get; } = Path.Combine(ProjectDirectory(), "TestData");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(TestData, relativePath));

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(TestData, relativePath));

    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(TestData, relativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string ProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
