using System.Diagnostics;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>libxml2's xmllint: a second, independent well-formedness check of every XML file.</summary>
public static class XmlLint
{
    private const string Path = "/usr/bin/xmllint";

    public static void SkipUnlessAvailable()
    {
        if (!File.Exists(Path) && Tools.Required)
        {
            throw new InvalidOperationException("xmllint is required here (CI): apt-get install libxml2-utils");
        }

        Skip.IfNot(File.Exists(Path), "xmllint is not installed: apt-get install libxml2-utils (CI installs it)");
    }

    public static (int ExitCode, string Errors) Check(string file)
    {
        using var process = Process.Start(new ProcessStartInfo(Path, ["--noout", "--nonet", file]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }
}
