using System.Text.Json;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What a publish is about to change in the feed directory, written (atomically) before the first
/// file is replaced: the staged files to move into place, the files to delete and the resulting
/// list of files. A publish killed halfway is finished from it by the next one (roll forward).
/// </summary>
internal sealed record PublishJournal(IReadOnlyList<string[]> Renames, IReadOnlyList<string> Removals, IReadOnlyList<string> Manifest)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static PublishJournal? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<PublishJournal>(File.ReadAllBytes(path)) : null;
}
