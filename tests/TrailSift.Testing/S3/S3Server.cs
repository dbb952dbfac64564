using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TrailSift.Testing.S3;

/// <summary>
/// A real S3-compatible server for tests: s3rver (tests/node_modules) started through tests/s3rver/serve.js on a
/// free 127.0.0.1 port with a temporary data folder, stopped (and the folder deleted) on dispose.
/// </summary>
public sealed class S3Server : IDisposable
{
    /// <summary>The access key and secret s3rver accepts.</summary>
    public const string Key = "S3RVER";

    private readonly Process _process;
    private readonly string _data;

    private S3Server(Process process, string data, int port)
    {
        _process = process;
        _data = data;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    /// <summary>The server's URL.</summary>
    public string Endpoint { get; }

    /// <summary>Why the server cannot run here, or null.</summary>
    public static string? MissingReason { get; } = FindMissing();

    private static string Script => Path.Combine(RepoPaths.Root, "tests", "s3rver", "serve.js");

    /// <summary>Starts the server with the given buckets.</summary>
    public static S3Server Start(params string[] buckets)
    {
        string data = Path.Combine(Path.GetTempPath(), "trailsift-s3rver-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(Node!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(data);
        foreach (string b in buckets)
        {
            start.ArgumentList.Add(b);
        }

        Process process = Process.Start(start)!;
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("port ", StringComparison.Ordinal))
        {
            string err = process.StandardError.ReadToEnd();
            process.Kill();
            throw new InvalidOperationException("s3rver did not start: " + err);
        }

        return new S3Server(process, data, int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An SDK client for setting up fixtures (chunked-upload signing off, as s3rver needs).</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(Key, Key), new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Uploads every file under <paramref name="root"/> with its relative path as key; returns the keys.</summary>
    public IReadOnlyList<string> UploadTree(string bucket, string root, Func<string, Dictionary<string, string>?>? metadata = null)
    {
        using AmazonS3Client client = Client();
        var keys = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string key = Path.GetRelativePath(root, file).Replace('\\', '/');
            var put = new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file, UseChunkEncoding = false };
            foreach ((string name, string value) in metadata?.Invoke(key) ?? [])
            {
                put.Metadata.Add(name, value);
            }

            client.PutObjectAsync(put).GetAwaiter().GetResult();
            keys.Add(key);
        }

        return keys;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Node => FindOnPath("node");

    private static string? FindMissing()
    {
        if (Node is null)
        {
            return "node is not on the PATH: the S3 tests run s3rver (Node.js); install nodejs and run ./test.sh";
        }

        return File.Exists(Path.Combine(RepoPaths.Root, "tests", "node_modules", "s3rver", "package.json"))
            ? null
            : "tests/node_modules/s3rver is missing: ./test.sh installs it from tests/package.json (npm ci)";
    }

    private static string? FindOnPath(string name) => ExecutablePath.Find(name);
}
