using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Benchmarks.Cases;
using OneVisit.Rules.Hosting;
using OneVisit.Web.Hosting;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Benchmarks.Web;

/// <summary>
/// <c>web-load [rate] [seconds]</c>: OneVisit.Web on Kestrel (loopback, the sample catalogue, SQLite), driven by an
/// open-loop load client in the same process at a fixed request rate. Latency is measured from when each request was
/// due, not when it was sent, so a server that falls behind shows it (no coordinated omission). Two targets: the
/// precheck API (errand 4 as JSON) and the check's result page (errand 4's answers posted as the form does). Then the
/// rate is stepped up to find where p99 crosses 50 ms. BenchmarkDotNet measures one call at a time, not a rate with
/// percentiles, hence a mode.
/// </summary>
internal static partial class WebLoadRun
{
    private const string Errand4Json = """{"procedure": "330100-SC-0004", "facts": {"applicant.has_local_hukou": false, "applicant.months_contributed": 14, "applicant.rents_home": true, "applicant.marital_status": "single", "applicant.fund_account_center": "city", "applicant.authorises_property_query": true, "applicant.has_fund_joint_card": true, "applicant.has_smartphone": true, "household.owns_home_in_hangzhou": false, "withdrawal.above_basic_quota": false}, "documents": [{"document": "resident_id_card", "issued_on": "2012-05-04", "expires_on": "2032-05-04", "electronic": true}, {"document": "housing_fund_withdrawal_form", "issued_on": "2017-02-18", "electronic": true}]}""";

    private static readonly (string Path, string Value)[] Errand4Answers =
    [
        ("applicant.has_local_hukou", "false"), ("applicant.months_contributed", "14"), ("applicant.rents_home", "true"),
        ("applicant.marital_status", "single"), ("applicant.fund_account_center", "city"), ("applicant.authorises_property_query", "true"),
        ("applicant.has_fund_joint_card", "true"), ("applicant.has_smartphone", "true"), ("household.owns_home_in_hangzhou", "false"),
        ("withdrawal.above_basic_quota", "false"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
        var folder = Directory.CreateTempSubdirectory("onevisit-web-load-").FullName;
        try
        {
            await using var app = Host(folder);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = Client(address);
            var page = await ResultPageRequestAsync(client);
            var api = () => new HttpRequestMessage(HttpMethod.Post, "/onevisit/api/precheck") { Content = new StringContent(Errand4Json, System.Text.Encoding.UTF8, "application/json") };

            Console.WriteLine($"// OneVisit.Web on {address}; {Environment.ProcessorCount} cores; server GC: {System.Runtime.GCSettings.IsServerGC}. Warming up…");
            await DriveAsync(client, api, 100, 5);
            await DriveAsync(client, page, 100, 5);

            Console.WriteLine(Percentiles.Header);
            Console.WriteLine((await DriveAsync(client, api, rate, seconds)).Row($"precheck API, {rate}/s for {seconds} s"));
            Console.WriteLine((await DriveAsync(client, page, rate, seconds)).Row($"result page, {rate}/s for {seconds} s"));
            foreach (var (name, request) in new[] { ("precheck API", api), ("result page", page) })
            {
                foreach (var step in new[] { 500, 1000, 2000, 3000, 4000, 5000, 6000, 8000 })
                {
                    var result = await DriveAsync(client, request, step, 10);
                    Console.WriteLine(result.Row($"{name}, {step}/s for 10 s"));
                    if (result.At(0.99) > TimeSpan.FromMilliseconds(50))
                    {
                        break;
                    }
                }
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static WebApplication Host(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOneVisit()
            .AddCatalog(OneVisit.Tests.Shared.RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(folder, "cases.db")}").UseSimulatedDepartments())
            .AddWeb();
        var app = builder.Build();
        app.MapOneVisit("/onevisit");
        return app;
    }

    private static HttpClient Client(string address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = true, CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(30),
        };

    // The result page as a browser reaches it: the form's token from the first question page, then every answer posted.
    private static async Task<Func<HttpRequestMessage>> ResultPageRequestAsync(HttpClient client)
    {
        var first = await client.GetStringAsync("/onevisit/check/330100-SC-0004");
        var token = TokenField().Match(first).Groups[1].Value;
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token)) };
        form.AddRange(Errand4Answers.Select(a => new KeyValuePair<string, string>("answer:" + a.Path, a.Value)));
        var check = await client.SendAsync(Post());
        var html = await check.Content.ReadAsStringAsync();
        if (!check.IsSuccessStatusCode || !html.Contains("verdict", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The result page did not come back ({(int)check.StatusCode}): {html[..Math.Min(400, html.Length)]}");
        }

        return Post;

        HttpRequestMessage Post() => new(HttpMethod.Post, "/onevisit/check/330100-SC-0004") { Content = new FormUrlEncodedContent(form) };
    }

    // Open loop: request i is due at start + i / rate whether or not earlier ones have answered.
    private static async Task<Percentiles> DriveAsync(HttpClient client, Func<HttpRequestMessage> request, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new TimeSpan[total];
        var failures = 0;
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp();
        // Every millisecond or so, send what has fallen due. Sleeping, not spinning: on 2 cores a spinning client would
        // take a core from the server it measures. A request sent up to a tick late counts that lateness as latency.
        for (var i = 0; i < total;)
        {
            var now = Stopwatch.GetTimestamp();
            for (; i < total && start + (long)(i * (double)Stopwatch.Frequency / rate) <= now; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                var index = i;
                tasks[i] = Task.Run(async () =>
                {
                    using var response = await client.SendAsync(request());
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[index] = Stopwatch.GetElapsedTime(due);
                });
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(tasks);
        return failures == 0 ? new Percentiles(latencies) : throw new InvalidOperationException($"{failures} of {total} requests failed at {rate}/s.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
