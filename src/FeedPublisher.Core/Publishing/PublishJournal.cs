using System.Text.Json;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What a publish is about to change in the feed directory, written (atomically) before the first
/// file is replaced: the staged files to move into place, the files to delete and the resulting
/// list of files. A publish killed halfway is finished from it by the next one (roll forward).
/// </summary>
/// <param name="Tree">True when the staging folder's tree (<see cref="PublishState.StagedTree"/>) holds files to move into place, each at its own path; false in journals of versions before it.</param>
internal sealed record PublishJournal(IReadOnlyList<string[]> Renames, IReadOnlyList<string> Removals, IReadOnlyList<string> Manifest, bool Tree = false)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static PublishJournal? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<PublishJournal>(File.ReadAllBytes(path)) : null;
}
