using System.Runtime.CompilerServices;
using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>
/// The photos of one folder, in ordinal file-name order, one frame each, optionally <see cref="FrameSourceOptions.PhotoInterval"/>
/// apart on the injected clock (frame i has Timestamp i * interval).
/// </summary>
/// <remarks>
/// Files are picked by extension (<see cref="ImageExtensions"/>); other files are ignored. A photo that cannot be
/// decoded (corrupt, truncated, a text file named .jpg) is skipped, counted in <see cref="SkippedPhotos"/> and
/// reported through <see cref="FrameSourceOptions.PhotoSkipped"/>; the rest of the folder goes on. A folder with no
/// photo, or none that decodes, is a <see cref="FrameSourceException"/>.
/// Threading model: one reader; decoding runs on the thread pool.
/// </remarks>
public sealed class PhotoDirectorySource : IFrameSource
{
    private readonly string _directory;
    private readonly FrameSourceOptions _options;
    private readonly TimeProvider _time;
    private long _skipped;

    public PhotoDirectorySource(string directory, FrameSourceOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PhotoInterval, TimeSpan.Zero);
        _directory = directory;
        _options = options;
        _time = time;
        Description = $"photos in {directory}";
    }

    /// <summary>Extensions taken as photos (lower case, with the dot).</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".png", ".bmp", ".tif", ".tiff", ".gif", ".webp", ".pnm", ".ppm", ".pgm", ".pbm", ".jp2",
    };

    public string Description { get; }

    public bool IsLive => false;

    public long DroppedFrames => 0;

    /// <summary>Photos skipped because they could not be decoded.</summary>
    public long SkippedPhotos => Interlocked.Read(ref _skipped);

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] photos = ListPhotos();
        long sequence = 0;
        ImageDecodeException? firstFailure = null;
        foreach (string photo in photos)
        {
            if (sequence > 0 && _options.PhotoInterval > TimeSpan.Zero)
            {
                await Task.Delay(_options.PhotoInterval, _time, cancellationToken).ConfigureAwait(false);
            }

            ImageFrame decoded;
            try
            {
                decoded = await Task.Run(() => ImageDecoder.Decode(photo, _options.MaxSide), cancellationToken).ConfigureAwait(false);
            }
            catch (ImageDecodeException ex)
            {
                Interlocked.Increment(ref _skipped);
                firstFailure ??= ex;
                _options.PhotoSkipped?.Invoke(ex);
                continue;
            }

            yield return new ImageFrame(decoded.Pixels, decoded.Width, decoded.Height, decoded.Stride)
            {
                Sequence = sequence,
                Timestamp = _options.PhotoInterval * sequence,
                CapturedAt = _time.GetTimestamp(),
                Origin = $"photo {Path.GetFileName(photo)}",
            };
            sequence++;
        }

        if (sequence == 0 && firstFailure is not null)
        {
            throw new FrameSourceException(
                $"{Description}: none of the {photos.Length} photos could be decoded (first: {firstFailure.Message})", firstFailure);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string[] ListPhotos()
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(_directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FrameSourceException($"{Description}: the folder cannot be read ({ex.Message})", ex);
        }

        string[] photos = files.Where(f => ImageExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToArray();
        if (photos.Length == 0)
        {
            throw new FrameSourceException(files.Length == 0
                ? $"{Description}: the folder is empty"
                : $"{Description}: no photos among its {files.Length} files (looked for {string.Join(", ", ImageExtensions.Order(StringComparer.Ordinal))})");
        }

        return photos;
    }
}
