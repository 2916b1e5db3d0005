using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedPublisher.IntegrationTests.Support;

namespace FeedPublisher.IntegrationTests.Serving;

/// <summary>
/// The feed directory served by nginx with the configuration docs/serving.md gives (read from
/// that file, so the documentation cannot drift from what is tested): every item link answers
/// with its article page, a page without its final slash is redirected, the feeds have their
/// media types, the .gz siblings go to clients that accept gzip, and dotfiles are refused.
/// </summary>
public sealed partial class StaticServerTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Nginx_TheDocumentedConfiguration_ServesEveryPageAndFeed()
    {
        if (!File.Exists(Nginx) && Tools.Required)
        {
            throw new InvalidOperationException("nginx is required here (CI): apt-get install nginx");
        }

        Skip.IfNot(File.Exists(Nginx), "nginx is not installed: apt-get install nginx (CI installs it)");
        var port = FreePort();
        var www = _temp.CreateFolder("www");
        var baseUrl = $"http://127.0.0.1:{port}/feeds/";
        var articles = _temp.CreateFolder("articles");
        RepositoryPaths.CopySampleArticles(articles);
        var published = await FeedPublisherCli.RunAsync(_temp.Path, "publish", "--articles", articles, "--feeds", Path.Combine(www, "feeds"),
            "--store", _temp.Combine("store.db"), "--base-url", baseUrl);
        Assert.True(published.ExitCode == 0, published.ToString());

        using var nginx = StartNginx(www, port);
        try
        {
            await CheckAsync(www, baseUrl, nginx);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    private static async Task CheckAsync(string www, string baseUrl, Process nginx)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
        await WaitUntilListeningAsync(http, baseUrl, nginx);

        var links = XDocument.Load(Path.Combine(www, "feeds", "rss.xml")).Descendants("item").Select(i => i.Element("link")!.Value)
            .Where(l => l.StartsWith(baseUrl, StringComparison.Ordinal)).ToList();
        Assert.True(links.Count >= 5, string.Join("\n", links));
        foreach (var link in links)
        {
            using var page = await http.GetAsync(link);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{link}: {(int)page.StatusCode}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"<link rel=\"canonical\" href=\"{link}\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var withoutSlash = await http.GetAsync(link.TrimEnd('/'));
            Assert.Equal(HttpStatusCode.MovedPermanently, withoutSlash.StatusCode);
            Assert.EndsWith(new Uri(link).AbsolutePath, withoutSlash.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        foreach (var (file, type) in new[] { ("rss.xml", "application/rss+xml"), ("atom.xml", "application/atom+xml"), ("feed.json", "application/feed+json"), ("feeds.opml", "text/x-opml"), ("", "text/html") })
        {
            using var feed = await http.GetAsync(baseUrl + file);
            Assert.True(feed.StatusCode == HttpStatusCode.OK, $"{file}: {(int)feed.StatusCode}");
            Assert.Equal(type, feed.Content.Headers.ContentType?.MediaType);
        }

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, links[0]);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzipped = await http.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));

        foreach (var dotfile in new[] { ".fp-pages", ".fp-manifest", ".fp-staging/" })
        {
            using var refused = await http.GetAsync(baseUrl + dotfile);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{dotfile}: {(int)refused.StatusCode}");
        }
    }

    /// <summary>nginx in the foreground with the documentation's location block, its root moved to <paramref name="www"/>.</summary>
    private Process StartNginx(string www, int port)
    {
        var documented = NginxBlock().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "serving.md")));
        Assert.True(documented.Success, "docs/serving.md has no ```nginx block");
        var location = documented.Groups["block"].Value.Replace("root /var/www;", $"root {www};", StringComparison.Ordinal);
        Assert.Contains(www, location, StringComparison.Ordinal);
        var logs = _temp.CreateFolder("nginx");
        var config = Path.Combine(logs, "nginx.conf");
        // Workers as the test's own user: nginx's default for a root master, nobody, cannot enter the test's 0700 folders.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(config, $$"""
            {{user}}worker_processes 1;
            error_log {{logs}}/error.log;
            pid {{logs}}/nginx.pid;
            events {}
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{logs}};
                proxy_temp_path {{logs}};
                fastcgi_temp_path {{logs}};
                uwsgi_temp_path {{logs}};
                scgi_temp_path {{logs}};
                server {
                    listen 127.0.0.1:{{port}};
            {{location}}
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Nginx, ["-p", logs, "-e", Path.Combine(logs, "startup.log"), "-c", config, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        return process;
    }

    private static async Task WaitUntilListeningAsync(HttpClient http, string baseUrl, Process nginx)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(nginx.HasExited, $"nginx exited: {await nginx.StandardError.ReadToEndAsync()}");
            try
            {
                using var _ = await http.GetAsync(baseUrl);
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("```nginx\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();
}
