using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Captions.Engine.Translation;
using Captions.Engine.Translation.Prompting;
using Captions.TestKit.Translation;
using Captions.Translation.Qwen;
using OpenAI;
using OpenAI.Chat;
using Spectre.Console;

namespace Captions.Benchmarks.Translation;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- qwen-loopback [--captions N]`: client overhead of the
/// remote Qwen translator per caption (time to first streamed update and to the validated complete translation) against
/// the loopback server answering with zero delay, p50/p95 over N captions (default 300) after a warm-up. The peer in the
/// same run is a bare HttpClient posting the same JSON and reading the SSE lines itself (no SDK, no prompt, no validation),
/// so the difference is what the SDK, Polly and the prompt/validator path cost; the OpenAI SDK alone with the same prompt
/// splits that difference between the SDK and our layer.
/// </summary>
public static class QwenLoopbackRunner
{
    private static readonly (string English, string Spanish)[] s_captions =
    [
        ("Hello, how are you?", "Hola, ¿cómo estás?"),
        ("The next train to Madrid departs from platform 4.", "El próximo tren a Madrid sale del andén 4."),
        ("Mind the gap between the train and the platform.", "Cuidado con el hueco entre el tren y el andén."),
        ("Please keep your belongings with you at all times.", "Por favor, lleve sus pertenencias consigo en todo momento."),
        ("We choose to go to the moon in this decade and do the other things.", "Elegimos ir a la Luna en esta década y hacer las otras cosas."),
        ("Emergency exit", "Salida de emergencia"),
        ("Check-in closes 45 minutes before departure.", "La facturación cierra 45 minutos antes de la salida."),
        ("Thank you for your patience.", "Gracias por su paciencia."),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length >= 2 && args[0] == "--captions" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        await using var server = await OpenAiLoopbackServer.StartAsync();
        server.DefaultBehavior = LoopbackBehavior.Translate(user => s_captions.First(c => user.Contains(c.English, StringComparison.Ordinal)).Spanish);
        var options = new QwenTranslatorOptions
        {
            BaseUrl = server.BaseUrl,
            Model = "qwen-loopback",
            ApiKey = "sk-bench",
            RequestTimeout = TimeSpan.FromSeconds(10),
            FirstTokenTimeout = TimeSpan.FromSeconds(10),
            StallTimeout = TimeSpan.FromSeconds(10),
        };

        await using var translator = new QwenTranslator(options);
        using var peer = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        using var sdkHttp = new HttpClient();
        var sdk = new ChatClient("qwen-loopback", new ApiKeyCredential("sk-bench"), new OpenAIClientOptions
        {
            Endpoint = server.BaseUrl,
            Transport = new HttpClientPipelineTransport(sdkHttp),
            RetryPolicy = new ClientRetryPolicy(0),
        });
        var clients = new Func<int, Task<(double First, double Complete)>>[]
        {
            i => MeasureOursAsync(translator, i),
            i => MeasureSdkAsync(sdk, i),
            i => MeasurePeerAsync(peer, i),
        };
        var results = clients.Select(_ => (First: new List<double>(count), Complete: new List<double>(count))).ToArray();
        for (var i = -30; i < count; i++)
        {
            // Interleaved, rotating which client goes first, so load from other processes hits all three alike.
            for (var k = 0; k < clients.Length; k++)
            {
                var c = (k + Math.Max(i, 0)) % clients.Length;
                var (first, complete) = await clients[c](Math.Max(i, 0));
                if (i >= 0)
                {
                    results[c].First.Add(first);
                    results[c].Complete.Add(complete);
                }
            }
        }

        var (ours, sdkOnly, bare) = (results[0], results[1], results[2]);

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"remote Qwen client overhead per caption, loopback server with zero delay, {count} captions")
            .AddColumns("client", "first update p50 ms", "p95 ms", "complete p50 ms", "p95 ms");
        table.AddRow(Row("QwenTranslator (SDK + Polly + prompt + validator)", ours));
        table.AddRow(Row("OpenAI SDK alone, same prompt (no Polly, no validation)", sdkOnly));
        table.AddRow(Row("bare HttpClient SSE reader (peer)", bare));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"ratio ours/peer complete p50 {Percentile(ours.Complete, 0.5) / Percentile(bare.Complete, 0.5):F2}x; connections used: {server.ConnectionCount} for {server.RequestCount} requests");
        return 0;
    }

    private static async Task<(double First, double Complete)> MeasureOursAsync(QwenTranslator translator, int i)
    {
        var request = new TranslationRequest(s_captions[i % s_captions.Length].English, "en", "es");
        var start = Stopwatch.GetTimestamp();
        double first = -1;
        await foreach (var update in translator.TranslateAsync(request, CancellationToken.None))
        {
            if (first < 0)
            {
                first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return (first, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static async Task<(double First, double Complete)> MeasureSdkAsync(ChatClient client, int i)
    {
        var prompt = TranslationPrompt.Build(new TranslationRequest(s_captions[i % s_captions.Length].English, "en", "es"));
        var start = Stopwatch.GetTimestamp();
        double first = -1;
        await foreach (var update in client.CompleteChatStreamingAsync([new SystemChatMessage(prompt.System), new UserChatMessage(prompt.User)]))
        {
            if (first < 0 && update.ContentUpdate.Count > 0 && update.ContentUpdate[0].Text.Length > 0)
            {
                first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return (first, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static async Task<(double First, double Complete)> MeasurePeerAsync(HttpClient client, int i)
    {
        var body = JsonSerializer.Serialize(new
        {
            model = "qwen-loopback",
            stream = true,
            messages = new[] { new { role = "user", content = s_captions[i % s_captions.Length].English } },
        });
        var start = Stopwatch.GetTimestamp();
        using var message = new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var text = new StringBuilder();
        double first = -1;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal) || line == "data: [DONE]")
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line.AsMemory(6));
            if (chunk.RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 } piece)
            {
                text.Append(piece);
                if (first < 0)
                {
                    first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }
        }

        return (first, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static string[] Row(string name, (List<double> First, List<double> Complete) times) =>
        [name, $"{Percentile(times.First, 0.5):F3}", $"{Percentile(times.First, 0.95):F3}", $"{Percentile(times.Complete, 0.5):F3}", $"{Percentile(times.Complete, 0.95):F3}"];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
